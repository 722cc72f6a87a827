import Foundation

/// The config file (`$XDG_CONFIG_HOME/reader/config`): `key = value` lines, `#` comments.
/// Keys: `library`, `theme`, `browser`. Unknown keys are kept for later versions.
public struct Config: Equatable, Sendable {
    public var values: [String: String] = [:]

    public init(values: [String: String] = [:]) {
        self.values = values
    }

    /// Parses the file's text; a line without `=` is ignored.
    public init(text: String) {
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.hasPrefix("#"), let eq = trimmed.firstIndex(of: "=") else { continue }
            let key = trimmed[..<eq].trimmingCharacters(in: .whitespaces)
            var value = trimmed[trimmed.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            if !key.isEmpty { values[key] = value }
        }
    }

    public subscript(key: String) -> String? { values[key].flatMap { $0.isEmpty ? nil : $0 } }
}
