import ArgumentParser
import Foundation
import ReaderCore

/// The options every subcommand takes: where the library and the state are.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The library folder.", valueName: "DIR"))
    var library: String?

    @Option(name: .customLong("state-dir"), help: ArgumentHelp("Where marks, bookmarks and positions are kept.", valueName: "DIR"))
    var stateDir: String?

    /// The config file's settings (empty when there is none).
    func config() -> Config {
        let path = Locations.configFile(environment: Platform.environment, home: Platform.home)
        return (try? String(contentsOfFile: path, encoding: .utf8)).map(Config.init(text:)) ?? Config()
    }

    /// The key map with the config file's `bind` lines, and what is wrong in the file, each
    /// line as `PATH: line N: …`.
    func keyMapAndConfigProblems() -> (KeyMap, [String]) {
        let path = Sanitizer.line(Platform.abbreviated(Locations.configFile(environment: Platform.environment, home: Platform.home)))
        let config = config()
        let (keyMap, warnings) = KeyMap.standard.binding(config.bindings)
        return (keyMap, (config.problems + warnings).map { "\(path): \($0)" })
    }

    /// The library and state folders these options, the environment and the config file choose.
    func locations() -> Locations {
        let env = Platform.environment
        let config = config()
        return Locations(.init(libraryFlag: library, stateFlag: stateDir, environment: env, config: config, home: Platform.home,
                               samples: Platform.resource("samples", sourceFolder: "Samples"),
                               directoryExists: { Platform.isDirectory($0) }))
    }

    /// The library these options choose, with its cache.
    func openLibrary() -> Library {
        let where_ = locations()
        return Library(root: where_.library, cache: LibraryCache(root: where_.library, cacheHome: where_.cacheDirectory))
    }

    /// The state store these options choose; a wait for another process's lock is said on stderr.
    func stateStore() -> StateStore {
        let store = StateStore(directory: locations().stateDirectory)
        store.onWait = { lock in Platform.warn("waiting for another reader to let go of \(Sanitizer.line(lock))…") }
        return store
    }

    /// The state as it is now, with what the store had to say about the file on stderr.
    func loadState() -> (StateStore, StateFile) {
        let store = stateStore()
        let state = store.load()
        for warning in store.warnings { Platform.warn(warning) }
        return (store, state)
    }

    /// Applies one change to ARTICLE's state; returns once it is durable.
    func change(_ article: String, _ make: (ArticleKey) -> StateChange) throws {
        let library = openLibrary()
        let key = try library.key(of: library.resolve(article, cwd: FileManager.default.currentDirectoryPath))
        let store = stateStore()
        defer { for warning in store.warnings { Platform.warn(warning) } }
        try store.apply([make(key)], liveFingerprints: { Set((try? library.rows().rows.map(\.fingerprint)) ?? []) })
    }
}
