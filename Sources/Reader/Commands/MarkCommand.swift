import ArgumentParser
import Foundation
import ReaderCore

/// `reader mark`: marks an article read or unread; exits 0 once the change is durable.
struct MarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark", abstract: "Mark an article read or unread.",
        usage: "reader mark <ARTICLE> (--read | --unread) [--library <DIR>] [--state-dir <DIR>]")

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp("An id as 'reader list' prints it, or a path to a file.", valueName: "ARTICLE"))
    var article: String

    enum Mark: String, EnumerableFlag {
        case read, unread
    }

    @Flag(exclusivity: .exclusive, help: "One of the two: read or unread.")
    var mark: Mark

    func run() throws {
        try options.change(article) { .read($0, mark == .read) }
    }
}
