import Foundation

/// A library folder: its articles, listed with titles and dates, and the problems found.
public struct Library {
    public let root: String

    public init(root: String) {
        self.root = root
    }

    /// How much of a file the list reads to find its title and date.
    static let headBytes = 16 << 10

    /// Every article with its title and date, newest first (ties by id), and the files skipped.
    public func entries() throws(ArticleLoadError) -> (entries: [LibraryEntry], problems: [ArticleLoadError]) {
        let scan = try LibraryScanner(root: root).scan()
        var results = [Result<LibraryEntry, ArticleLoadError>?](repeating: nil, count: scan.files.count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes only its own slot.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: scan.files.count) { index in
                slots[index] = Result { () throws(ArticleLoadError) -> LibraryEntry in try Self.entry(for: scan.files[index]) }
            }
        }
        var entries: [LibraryEntry] = []
        var problems = scan.problems
        for result in results {
            switch result {
            case .success(let entry): entries.append(entry)
            case .failure(let error): problems.append(error)
            case nil: break
            }
        }
        entries.sort { ($0.saved ?? "", $1.id) > ($1.saved ?? "", $0.id) }
        return (entries, problems)
    }

    /// The list entry of one file, read from its head.
    static func entry(for file: LibraryFile) throws(ArticleLoadError) -> LibraryEntry {
        let bytes = try FileReader.read(file.path, limit: headBytes, truncate: true)
        if TextDecoder.looksBinary(bytes) { throw .binary(file.id) }
        let text = TextDecoder.decode(bytes).text
        let head = ArticleParser.head(text, format: file.format, fallbackTitle: fallbackTitle(file.id))
        let saved = head.metadata.date ?? Self.day(file.modified)
        return LibraryEntry(id: file.id, title: head.title, format: file.format, path: file.path, saved: saved)
    }

    /// The file name without folder and extension, as a title of last resort.
    public static func fallbackTitle(_ id: String) -> String {
        let name = id.split(separator: "/").last.map(String.init) ?? id
        guard let dot = name.lastIndex(of: "."), dot > name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// `YYYY-MM-DD` of a Unix time, in UTC.
    static func day(_ seconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        return String(format: "%04d-%02d-%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday))
    }

    /// Finds ARTICLE: an id in the library, else a path to a file.
    public func resolve(_ article: String, cwd: String) throws(ArticleLoadError) -> LibraryFile {
        let inLibrary = root + "/" + article
        let candidates = article.hasPrefix("/") ? [article] : [inLibrary, cwd + "/" + article]
        for path in candidates {
            var info = stat()
            guard lstat(path, &info) == 0 || stat(path, &info) == 0 else { continue }
            let name = path.split(separator: "/").last.map(String.init) ?? path
            guard let format = ArticleFormat(fileName: name) else { throw .unsupportedFormat(article) }
            let id = path == inLibrary ? article : Self.relativeID(of: path, in: root) ?? article
            return LibraryFile(id: id, path: path, format: format, size: Int(info.st_size), modified: Int(info.st_mtim.tv_sec))
        }
        throw .unknownArticle(article)
    }

    /// The id of `path` if it lies inside the library.
    static func relativeID(of path: String, in root: String) -> String? {
        guard let realRoot = realpath(root, nil) else { return nil }
        defer { free(realRoot) }
        guard let realFile = realpath(path, nil) else { return nil }
        defer { free(realFile) }
        let rootPath = String(cString: realRoot), filePath = String(cString: realFile)
        return filePath.hasPrefix(rootPath + "/") ? String(filePath.dropFirst(rootPath.count + 1)) : nil
    }
}
