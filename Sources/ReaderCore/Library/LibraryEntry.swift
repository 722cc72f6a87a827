/// An article as the list shows it: id, title, format, path, date, site, tags, and the reader's
/// marks and progress.
public struct LibraryEntry: Equatable, Sendable {
    public var id: String
    public var title: String
    /// The library's folder, as paths are written (`EscapedPath`): one string every entry
    /// shares, the path being made when it is asked for.
    public var folder: String
    /// The absolute path.
    public var path: String { folder + "/" + id }
    /// The article's date (`YYYY-MM-DD`): from front matter or the page, else the file's.
    public var saved: String?
    /// The site's name, else the source URL's host.
    public var site: String?
    /// The fingerprint a state written before whole files were hashed knows it by, if another.
    public var legacyFingerprint: String?
    public var tags: [String] = []
    /// The content fingerprint the state is keyed by, held packed (the small fields after it
    /// fill the rest of its last word: 136 bytes an entry, 160 with `Int?` fields).
    var packedFingerprint: PackedFingerprint
    /// How long it takes to read, in minutes: estimated from the file (`CachedArticle.minutes`).
    @PackedOptionalInt public var minutes: Int?
    /// How far the reader has come, 0-100, when the article was left at a position.
    @PackedOptionalInt public var progress: Int?
    public var format: ArticleFormat
    public var read: Bool
    public var bookmarked: Bool

    /// The content fingerprint the state is keyed by.
    public var fingerprint: String {
        get { packedFingerprint.text }
        set { packedFingerprint = PackedFingerprint(newValue) }
    }

    /// The key of this article's state.
    public var key: ArticleKey { ArticleKey(fingerprint: fingerprint, id: id, legacyFingerprint: legacyFingerprint) }

    public init(id: String, title: String, format: ArticleFormat, folder: String, saved: String?, read: Bool = false, bookmarked: Bool = false,
                fingerprint: String = "", site: String? = nil, tags: [String] = [], progress: Int? = nil, minutes: Int? = nil,
                legacyFingerprint: String? = nil) {
        self.id = id
        self.title = title
        self.format = format
        self.folder = folder
        self.saved = saved
        self.read = read
        self.bookmarked = bookmarked
        self.packedFingerprint = PackedFingerprint(fingerprint)
        (self.site, self.tags, self.progress, self.minutes) = (site, tags, progress, minutes)
        self.legacyFingerprint = legacyFingerprint
    }
}
