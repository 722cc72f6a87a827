import ArgumentParser
import Foundation
import ReaderCore

/// `reader`: a terminal reader for saved articles. With no subcommand on a terminal, the
/// interactive reader; with stdout not a terminal, the list, as `reader list` prints it.
struct ReaderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reader",
        abstract: "A terminal reader for saved articles (HTML, MHTML, Markdown, text), with CJK-aware layout.",
        discussion: "With no subcommand, opens the interactive reader. Its keys (also under ?):\n\n"
            + HelpPane.lines(KeyMap.standard).joined(separator: "\n"),
        version: "reader \(ReaderCommand.version)",
        subcommands: [ListCommand.self, ShowCommand.self, LinksCommand.self, SearchCommand.self, MarkCommand.self,
                      BookmarkCommand.self, StateCommand.self, ThemesCommand.self])

    /// The release, as `--version` prints it.
    static let version = "0.9.0"

    @OptionGroup var options: GlobalOptions
    @OptionGroup var check: CheckOptions

    @Option(help: ArgumentHelp("The colour theme (see 'reader themes').", valueName: "NAME"))
    var theme: String?

    func run() throws {
        guard Platform.stdoutIsTerminal else {
            var list = try ListCommand.parse([])
            list.options = options
            list.check = check
            try list.run()
            return
        }
        let config = options.config()
        let (loaded, warnings) = try Themes.standard().load(theme ?? config["theme"] ?? "default")
        let (keyMap, configProblems) = options.keyMapAndConfigProblems()
        let reader = InteractiveReader(library: options.openLibrary(), store: options.stateStore(), theme: loaded,
                                       browser: Platform.environment["BROWSER"] ?? config["browser"],
                                       keyMap: keyMap, startupProblems: configProblems + warnings,
                                       trash: Trash.standard(environment: Platform.environment, home: Platform.home),
                                       mouse: !["no", "off", "false"].contains(config["mouse"]?.lowercased() ?? ""),
                                       lazyCheck: check.isLazy(config))
        Signals.install()
        for note in try reader.run() { Platform.warn(note) }
    }
}
