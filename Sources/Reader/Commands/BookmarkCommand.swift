import ArgumentParser
import Foundation
import ReaderCore

/// `reader bookmark`: bookmarks an article, or removes its bookmark; exits 0 once durable.
struct BookmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bookmark", abstract: "Bookmark an article (or --remove the bookmark).")

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp("An id as 'reader list' prints it, or a path to a file.", valueName: "ARTICLE"))
    var article: String

    @Flag(help: "Remove the bookmark.")
    var remove = false

    func run() throws {
        let library = options.openLibrary()
        let key = try library.key(of: library.resolve(article, cwd: FileManager.default.currentDirectoryPath))
        let store = options.stateStore()
        defer { for warning in store.warnings { Platform.warn(warning) } }
        let live = { Set((try? library.rows().rows.map(\.fingerprint)) ?? []) }
        try store.apply([.bookmarked(key, !remove)], liveFingerprints: live)
    }
}
