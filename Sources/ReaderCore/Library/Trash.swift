import Foundation

/// The freedesktop.org trash (`$XDG_DATA_HOME/Trash`): an article moved there, never unlinked,
/// with its `.trashinfo` (original path, deletion date) so a file manager can restore it too,
/// and restored from there on undo. A saved page's `NAME_files/` folder goes with it.
public struct Trash: Sendable {
    /// What was moved: each original path and where it went.
    public struct Item: Sendable, Equatable {
        public var moves: [(from: String, to: String)]
        /// The `.trashinfo` files written, removed on restore.
        public var infos: [String]

        public static func == (a: Item, b: Item) -> Bool {
            a.infos == b.infos && a.moves.map(\.from) == b.moves.map(\.from) && a.moves.map(\.to) == b.moves.map(\.to)
        }
    }

    /// Why a move failed.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// The trash of `environment`: `$XDG_DATA_HOME/Trash`, else `~/.local/share/Trash`.
    public static func standard(environment: [String: String], home: String) -> Trash {
        let data = environment["XDG_DATA_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home + "/.local/share"
        return Trash(directory: data + "/Trash")
    }

    /// Moves `path` (and `companions` that exist; `EscapedPath`s) to the trash.
    public func move(_ path: String, companions: [String] = [], now: Date = Date()) throws(Failure) -> Item {
        let files = directory + "/files", info = directory + "/info"
        do {
            try FileManager.default.createDirectory(atPath: files, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try FileManager.default.createDirectory(atPath: info, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw Failure(description: "cannot make the trash at \(Sanitizer.line(directory)): \(error.localizedDescription)")
        }
        var item = Item(moves: [], infos: [])
        for source in [path] + companions.filter(Self.exists) {
            let name = freeName(for: (source as NSString).lastPathComponent, in: info)
            let infoPath = info + "/" + name + ".trashinfo"
            let text = "[Trash Info]\nPath=\(Self.percentEncoded(source))\nDeletionDate=\(Self.stamp(now))\n"
            do {
                try text.write(toFile: infoPath, atomically: true, encoding: .utf8)
                try Self.rename(source, files + "/" + name)
            } catch {
                try? FileManager.default.removeItem(atPath: infoPath)
                try? restore(item)
                throw Failure(description: "not moved to the trash: \(Sanitizer.line(source)): \(Self.reason(error))")
            }
            item.moves.append((source, files + "/" + name))
            item.infos.append(infoPath)
        }
        return item
    }

    /// Moves `item` back where it was, unless something has taken its place.
    public func restore(_ item: Item) throws(Failure) {
        for (from, to) in item.moves.reversed() {
            guard !Self.exists(from) else {
                throw Failure(description: "not restored: \(Sanitizer.line(from)) exists again")
            }
            do { try Self.rename(to, from) } catch {
                throw Failure(description: "not restored: \(Sanitizer.line(from)): \(Self.reason(error))")
            }
        }
        for info in item.infos { try? FileManager.default.removeItem(atPath: info) }
    }

    /// `name`, or `name.2`, `name.3`… when the trash already holds one of that name.
    private func freeName(for name: String, in info: String) -> String {
        var candidate = name, number = 1
        while FileManager.default.fileExists(atPath: info + "/" + candidate + ".trashinfo")
            || FileManager.default.fileExists(atPath: directory + "/files/" + candidate) {
            number += 1
            candidate = name + ".\(number)"
        }
        return candidate
    }

    /// The local time as the spec writes it: `2026-12-02T04:36:00`.
    static func stamp(_ date: Date) -> String {
        var time = time_t(date.timeIntervalSince1970)
        var parts = tm()
        localtime_r(&time, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }

    /// Moves `from` to `to` (`EscapedPath`s): a rename, else a copy across file systems.
    private static func rename(_ from: String, _ to: String) throws {
        let source = EscapedPath.system(from), target = EscapedPath.system(to)
        if Glibc.rename(source, target) == 0 { return }
        let code = errno
        guard code == EXDEV, let sourceText = String(validating: source.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self),
              let targetText = String(validating: target.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self) else {
            throw Failure(description: String(cString: strerror(code)))
        }
        try FileManager.default.moveItem(atPath: sourceText, toPath: targetText)
    }

    /// Whether anything (a dangling link too) is at `path`, an `EscapedPath`.
    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(EscapedPath.system(path), &info) == 0
    }

    private static func reason(_ error: any Error) -> String {
        (error as? Failure)?.description ?? error.localizedDescription
    }

    /// The absolute path's bytes as the spec's `Path=` holds them: percent-encoded as in a URL.
    static func percentEncoded(_ path: String) -> String {
        let absolute = (path as NSString).standardizingPath
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/!$&'()*+,;=:@".utf8)
        return EscapedPath.system(absolute).dropLast().map { value in
            let byte = UInt8(bitPattern: value)
            return allowed.contains(byte) ? String(UnicodeScalar(byte)) : String(format: "%%%02X", byte)
        }.joined()
    }
}
