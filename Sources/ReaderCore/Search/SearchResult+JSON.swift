extension SearchResult {
    /// Search results as JSON (`JSONText`), `{id, matches, snippet, title}` each.
    public static func json(_ results: [SearchResult]) -> String {
        JSONText.array(results.map { result in
            [("id", JSONText.string(result.id)), ("matches", "\(result.matches)"), ("snippet", JSONText.string(result.snippet)),
             ("title", JSONText.string(result.title))]
        })
    }
}
