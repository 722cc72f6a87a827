import ArgumentParser

/// `reader`: a terminal reader for saved articles.
struct ReaderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reader",
        abstract: "A terminal reader for saved articles (txt, md), with CJK-aware layout.",
        subcommands: [ListCommand.self, ShowCommand.self, LinksCommand.self, SearchCommand.self, MarkCommand.self,
                      BookmarkCommand.self, StateCommand.self],
        defaultSubcommand: ListCommand.self)
}
