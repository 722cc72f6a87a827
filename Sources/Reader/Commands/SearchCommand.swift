import ArgumentParser
import Foundation
import ReaderCore

/// `reader search`: the articles that match a query, best first.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the library's titles and bodies (case and width folded: ｏｐｅｎａｉ finds OpenAI).",
        discussion: """
            Words must all be found; "quoted words" are a phrase; tag:NAME finds a tag, and author:NAME,
            source:NAME or site:NAME a name in the article's author, site or source. Chinese, Japanese and
            Korean text is found by any run of characters. The first search builds the library's index
            (progress on standard error when it is a terminal); later ones read only what changed.
            """)

    @OptionGroup var options: GlobalOptions
    @OptionGroup var check: CheckOptions

    @Argument(help: "The text to find.")
    var query: String

    @Flag(help: "Print a JSON array of {id, title, matches, snippet}.")
    var json = false

    @Option(help: "How many of the best articles to print.")
    var limit = 50

    @Flag(help: "Print every article that matches.")
    var all = false

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let library = options.openLibrary()
        let reporter = ProgressReporter()
        let answer: LibrarySearch.Answer
        do {
            answer = try LibrarySearch.indexed(query, in: library, cache: library.cache!, limit: all ? nil : limit,
                                               lazy: check.isLazy(options.config()), progress: reporter.progress)
            reporter.end()
        } catch {
            reporter.end()
            throw error
        }
        if let damage = library.cache?.takeDamage() { Platform.warn(damage) }
        if let notice = answer.notice { Platform.warn(notice) }
        for problem in answer.problems { Platform.warn(problem.description) }
        if json {
            Platform.write(SearchResult.json(answer.results))
        } else {
            var out = ""
            for result in answer.results {
                let title = DisplayWidth.truncate(Sanitizer.line(result.title), to: 60)
                out += "\(result.matches)\t\(title)\t\(Sanitizer.line(result.id))\n    \(Sanitizer.line(result.snippet))\n"
            }
            Platform.write(out)
        }
        if answer.count == 0 {
            Platform.warn("no article matches '\(query)'")
        } else if answer.count > answer.results.count {
            Platform.warn("the best \(answer.results.count) of \(answer.count) matching articles (--limit N or --all for more)")
        }
    }
}
