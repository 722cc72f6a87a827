import Foundation
import ReaderCore

/// Everything the command line reads from its surroundings: terminal, environment, files.
enum Platform {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    static var home: String { environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory() }

    /// `path` with the home folder written `~`, as messages show it.
    static func abbreviated(_ path: String) -> String {
        path.hasPrefix(home + "/") ? "~" + path.dropFirst(home.count) : path
    }

    /// True when standard output is a terminal.
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// The width of the terminal on standard output, if it is one.
    static func terminalWidth() -> Int? {
        var size = winsize()
        guard isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// `COLUMNS`, when it holds a width.
    static var columnsVariable: Int? { environment["COLUMNS"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } }

    /// The folder of the running executable.
    static var executableDirectory: String {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return (path as NSString).deletingLastPathComponent
    }

    /// A folder shipped with the reader (`samples`, `themes`): beside an installed binary
    /// (`PREFIX/share/reader/NAME`), else in the source tree it was built from.
    static func resource(_ name: String, sourceFolder: String) -> String {
        let installed = executableDirectory + "/../share/reader/" + name
        if FileManager.default.fileExists(atPath: installed) { return (installed as NSString).standardizingPath }
        let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return sourceRoot.appendingPathComponent(sourceFolder).path
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Writes a line to standard error (a failure to is ignored: there is nowhere to say it).
    static func warn(_ message: String) {
        _ = Descriptor.write("reader: " + Sanitizer.line(message) + "\n", to: STDERR_FILENO)
    }

    /// Writes progress text to standard error, as it is.
    static func writeError(_ text: String) {
        _ = Descriptor.write(text, to: STDERR_FILENO)
    }

    /// Writes text to standard output; if it cannot (a full disk, a closed descriptor), says
    /// why in one line and exits with status 1. (A closed pipe ends the process by SIGPIPE, as
    /// it ends `cat`.)
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { write(bytes: $0) }
    }

    /// Writes bytes of UTF-8 to standard output, as `write(_:)` writes text.
    static func write(bytes: UnsafeBufferPointer<UInt8>) {
        guard let failure = Descriptor.write(bytes: bytes, to: STDOUT_FILENO) else { return }
        warn("cannot write to standard output: \(failure)")
        exit(1)
    }
}
