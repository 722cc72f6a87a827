import ArgumentParser
import Foundation
import ReaderCore

/// `reader mark`: marks an article read or unread; exits 0 once the change is durable.
struct MarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mark", abstract: "Mark an article read or unread.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp("An id as 'reader list' prints it, or a path to a file.", valueName: "ARTICLE"))
    var article: String

    enum Mark: String, EnumerableFlag {
        case read, unread
    }

    @Flag(exclusivity: .exclusive, help: "--read or --unread.")
    var mark: Mark

    func run() throws {
        let library = options.openLibrary()
        let key = try library.key(of: library.resolve(article, cwd: FileManager.default.currentDirectoryPath))
        let store = options.stateStore()
        defer { for warning in store.warnings { Platform.warn(warning) } }
        let live = { Set((try? library.rows().rows.map(\.fingerprint)) ?? []) }
        try store.apply([.read(key, mark == .read)], liveFingerprints: live)
    }
}
