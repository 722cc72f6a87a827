import ArgumentParser
import Foundation
import ReaderCore

/// `reader themes`: the themes there are, the one in use marked.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "themes", abstract: "List the colour themes.")

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let themes = Themes.standard()
        let current = options.config()["theme"] ?? "default"
        var out = ""
        for name in themes.names() { out += (name == current ? "* " : "  ") + name + "\n" }
        Platform.write(out)
    }
}
