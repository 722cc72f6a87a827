import Foundation

/// What the interactive reader remembers between runs (`session.json` beside the state): the
/// list's sort and filter and the selected article. Not the marks: a lost or unreadable file
/// costs only the view, so it is replaced, never merged; it is written whole to a temporary
/// file and renamed into place.
public struct ReaderSession: Codable, Equatable, Sendable {
    public var sort: String?
    public var filter: String?
    public var selected: String?

    public init(sort: String? = nil, filter: String? = nil, selected: String? = nil) {
        (self.sort, self.filter, self.selected) = (sort, filter, selected)
    }

    /// The session of `state`.
    public init(_ state: AppState) {
        self.init(sort: state.sort.rawValue, filter: state.filter.rawValue, selected: state.selectedEntry?.id)
    }

    /// Puts the sort and filter back in `state` (before its list is read; the selection once it is).
    public func restore(into state: inout AppState) {
        if let sort = sort.flatMap(AppState.Sort.init(rawValue:)) { state.sort = sort }
        if let filter = filter.flatMap(AppState.Filter.init(rawValue:)) { state.filter = filter }
        state.selectAfterLoad = selected
    }

    /// The file in the state folder `directory`.
    public static func path(in directory: String) -> String { directory + "/session.json" }

    /// The session saved in `directory`, or an empty one (with why, when the file is unreadable).
    public static func load(from directory: String) -> (session: ReaderSession, problem: String?) {
        guard let data = FileManager.default.contents(atPath: path(in: directory)) else { return (ReaderSession(), nil) }
        guard let session = try? JSONDecoder().decode(ReaderSession.self, from: data) else {
            return (ReaderSession(), "\(Sanitizer.line(path(in: directory))): unreadable, the list starts as new")
        }
        return (session, nil)
    }

    /// Writes the session to `directory`: a temporary file, then a rename.
    public func save(to directory: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let temporary = Self.path(in: directory) + ".tmp-\(getpid())"
        try encoder.encode(self).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, Self.path(in: directory)) == 0 else {
            unlink(temporary)
            throw CocoaError(.fileWriteUnknown)
        }
    }
}
