/// What the reader remembers of one article: read or not, bookmarked or not, and where the
/// reader was. Each field carries the time it was last set, so two copies merge field by
/// field, the later change winning; a removal (unread, unbookmarked) is a change like any other.
public struct ArticleState: Equatable, Sendable, Codable {
    /// The article's id when last seen: a hint for finding it again after an edit.
    public var path: String
    public var read: Bool
    public var readAt: Double
    public var bookmarked: Bool
    public var bookmarkedAt: Double
    /// The reading position: a text offset, so it survives re-wrapping.
    public var position: Int
    public var positionAt: Double
    /// How far through the article the position is, 0-100, as the reader last showed it.
    public var progress: Int?

    public init(path: String, read: Bool = false, readAt: Double = 0, bookmarked: Bool = false, bookmarkedAt: Double = 0,
                position: Int = 0, positionAt: Double = 0) {
        self.path = path
        self.read = read
        self.readAt = readAt
        self.bookmarked = bookmarked
        self.bookmarkedAt = bookmarkedAt
        self.position = position
        self.positionAt = positionAt
    }

    /// The later of the two for each field; the path of the more recent change.
    public func merged(with other: ArticleState) -> ArticleState {
        var result = self
        if other.readAt > readAt { (result.read, result.readAt) = (other.read, other.readAt) }
        if other.bookmarkedAt > bookmarkedAt { (result.bookmarked, result.bookmarkedAt) = (other.bookmarked, other.bookmarkedAt) }
        if other.positionAt > positionAt {
            (result.position, result.positionAt, result.progress) = (other.position, other.positionAt, other.progress)
        }
        if other.lastChange > lastChange { result.path = other.path }
        return result
    }

    /// When anything was last changed.
    public var lastChange: Double { max(readAt, bookmarkedAt, positionAt) }

    enum CodingKeys: String, CodingKey {
        case path, read, readAt, bookmarked, bookmarkedAt, position, positionAt, progress
    }

    /// Reads every field with a default, so files from older versions still load.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        path = try c.decodeIfPresent(String.self, forKey: .path) ?? ""
        read = try c.decodeIfPresent(Bool.self, forKey: .read) ?? false
        readAt = try c.decodeIfPresent(Double.self, forKey: .readAt) ?? 0
        bookmarked = try c.decodeIfPresent(Bool.self, forKey: .bookmarked) ?? false
        bookmarkedAt = try c.decodeIfPresent(Double.self, forKey: .bookmarkedAt) ?? 0
        position = max(0, try c.decodeIfPresent(Int.self, forKey: .position) ?? 0)
        positionAt = try c.decodeIfPresent(Double.self, forKey: .positionAt) ?? 0
        progress = try c.decodeIfPresent(Int.self, forKey: .progress).map { min(100, max(0, $0)) }
    }
}
