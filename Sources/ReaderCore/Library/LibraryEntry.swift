/// An article as the list shows it: id, title, format, path, date, site, tags, and the reader's
/// marks and progress.
public struct LibraryEntry: Equatable, Sendable, Codable {
    public var id: String
    public var title: String
    public var format: ArticleFormat
    public var path: String
    /// The article's date (`YYYY-MM-DD`): from front matter or the page, else the file's.
    public var saved: String?
    public var read: Bool
    public var bookmarked: Bool
    /// The content fingerprint the state is keyed by.
    public var fingerprint: String
    /// The site's name, else the source URL's host.
    public var site: String?
    public var tags: [String] = []
    /// How far the reader has come, 0-100, when the article was left at a position.
    public var progress: Int?
    /// How long it takes to read, in minutes: estimated from the file (`CachedArticle.minutes`).
    public var minutes: Int?
    /// The fingerprint a state written before whole files were hashed knows it by, if another.
    public var legacyFingerprint: String?

    /// The key of this article's state.
    public var key: ArticleKey { ArticleKey(fingerprint: fingerprint, id: id, legacyFingerprint: legacyFingerprint) }

    public init(id: String, title: String, format: ArticleFormat, path: String, saved: String?, read: Bool = false, bookmarked: Bool = false,
                fingerprint: String = "", site: String? = nil, tags: [String] = [], progress: Int? = nil, minutes: Int? = nil,
                legacyFingerprint: String? = nil) {
        self.id = id
        self.title = title
        self.format = format
        self.path = path
        self.saved = saved
        self.read = read
        self.bookmarked = bookmarked
        self.fingerprint = fingerprint
        (self.site, self.tags, self.progress, self.minutes) = (site, tags, progress, minutes)
        self.legacyFingerprint = legacyFingerprint
    }

    /// `entries` (in id order) newest first, ties keeping their order: grouped by date, so
    /// only the distinct dates are sorted.
    public static func newestFirst(_ entries: [LibraryEntry]) -> [LibraryEntry] {
        var byDate: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() { byDate[entry.saved ?? "", default: []].append(index) }
        var sorted: [LibraryEntry] = []
        sorted.reserveCapacity(entries.count)
        for date in byDate.keys.sorted(by: { $1.utf8.lexicographicallyPrecedes($0.utf8) }) {
            for index in byDate[date]! { sorted.append(entries[index]) }
        }
        return sorted
    }
}
