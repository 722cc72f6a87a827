import Foundation

/// The config file (`$XDG_CONFIG_HOME/reader/config`): `key = value` lines, `#` comments.
/// Keys: `library`, `theme`, `browser`, `mouse` (`no` leaves clicks and the wheel to the terminal),
/// `lazy-check` (`yes`: `list` and `search` trust the folders, as `--lazy-check`);
/// `bind KEY ACTION [PANE…]` lines add key bindings (`KeyMap.binding`). A line without `=` or with an unknown key is a warning
/// (`problems`), with its line number and, for a misspelt key, the key meant.
public struct Config: Equatable, Sendable {
    public var values: [String: String] = [:]
    /// What is wrong with the file's lines, as `line N: …`.
    public private(set) var problems: [String] = []
    /// The `bind KEY ACTION [PANE…]` lines, with their numbers, for `KeyMap.binding`.
    public private(set) var bindings: [Int: String] = [:]

    /// The keys the reader reads.
    public static let knownKeys = ["library", "theme", "browser", "mouse", "lazy-check"]

    public init(values: [String: String] = [:]) {
        self.values = values
    }

    /// Parses the file's text.
    public init(text: String) {
        for (number, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            if trimmed.hasPrefix("bind ") || trimmed.hasPrefix("bind\t") {
                bindings[number + 1] = trimmed
                continue
            }
            guard let eq = trimmed.firstIndex(of: "="), eq != trimmed.startIndex else {
                problems.append("line \(number + 1): expected 'key = value'")
                continue
            }
            let key = trimmed[..<eq].trimmingCharacters(in: .whitespaces)
            var value = trimmed[trimmed.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            guard Self.knownKeys.contains(key) else {
                let meant = Self.knownKeys.first { Self.isTypo(key, of: $0) }.map { " (did you mean '\($0)'?)" } ?? ""
                problems.append("line \(number + 1): unknown key '\(Sanitizer.line(key))'\(meant)")
                continue
            }
            values[key] = value
        }
    }

    public subscript(key: String) -> String? { values[key].flatMap { $0.isEmpty ? nil : $0 } }

    /// Whether `word` is `key` with one letter left out, added, changed or two swapped.
    static func isTypo(_ word: String, of key: String) -> Bool {
        let a = Array(word.lowercased()), b = Array(key)
        if a == b { return true }
        if abs(a.count - b.count) > 1 { return false }
        var i = 0
        while i < min(a.count, b.count), a[i] == b[i] { i += 1 }
        if a.count == b.count {
            if Array(a[(i + 1)...]) == Array(b[(i + 1)...]) { return true }
            return i + 1 < a.count && a[i] == b[i + 1] && a[i + 1] == b[i] && Array(a[(i + 2)...]) == Array(b[(i + 2)...])
        }
        return a.count < b.count ? Array(a[i...]) == Array(b[(i + 1)...]) : Array(a[(i + 1)...]) == Array(b[i...])
    }
}
