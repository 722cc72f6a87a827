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
        try options.change(article) { .bookmarked($0, !remove) }
    }
}
