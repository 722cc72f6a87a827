import ArgumentParser
import Foundation
import ReaderCore

/// `reader search`: the articles that match a query, best first.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the library's titles and bodies (case and width folded: ｏｐｅｎａｉ finds OpenAI).")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The text to find.")
    var query: String

    @Flag(help: "Print a JSON array of {id, title, matches, snippet}.")
    var json = false

    func run() throws {
        let library = options.openLibrary()
        let (results, problems) = try LibrarySearch.indexed(query, in: library, cache: library.cache!)
        for problem in problems { Platform.warn(problem.description) }
        if json {
            Platform.write(SearchResult.json(results))
            return
        }
        var out = ""
        for result in results {
            out += "\(result.matches)\t\(DisplayWidth.truncate(result.title, to: 60))\t\(result.id)\n    \(result.snippet)\n"
        }
        if results.isEmpty { Platform.warn("no article matches '\(query)'") }
        Platform.write(out)
    }
}
