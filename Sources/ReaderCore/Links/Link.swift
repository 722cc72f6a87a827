/// A numbered link of an article, as the links pane and `reader links` show it.
public struct Link: Equatable, Sendable, Codable {
    /// Its number, from 1, in reading order.
    public var n: Int
    public var url: String
    /// The text that named it, where the page had one.
    public var label: String?
    /// Whether the reader will open it: http or https with a host, nothing else.
    public var openable: Bool

    public init(n: Int, url: String, label: String?) {
        self.n = n
        self.url = url
        self.label = label
        self.openable = Link.isOpenable(url)
    }

    /// Encodes every key, `label` as null when there is none, so scripts see one shape.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(n, forKey: .n)
        try container.encode(url, forKey: .url)
        try container.encode(label, forKey: .label)
        try container.encode(openable, forKey: .openable)
    }

    /// True for an `http` or `https` URL with a plausible host and no space or control character.
    public static func isOpenable(_ url: String) -> Bool {
        let lower = url.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") { rest = url.dropFirst(8) } else if lower.hasPrefix("http://") { rest = url.dropFirst(7) } else { return false }
        if url.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || Sanitizer.isDropped($0.value) }) { return false }
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostPort = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? ""
        var host = Substring(hostPort)
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return false }
            host = host[host.index(after: host.startIndex)..<close]
            return !host.isEmpty && host.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
        }
        if let colon = host.firstIndex(of: ":") {
            let port = host[host.index(after: colon)...]
            guard port.allSatisfy(\.isASCII) && port.allSatisfy(\.isNumber) else { return false }
            host = host[..<colon]
        }
        guard !host.isEmpty, !host.hasPrefix("."), !host.hasPrefix("-") else { return false }
        return host.allSatisfy { $0 == "." || $0 == "-" || ($0.isLetter || $0.isNumber) }
    }
}
