/// A file the scanner found: an article candidate with its id, path and stat facts.
public struct LibraryFile: Equatable, Sendable {
    /// The path relative to the library, with `/` separators.
    public var id: String
    /// The absolute path.
    public var path: String
    public var format: ArticleFormat
    public var size: Int
    /// Modification time, nanoseconds since the epoch: with the size, what tells a cached
    /// row is still true.
    public var modified: Int
}
