/// Reads a theme file: `ELEMENT = FOREGROUND [BACKGROUND] [ATTRIBUTE...]` lines, `#` comments.
/// Colours are `default`, the eight names (`black` … `white`), `bright-NAME`, or 0-255;
/// attributes are `bold`, `dim`, `underline`, `reverse`. A bad line is a warning with the file
/// and line number, and the rest of the theme still applies.
public enum ThemeParser {
    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// The theme in `text` (built on the built-in default) and the warnings for bad lines.
    public static func parse(_ text: String, name: String, file: String) -> (Theme, [String]) {
        var theme = Theme(name: name, looks: Theme.builtIn.looks)
        var warnings: [String] = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)?.trimmedSpaces ?? ""
            guard !line.isEmpty else { continue }
            let warn = { (message: String) in warnings.append("\(Sanitizer.line(file)):\(number + 1): \(message)") }
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmedSpaces }
            guard parts.count == 2, let style = Style(rawValue: parts[0]) else {
                warn(parts.count == 2 ? "unknown element '\(Sanitizer.line(parts[0]))'" : "expected 'element = colour [colour] [attributes]'")
                continue
            }
            var look = Theme.Look()
            var colors: [Theme.Color] = []
            var bad: String?
            for word in parts[1].split(separator: " ").map(String.init) {
                if let attribute = attribute(word) {
                    look.attributes.insert(attribute)
                } else if let color = color(word), colors.count < 2 {
                    colors.append(color)
                } else {
                    bad = word
                    break
                }
            }
            if let bad { warn("bad value '\(Sanitizer.line(bad))' for \(style.rawValue)"); continue }
            if let fg = colors.first { look.foreground = fg }
            if colors.count > 1 { look.background = colors[1] }
            theme.looks[style] = look
        }
        return (theme, warnings)
    }

    static func color(_ word: String) -> Theme.Color? {
        let lower = word.lowercased()
        if lower == "default" { return .terminal }
        if let index = names.firstIndex(of: lower) { return .index(index) }
        if lower.hasPrefix("bright-"), let index = names.firstIndex(of: String(lower.dropFirst(7))) { return .index(index + 8) }
        if let number = Int(lower), (0...255).contains(number) { return .index(number) }
        return nil
    }

    static func attribute(_ word: String) -> Theme.Attributes? {
        switch word.lowercased() {
        case "bold": return .bold
        case "dim": return .dim
        case "underline": return .underline
        case "reverse": return .reverse
        default: return nil
        }
    }
}
