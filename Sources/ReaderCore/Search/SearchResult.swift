/// One article that matches a library search.
public struct SearchResult: Equatable, Sendable, Codable {
    public var id: String
    public var title: String
    /// How many times the query occurs in the title and body.
    public var matches: Int
    /// The text around the first match, on one line.
    public var snippet: String
    /// Whether the title matches: such articles rank first.
    public var titleMatches: Bool

    public init(id: String, title: String, matches: Int, snippet: String, titleMatches: Bool) {
        self.id = id
        self.title = title
        self.matches = matches
        self.snippet = snippet
        self.titleMatches = titleMatches
    }

    enum CodingKeys: String, CodingKey { case id, title, matches, snippet }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        matches = try c.decode(Int.self, forKey: .matches)
        snippet = try c.decode(String.self, forKey: .snippet)
        titleMatches = false
    }
}
