import ArgumentParser
import Foundation
import ReaderCore

/// `reader links`: an article's numbered links.
struct LinksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "links", abstract: "List an article's links, numbered in reading order.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp("An id as 'reader list' prints it, or a path to a file.", valueName: "ARTICLE"))
    var article: String

    @Flag(help: "Print a JSON array of {n, url, label, openable}.")
    var json = false

    func run() throws {
        let library = options.openLibrary()
        let file = try library.resolve(article, cwd: FileManager.default.currentDirectoryPath)
        let loaded = try ArticleLoader().load(path: file.path, format: file.format, fallbackTitle: Library.fallbackTitle(file.id))
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let json = String(decoding: try encoder.encode(loaded.links), as: UTF8.self)
            Platform.write(JSONText.escapingControls(json) + "\n")
        } else {
            var out = ""
            for link in loaded.links {
                out += "[\(link.n)] \(Sanitizer.line(link.url))" + (link.openable ? "" : "  (not openable)") + "\n"
                if let label = link.label { out += "    \(Sanitizer.line(label))\n" }
            }
            Platform.write(out)
        }
    }
}
