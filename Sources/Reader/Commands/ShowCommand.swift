import ArgumentParser
import Foundation
import ReaderCore

/// `reader show`: an article as the body pane shows it, in plain text.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print an article's title, metadata and body, wrapped.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp("An id as 'reader list' prints it, or a path to a file.", valueName: "ARTICLE"))
    var article: String

    @Option(help: "Wrap to N columns, 2 at the least (default: the terminal's width, else 80).")
    var width: Int?

    @Flag(help: "Show the whole saved page, chrome included.")
    var full = false

    func validate() throws {
        if let width, !(1...10_000).contains(width) { throw ValidationError("--width must be between 1 and 10000") }
    }

    func run() throws {
        let library = options.openLibrary()
        let file = try library.resolve(article, cwd: FileManager.default.currentDirectoryPath)
        let loaded = try ArticleLoader().load(path: file.path, format: file.format, fallbackTitle: Library.fallbackTitle(file.id))
        guard let breaker = LineBreaker() else { throw ValidationError("ICU's line breaker is unavailable") }
        let layout = ArticleRenderer(wrapper: Wrapper(breaker: breaker)).layout(loaded, width: width ?? Platform.terminalWidth() ?? 80, full: full)
        layout.write { Platform.write($0) }
        if let notice = loaded.notice, !full { Platform.warn(notice) }
        // Everything is written (write(2), nothing buffered): the process ends without freeing a
        // layout of millions of lines one by one, which can take a fifth of the time.
        Glibc.exit(0)
    }
}
