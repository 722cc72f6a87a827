import Foundation
import Testing
@testable import ReaderCore

@Suite struct ThemeTests {
    static let themes = TestSupport.repositoryRoot.appendingPathComponent("themes")

    @Test(arguments: ["default", "dark", "light", "solarized-dark", "mono"])
    func everyShippedThemeParsesWithoutWarnings(name: String) throws {
        let path = Self.themes.appendingPathComponent(name + ".theme").path
        let (theme, warnings) = ThemeParser.parse(try String(contentsOfFile: path, encoding: .utf8), name: name, file: path)
        #expect(warnings.isEmpty, "\(warnings)")
        // Search matches stay visible: they differ from body text in every theme.
        #expect(theme.look(.match) != theme.look(.body))
        #expect(theme.look(.currentMatch) != theme.look(.match))
        #expect(theme.look(.selected) != theme.look(.listItem))
    }

    @Test func aBadLineIsAWarningWithFileAndLineAndTheRestStillApplies() {
        let text = "title = red\nbogus = blue\nheading = chartreuse bold\n\nbody = 250 236 underline\nno equals sign\n"
        let (theme, warnings) = ThemeParser.parse(text, name: "t", file: "/x/t.theme")
        #expect(warnings.count == 3)
        #expect(warnings[0].hasPrefix("/x/t.theme:2:"))
        #expect(warnings[1].hasPrefix("/x/t.theme:3:"))
        #expect(warnings[2].hasPrefix("/x/t.theme:6:"))
        #expect(theme.look(.title).foreground == .index(1))
        #expect(theme.look(.body) == Theme.Look(foreground: .index(250), background: .index(236), attributes: .underline))
    }

    @Test func aMissingElementInheritsFromItsParent() {
        let (theme, _) = ThemeParser.parse("listItem = green\n", name: "t", file: "t")
        #expect(theme.look(.date).foreground == .index(2))
        #expect(theme.look(.marker).foreground == .index(2))
        #expect(Theme(name: "empty", looks: [:]).look(.currentMatch) == Theme.Look())
    }

    @Test func noColorKeepsAttributesOnly() {
        let (theme, _) = ThemeParser.parse("match = 16 221 bold\ntitle = 196 bold\n", name: "t", file: "t")
        let plain = theme.withoutColor()
        #expect(plain.look(.title) == Theme.Look(attributes: .bold))
        #expect(plain.look(.match) == Theme.Look(attributes: [.bold, .underline]))
    }

    @Test func eightColourTerminalsGetTheNearestBasicColour() {
        let (theme, _) = ThemeParser.parse("title = 196 bright-blue\nbody = 250 234\n", name: "t", file: "t")
        let fitted = theme.fitted(toColors: 8)
        #expect(fitted.look(.title).foreground == .index(1))   // 196: red
        #expect(fitted.look(.title).background == .index(4))   // bright blue: blue
        #expect(fitted.look(.body).foreground == .index(7))    // light grey: white
        #expect(fitted.look(.body).background == .index(0))   // dark grey: black
        #expect(theme.fitted(toColors: 256) == theme)
    }

    static let shipped = ["default", "dark", "light", "solarized-dark", "mono"]

    static func shippedTheme(_ name: String) throws -> Theme {
        let path = themes.appendingPathComponent(name + ".theme").path
        return ThemeParser.parse(try String(contentsOfFile: path, encoding: .utf8), name: name, file: path).0
    }

    /// At 8 and at 256 colours, no element of a shipped theme draws its text in its background's
    /// colour, and at 8 colours every colour is one of the eight.
    @Test(arguments: shipped, [8, 256])
    func everyElementOfEveryShippedThemeStaysReadable(name: String, colors: Int) throws {
        let theme = try Self.shippedTheme(name).fitted(toColors: colors)
        for style in Style.allCases {
            let look = theme.look(style)
            if case .index = look.background {
                #expect(look.foreground != look.background, "\(name) at \(colors) colours: \(style) is invisible")
            }
            for color in [look.foreground, look.background] {
                if case .index(let i) = color { #expect(i < colors) }
            }
        }
        #expect(theme.look(.selected) != theme.look(.listItem))
        #expect(theme.look(.match) != theme.look(.body))
    }

    @Test func aGreyOnBlackDateStaysReadableAtEightColours() {
        let (theme, _) = ThemeParser.parse("date = 243 234\nnormal = 245 255\n", name: "t", file: "t")
        let fitted = theme.fitted(toColors: 8)
        #expect(fitted.look(.date) == Theme.Look(foreground: .index(7), background: .index(0)))
        #expect(fitted.look(.normal) == Theme.Look(foreground: .index(0), background: .index(7)))
    }

    /// With NO_COLOR the selection, the status line and the matches keep reverse, bold and
    /// underline, whatever the theme.
    @Test(arguments: shipped)
    func withoutColourTheSelectionStatusAndMatchesStillStandOut(name: String) throws {
        let plain = try Self.shippedTheme(name).withoutColor()
        #expect(plain.look(.selected).attributes.contains(.reverse))
        #expect(plain.look(.currentMatch).attributes.contains(.reverse))
        #expect(plain.look(.status).attributes.contains(.reverse))
        #expect(!plain.look(.match).attributes.isDisjoint(with: [.underline, .bold]))
        #expect(plain.look(.match) != plain.look(.body))
        #expect(plain.look(.selectedUnfocused) != plain.look(.listItem))
        for style in Style.allCases {
            #expect(plain.look(style).foreground == .terminal && plain.look(style).background == .terminal)
        }
    }
}
