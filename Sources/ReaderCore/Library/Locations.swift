/// Where the library and the state live, from flags, the environment and the config file.
public struct Locations: Equatable, Sendable {
    /// Which rule chose the library.
    public enum Origin: String, Sendable {
        case flag = "--library", environment = "$READER_LIBRARY", config = "config file", home = "~/Articles", samples = "bundled samples"
    }

    public var library: String
    public var origin: Origin
    public var stateDirectory: String
    /// Derived data (metadata cache, search index): `$XDG_CACHE_HOME/reader`, else `~/.cache/reader`.
    public var cacheDirectory: String

    /// The environment and files the rules read, so they can be tested as values.
    public struct Inputs: Sendable {
        public var libraryFlag: String?
        public var stateFlag: String?
        public var environment: [String: String]
        public var config: Config
        public var home: String
        public var samples: String
        public var directoryExists: @Sendable (String) -> Bool

        public init(libraryFlag: String?, stateFlag: String?, environment: [String: String], config: Config, home: String,
                    samples: String, directoryExists: @escaping @Sendable (String) -> Bool) {
            self.libraryFlag = libraryFlag
            self.stateFlag = stateFlag
            self.environment = environment
            self.config = config
            self.home = home
            self.samples = samples
            self.directoryExists = directoryExists
        }
    }

    /// `--library` beats `$READER_LIBRARY`, which beats the config file, which beats `~/Articles`
    /// (when it exists), which beats the bundled samples. State: `--state-dir`, else
    /// `$READER_STATE_DIR`, else `$XDG_STATE_HOME/reader`, else `~/.local/state/reader`.
    public init(_ inputs: Inputs) {
        let env = inputs.environment
        func expand(_ path: String) -> String {
            path == "~" ? inputs.home : path.hasPrefix("~/") ? inputs.home + path.dropFirst(1) : path
        }
        if let flag = inputs.libraryFlag, !flag.isEmpty {
            (library, origin) = (expand(flag), .flag)
        } else if let value = env["READER_LIBRARY"], !value.isEmpty {
            (library, origin) = (expand(value), .environment)
        } else if let value = inputs.config["library"] {
            (library, origin) = (expand(value), .config)
        } else if inputs.directoryExists(inputs.home + "/Articles") {
            (library, origin) = (inputs.home + "/Articles", .home)
        } else {
            (library, origin) = (inputs.samples, .samples)
        }
        if let flag = inputs.stateFlag, !flag.isEmpty {
            stateDirectory = expand(flag)
        } else if let value = env["READER_STATE_DIR"], !value.isEmpty {
            stateDirectory = expand(value)
        } else if let value = env["XDG_STATE_HOME"], value.hasPrefix("/") {
            stateDirectory = value + "/reader"
        } else {
            stateDirectory = inputs.home + "/.local/state/reader"
        }
        if let value = env["XDG_CACHE_HOME"], value.hasPrefix("/") {
            cacheDirectory = value + "/reader"
        } else {
            cacheDirectory = inputs.home + "/.cache/reader"
        }
    }

    /// The config file's path: `$XDG_CONFIG_HOME/reader/config`, else `~/.config/reader/config`.
    public static func configFile(environment: [String: String], home: String) -> String {
        if let value = environment["XDG_CONFIG_HOME"], value.hasPrefix("/") { return value + "/reader/config" }
        return home + "/.config/reader/config"
    }
}
