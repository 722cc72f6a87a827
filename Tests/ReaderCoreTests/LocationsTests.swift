import Testing
@testable import ReaderCore

@Suite struct LocationsTests {
    static let home = "/home/ann"
    static let samples = "/usr/share/reader/samples"

    /// Inputs with nothing set; `articlesExists` says whether `~/Articles` is a folder.
    static func inputs(libraryFlag: String? = nil, stateFlag: String? = nil, environment: [String: String] = [:],
                       config: Config = Config(), articlesExists: Bool = false) -> Locations.Inputs {
        Locations.Inputs(libraryFlag: libraryFlag, stateFlag: stateFlag, environment: environment, config: config,
                         home: home, samples: samples,
                         directoryExists: { articlesExists && $0 == "/home/ann/Articles" })
    }

    // MARK: Library precedence

    @Test func libraryFlagBeatsEverything() {
        let where_ = Locations(Self.inputs(libraryFlag: "/flag/lib", environment: ["READER_LIBRARY": "/env/lib"],
                                           config: Config(values: ["library": "/config/lib"]), articlesExists: true))
        #expect(where_.library == "/flag/lib")
        #expect(where_.origin == .flag)
    }

    @Test func environmentBeatsConfigAndHome() {
        let where_ = Locations(Self.inputs(environment: ["READER_LIBRARY": "/env/lib"],
                                           config: Config(values: ["library": "/config/lib"]), articlesExists: true))
        #expect(where_.library == "/env/lib")
        #expect(where_.origin == .environment)
    }

    @Test func configBeatsHomeArticles() {
        let where_ = Locations(Self.inputs(config: Config(values: ["library": "/config/lib"]), articlesExists: true))
        #expect(where_.library == "/config/lib")
        #expect(where_.origin == .config)
    }

    @Test func homeArticlesWhenItExists() {
        let where_ = Locations(Self.inputs(articlesExists: true))
        #expect(where_.library == "/home/ann/Articles")
        #expect(where_.origin == .home)
    }

    @Test func samplesWhenNothingElseIsThere() {
        let where_ = Locations(Self.inputs(articlesExists: false))
        #expect(where_.library == Self.samples)
        #expect(where_.origin == .samples)
    }

    @Test func emptyFlagEnvironmentAndConfigValuesAreIgnored() {
        let where_ = Locations(Self.inputs(libraryFlag: "", environment: ["READER_LIBRARY": ""],
                                           config: Config(text: "library =\n"), articlesExists: true))
        #expect(where_.library == "/home/ann/Articles")
        #expect(where_.origin == .home)
    }

    @Test func onlyTheArticlesFolderInHomeIsConsidered() {
        let asked = Locations.Inputs(libraryFlag: nil, stateFlag: nil, environment: [:], config: Config(), home: Self.home,
                                     samples: Self.samples, directoryExists: { $0 == "/home/ann" })
        #expect(Locations(asked).origin == .samples)
    }

    // MARK: ~ expansion

    @Test func tildeExpandsToHomeInEveryLibrarySource() {
        #expect(Locations(Self.inputs(libraryFlag: "~/flag")).library == "/home/ann/flag")
        #expect(Locations(Self.inputs(environment: ["READER_LIBRARY": "~/env"])).library == "/home/ann/env")
        #expect(Locations(Self.inputs(config: Config(text: "library = ~/Reading/Saved"))).library == "/home/ann/Reading/Saved")
        #expect(Locations(Self.inputs(libraryFlag: "~")).library == "/home/ann")
    }

    @Test func tildeExpandsInStateDirectories() {
        #expect(Locations(Self.inputs(stateFlag: "~/state")).stateDirectory == "/home/ann/state")
        #expect(Locations(Self.inputs(environment: ["READER_STATE_DIR": "~/.reader"])).stateDirectory == "/home/ann/.reader")
    }

    @Test func tildeIsOnlyExpandedAtTheStart() {
        #expect(Locations(Self.inputs(libraryFlag: "/data/~/lib")).library == "/data/~/lib")
        #expect(Locations(Self.inputs(libraryFlag: "~bob/lib")).library == "~bob/lib")
        #expect(Locations(Self.inputs(libraryFlag: "relative/lib")).library == "relative/lib")
    }

    // MARK: State directory precedence

    @Test func stateFlagBeatsEverything() {
        let env = ["READER_STATE_DIR": "/env/state", "XDG_STATE_HOME": "/xdg"]
        #expect(Locations(Self.inputs(stateFlag: "/flag/state", environment: env)).stateDirectory == "/flag/state")
    }

    @Test func readerStateDirBeatsXDG() {
        let env = ["READER_STATE_DIR": "/env/state", "XDG_STATE_HOME": "/xdg"]
        #expect(Locations(Self.inputs(environment: env)).stateDirectory == "/env/state")
    }

    @Test func xdgStateHomeGetsAReaderFolder() {
        #expect(Locations(Self.inputs(environment: ["XDG_STATE_HOME": "/xdg"])).stateDirectory == "/xdg/reader")
    }

    @Test func stateDefaultsToLocalStateInHome() {
        #expect(Locations(Self.inputs()).stateDirectory == "/home/ann/.local/state/reader")
    }

    @Test func relativeOrEmptyXDGStateHomeIsIgnored() {
        // The XDG spec: a relative path in these variables is invalid and must be ignored.
        #expect(Locations(Self.inputs(environment: ["XDG_STATE_HOME": "state"])).stateDirectory == "/home/ann/.local/state/reader")
        #expect(Locations(Self.inputs(environment: ["XDG_STATE_HOME": ""])).stateDirectory == "/home/ann/.local/state/reader")
    }

    @Test func emptyStateFlagAndVariableAreIgnored() {
        let where_ = Locations(Self.inputs(stateFlag: "", environment: ["READER_STATE_DIR": "", "XDG_STATE_HOME": "/xdg"]))
        #expect(where_.stateDirectory == "/xdg/reader")
    }

    @Test func stateAndLibraryAreChosenIndependently() {
        let where_ = Locations(Self.inputs(libraryFlag: "/lib", environment: ["XDG_STATE_HOME": "/xdg"]))
        #expect(where_.library == "/lib")
        #expect(where_.origin == .flag)
        #expect(where_.stateDirectory == "/xdg/reader")
    }

    // MARK: Config file

    @Test func configFileUsesXDGConfigHome() {
        #expect(Locations.configFile(environment: ["XDG_CONFIG_HOME": "/xdg/config"], home: Self.home) == "/xdg/config/reader/config")
    }

    @Test func configFileDefaultsToDotConfig() {
        #expect(Locations.configFile(environment: [:], home: Self.home) == "/home/ann/.config/reader/config")
        #expect(Locations.configFile(environment: ["XDG_CONFIG_HOME": "relative"], home: Self.home) == "/home/ann/.config/reader/config")
        #expect(Locations.configFile(environment: ["XDG_CONFIG_HOME": ""], home: Self.home) == "/home/ann/.config/reader/config")
    }

    // MARK: Config parsing

    @Test func configParsesKeysValuesCommentsAndQuotes() {
        let text = """
        # reader configuration
        library = ~/Reading
          # an indented comment = not a key
        theme=dark

        browser = "firefox --new-tab %u"
        just a line without an equals sign
        """
        let config = Config(text: text)
        #expect(config.values == ["library": "~/Reading", "theme": "dark", "browser": "firefox --new-tab %u"])
        #expect(config["library"] == "~/Reading")
        #expect(config["theme"] == "dark")
        #expect(config["missing"] == nil)
    }

    @Test func configQuotesKeepInnerSpacesAndHashes() {
        let config = Config(text: "library = \"/My Articles/#1 \"\n")
        #expect(config["library"] == "/My Articles/#1 ")
    }

    @Test func configValueMayContainEqualsSigns() {
        #expect(Config(text: "browser = w3m -o opt=1 %u")["browser"] == "w3m -o opt=1 %u")
    }

    @Test func configHandlesCRLFAndTabs() {
        let config = Config(text: "library\t=\t/data/lib\r\ntheme = light\r\n")
        #expect(config["library"] == "/data/lib")
        #expect(config["theme"] == "light")
    }

    @Test func configLaterLinesWinAndEmptyValuesReadAsUnset() {
        let config = Config(text: "theme = dark\ntheme = light\nlibrary =\nbrowser = \"\"\n")
        #expect(config["theme"] == "light")
        #expect(config["library"] == nil)
        #expect(config["browser"] == nil)
    }

    @Test func configIgnoresLinesWithoutKey() {
        #expect(Config(text: "= value\n   =\n").values.isEmpty)
    }

    @Test func configReportsUnknownKeysBadLinesAndTheKeyMeant() {
        let config = Config(text: "# settings\nlibary = ~/Saved\nfuture_option = yes\ntheme = dark\njust words\nbrowsre = w3m\n")
        #expect(config.values == ["theme": "dark"])
        #expect(config.problems == ["line 2: unknown key 'libary' (did you mean 'library'?)",
                                    "line 3: unknown key 'future_option'", "line 5: expected 'key = value'",
                                    "line 6: unknown key 'browsre' (did you mean 'browser'?)"])
        #expect(Config.isTypo("librray", of: "library"))
        #expect(Config.isTypo("librarys", of: "library"))
        #expect(!Config.isTypo("lib", of: "library"))
    }

    @Test func emptyConfigHasNoValues() {
        #expect(Config(text: "").values.isEmpty)
        #expect(Config(text: "# only a comment\n\n").values.isEmpty)
    }
}
