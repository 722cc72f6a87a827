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

    /// The theme with colours removed (`NO_COLOR`, or a terminal without colour): the theme's
    /// attributes, plus the built-in default's wherever an element is told apart only by them
    /// (the selection, the status line, messages, search matches, highlights), so none of these
    /// disappears with the colours of a colour theme.
    public func withoutColor() -> Theme {
        var plain = looks.mapValues { Look(attributes: $0.attributes) }
        for style in Self.markedWithoutColor {
            plain[style] = Look(attributes: look(style).attributes.union(Self.builtIn.look(style).attributes))
        }
        return Theme(name: name, looks: plain)
    }

    /// The elements that must stand out from the text around them whatever the colours.
    static let markedWithoutColor: [Style] = [.selected, .selectedUnfocused, .focusedPaneTitle, .status, .message, .error,
                                              .help, .prompt, .match, .currentMatch, .highlight]

    /// The theme for a terminal with `colors` colours: palette indices above it are mapped to
    /// the nearest of the basic eight (bright ones to their base colour). Where the foreground
    /// and the background of an element would become the same colour, the foreground becomes
    /// black or white, whichever stands out on that background.
    public func fitted(toColors colors: Int) -> Theme {
        guard colors < 256 else { return self }
        func fit(_ color: Color) -> Color {
            guard case .index(let i) = color, i >= colors else { return color }
            return .index(Self.basic(i))
        }
        var theme = Theme(name: name, looks: looks.mapValues { look in
            var fitted = Look(foreground: fit(look.foreground), background: fit(look.background), attributes: look.attributes)
            if case .index(let background) = fitted.background, fitted.foreground == fitted.background {
                fitted.foreground = .index(Self.isDark(background) ? 7 : 0)
            }
            return fitted
        })
        // An element whose colours became those of the text around it is marked as the default marks it.
        for (style, around) in Self.standsOutFrom where theme.look(style) == theme.look(around) {
            var look = theme.look(style)
            look.attributes.formUnion(Self.builtIn.look(style).attributes)
            theme.looks[style] = look
        }
        return theme
    }

    /// Elements and the element they must stand out from.
    static let standsOutFrom: [(Style, Style)] = [(.match, .body), (.currentMatch, .match), (.highlight, .body),
                                                  (.selected, .listItem), (.selectedUnfocused, .listItem),
                                                  (.focusedPaneTitle, .paneTitle), (.status, .normal)]

    /// Whether a basic colour is dark enough for white text: black, red, blue and magenta.
    static func isDark(_ basic: Int) -> Bool { [0, 1, 4, 5].contains(basic) }

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
