extension SearchResult {
    /// Search results as JSON (`JSONArrayWriter`), `{id, matches, snippet, title}` each.
    public static func json(_ results: [SearchResult]) -> String {
        var writer = JSONArrayWriter(), out = ""
        for result in results {
            writer.beginObject()
            writer.field("id", string: result.id)
            writer.field("matches", literal: String(result.matches))
            writer.field("snippet", string: result.snippet)
            writer.field("title", string: result.title)
            writer.endObject()
            if let piece = writer.takePiece() { out += String(decoding: piece, as: UTF8.self) }
        }
        return out + String(decoding: writer.finish(), as: UTF8.self)
    }
}
