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
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let json = String(decoding: try encoder.encode(state), as: UTF8.self)
            Platform.write(JSONText.escapingControls(json) + "\n")
        }
    }

    /// `reader state import FILE`: merges an exported state into this one.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Merge an exported state file into the state (the later change wins).")

        @OptionGroup var options: GlobalOptions

        @Argument(help: "A file written by 'reader state export'.")
        var file: String

        func run() throws {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
                throw StateStoreError.invalidImport(file, reason: "cannot read it")
            }
            let other: StateFile
            do { other = try JSONDecoder().decode(StateFile.self, from: data) } catch {
                throw StateStoreError.invalidImport(file, reason: StateStore.describe(error))
            }
            guard other.version <= StateFile.currentVersion else { throw StateStoreError.newerSchema(file, version: other.version) }
            let store = options.stateStore()
            defer { for warning in store.warnings { Platform.warn(warning) } }
            let merged = try store.merge(other)
            let count = other.articles.count
            Platform.write("merged the state of \(count) article\(count == 1 ? "" : "s") from \(Sanitizer.line(file));"
                           + " the state now holds \(merged.articles.count)\n")
        }
    }
}
