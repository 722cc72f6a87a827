import ArgumentParser
import Foundation
import ReaderCore

/// `reader list`: the articles of the library, as a table or JSON.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the articles of the library.")

    @OptionGroup var options: GlobalOptions
    @OptionGroup var check: CheckOptions

    /// Which articles to list.
    enum Filter: String, EnumerableFlag {
        case unread, read, bookmarked

        static func help(for value: Filter) -> ArgumentHelp? {
            switch value {
            case .unread: return "Only unread articles."
            case .read: return "Only read articles."
            case .bookmarked: return "Only bookmarked articles."
            }
        }
    }

    @Flag(exclusivity: .exclusive) var filter: Filter?

    @Flag(help: "Print a JSON array of {id, title, format, path, saved, read, bookmarked}.")
    var json = false

    func run() throws {
        let (_, state) = options.loadState()
        let library = options.openLibrary()
        var (entries, problems) = try library.entries(state: state, lazy: check.isLazy(options.config()))
        if let damage = library.cache?.takeDamage() { Platform.warn(damage) }
        for problem in problems { Platform.warn(problem.description) }
        switch filter {
        case .unread: entries = entries.filter { !$0.read }
        case .read: entries = entries.filter(\.read)
        case .bookmarked: entries = entries.filter(\.bookmarked)
        case nil: break
        }
        if json {
            LibraryEntry.writeJSON(entries, to: { $0.withUnsafeBufferPointer(Platform.write(bytes:)) })
        } else {
            // Piped, the ids and titles are whole unless COLUMNS asks for a width.
            ListTable(entries: entries, width: Platform.terminalWidth() ?? Platform.columnsVariable).write(to: Platform.write)
        }
        // Everything is written (write(2), nothing buffered): the process ends without freeing
        // the list and its table row by row.
        Glibc.exit(0)
    }
}
