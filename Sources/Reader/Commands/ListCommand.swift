import ArgumentParser
import Foundation
import ReaderCore

/// `reader list`: the articles of the library, as a table or JSON.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the articles of the library.")

    @OptionGroup var options: GlobalOptions

    @Flag(help: "Print a JSON array of {id, title, format, path, saved, read, bookmarked}.")
    var json = false

    func run() throws {
        let (entries, problems) = try options.openLibrary().entries()
        for problem in problems { Platform.warn(problem.description) }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Platform.write(String(decoding: try encoder.encode(entries), as: UTF8.self) + "\n")
        } else {
            Platform.write(ListTable(entries: entries, width: Platform.terminalWidth() ?? 80).text)
        }
    }
}
