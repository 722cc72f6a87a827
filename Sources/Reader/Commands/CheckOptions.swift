import ArgumentParser
import ReaderCore

/// How `list`, `search` and the interactive reader's start check that the cache holds the library as it is.
struct CheckOptions: ParsableArguments {
    @Flag(inversion: .prefixedNo, help: ArgumentHelp("""
        Trust the library's folders: while none has changed since the last full check (no article added, \
        removed or renamed), answer from the cache without a look at every file. An article edited in place \
        is not seen until a full check. The config file's 'lazy-check = yes' makes it the default.
        """))
    var lazyCheck: Bool?

    /// Whether the check is lazy: as the flags say, else as the config file does.
    func isLazy(_ config: Config) -> Bool {
        lazyCheck ?? ["yes", "on", "true"].contains(config["lazy-check"]?.lowercased() ?? "")
    }
}
