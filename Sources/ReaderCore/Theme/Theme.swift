/// Colours and attributes for each `Style`. A style the theme does not set inherits from its
/// parent (`listUnread` from `listItem`, `currentMatch` from `match`…), and everything from
/// `normal`, so a theme of a few lines works. The built-in default needs no file at all.
public struct Theme: Equatable, Sendable {
    /// A terminal colour: the terminal's own (`default`), or a palette index 0-255.
    public enum Color: Equatable, Hashable, Sendable {
        case terminal
        case index(Int)
    }

    /// Attributes a cell may carry.
    public struct Attributes: OptionSet, Hashable, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let bold = Attributes(rawValue: 1)
        public static let dim = Attributes(rawValue: 2)
        public static let underline = Attributes(rawValue: 4)
        public static let reverse = Attributes(rawValue: 8)
    }

    /// How one style looks.
    public struct Look: Equatable, Hashable, Sendable {
        public var foreground: Color = .terminal
        public var background: Color = .terminal
        public var attributes: Attributes = []

        public init(foreground: Color = .terminal, background: Color = .terminal, attributes: Attributes = []) {
            self.foreground = foreground
            self.background = background
            self.attributes = attributes
        }
    }

    public var name: String
    /// What the theme sets; the rest is inherited.
    public var looks: [Style: Look]

    public init(name: String, looks: [Style: Look]) {
        self.name = name
        self.looks = looks
    }

    /// Where a style inherits from when the theme leaves it out.
    static let parents: [Style: Style] = [
        .border: .normal, .paneTitle: .normal, .focusedPaneTitle: .paneTitle, .title: .body, .metadata: .body, .heading: .body,
        .body: .normal, .quote: .body, .code: .body, .chrome: .metadata, .listItem: .normal, .listUnread: .listItem,
        .selected: .normal, .selectedUnfocused: .selected, .marker: .listItem, .date: .listItem, .link: .normal,
        .linkDisabled: .link, .match: .normal, .highlight: .body, .currentMatch: .match, .status: .normal, .message: .status, .error: .message,
        .help: .status, .prompt: .status,
    ]

    /// How `style` looks, inherited where the theme is silent.
    public func look(_ style: Style) -> Look {
        var current = style
        while true {
            if let look = looks[current] { return look }
            guard let parent = Self.parents[current] else { return Look() }
            current = parent
        }
    }

    /// The built-in default: the terminal's own colours, told apart by attributes only, so it
    /// reads on any background; search matches stay visible (reverse, bold, underline).
    public static let builtIn = Theme(name: "default", looks: [
        .title: Look(attributes: .bold), .heading: Look(attributes: .bold), .metadata: Look(attributes: .dim),
        .paneTitle: Look(attributes: .underline), .focusedPaneTitle: Look(attributes: [.reverse, .bold]),
        .listUnread: Look(attributes: .bold), .selected: Look(attributes: .reverse), .selectedUnfocused: Look(attributes: .underline),
        .match: Look(attributes: [.underline, .bold]), .currentMatch: Look(attributes: [.reverse, .bold]),
        .linkDisabled: Look(attributes: .dim), .status: Look(attributes: .reverse), .message: Look(attributes: [.reverse, .bold]),
        .border: Look(attributes: .dim), .highlight: Look(attributes: .reverse),
    ])

    /// The theme with colours removed and attributes kept (`NO_COLOR`, or a terminal without colour).
    public func withoutColor() -> Theme {
        Theme(name: name, looks: looks.mapValues { Look(attributes: $0.attributes) })
    }

    /// The theme for a terminal with `colors` colours: palette indices above it are mapped to
    /// the nearest of the basic eight (bright ones to their base colour).
    public func fitted(toColors colors: Int) -> Theme {
        guard colors < 256 else { return self }
        func fit(_ color: Color) -> Color {
            guard case .index(let i) = color, i >= colors else { return color }
            return .index(Self.basic(i))
        }
        return Theme(name: name, looks: looks.mapValues { Look(foreground: fit($0.foreground), background: fit($0.background), attributes: $0.attributes) })
    }

    /// The basic colour (0-7) closest to a 256-colour palette index.
    static func basic(_ index: Int) -> Int {
        switch index {
        case 0..<8: return index
        case 8..<16: return index - 8
        case 16..<232:
            let n = index - 16
            let r = n / 36, g = (n / 6) % 6, b = n % 6
            return (r >= 3 ? 1 : 0) | (g >= 3 ? 2 : 0) | (b >= 3 ? 4 : 0)
        default: return index < 244 ? 0 : 7
        }
    }
}
