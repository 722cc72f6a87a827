import ArgumentParser
import Foundation
import ReaderCore

/// `reader state`: moves marks, bookmarks and positions between machines.
struct StateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state", abstract: "Export or import the reader's state.",
        subcommands: [Export.self, Import.self])

    /// `reader state export`: the state as JSON on stdout.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the state as JSON.")

        @OptionGroup var options: GlobalOptions

        func run() throws {
            let (_, state) = options.loadState()
            StateJSONWriter.write(state) { Platform.write($0) }
        }
    }

    /// `reader state import FILE`: merges an exported state into this one.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Merge an exported state file into the state (the later change wins).")

        @OptionGroup var options: GlobalOptions

        @Argument(help: "A file written by 'reader state export'.")
        var file: String

        func run() throws {
            // Read as it streams in: no tree of the whole file is built.
            let fd = open(EscapedPath.system(EscapedPath.of(file)), O_RDONLY | O_CLOEXEC | O_NONBLOCK)
            guard fd >= 0 else { throw StateStoreError.invalidImport(file, reason: "cannot read it: " + String(cString: strerror(errno))) }
            defer { close(fd) }
            var info = stat()
            guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
                throw StateStoreError.invalidImport(file, reason: "it is not a regular file")
            }
            let store = options.stateStore()
            defer { for warning in store.warnings { Platform.warn(warning) } }
            let (imported, total) = try store.merge(streamingFrom: fd, named: file)
            Platform.write("merged the state of \(imported) article\(imported == 1 ? "" : "s") from \(Sanitizer.line(file));"
                           + " the state now holds \(total)\n")
        }
    }
}
