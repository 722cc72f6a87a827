/// Why an article could not be read; `description` is the one line a user sees.
public enum ArticleLoadError: Error, Equatable, CustomStringConvertible {
    case notFound(String)
    case unknownArticle(String)
    case unreadable(String, reason: String)
    case notRegularFile(String, kind: String)
    case symlinkLoop(String)
    case outsideLibrary(String, target: String)
    case tooLarge(String, size: Int, limit: Int)
    case binary(String)
    case unsupportedFormat(String)

    public var description: String {
        switch self {
        case .notFound(let path): return "\(Sanitizer.line(path)): no such file"
        case .unknownArticle(let id): return "\(Sanitizer.line(id)): no such article in the library (see 'reader list')"
        case .unreadable(let path, let reason): return "\(Sanitizer.line(path)): cannot read: \(reason)"
        case .notRegularFile(let path, let kind): return "\(Sanitizer.line(path)): skipped: a \(kind), not a regular file"
        case .symlinkLoop(let path): return "\(Sanitizer.line(path)): skipped: symlink loop"
        case .outsideLibrary(let path, let target):
            return "\(Sanitizer.line(path)): skipped: symlink out of the library (to \(Sanitizer.line(target)))"
        case .tooLarge(let path, let size, let limit):
            return "\(Sanitizer.line(path)): refused: too large (\(size / 1_048_576) MiB; the limit is \(limit / 1_048_576) MiB)"
        case .binary(let path): return "\(Sanitizer.line(path)): refused: a binary file, not text"
        case .unsupportedFormat(let path): return "\(Sanitizer.line(path)): not an article (.txt, .md, .markdown, .html, .htm, .xhtml, .mhtml or .mht)"
        }
    }
}
