/// Small string helpers that work on Unicode scalars, without Foundation's bridging costs.
extension StringProtocol {
    /// The string without leading and trailing scalars that match `predicate`.
    func trimmingScalars(_ predicate: (Unicode.Scalar) -> Bool) -> String {
        let scalars = Substring(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !predicate($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !predicate($0) })!
        return String(scalars[first...last])
    }

    /// The string without leading and trailing spaces (ASCII, ideographic, no-break).
    var trimmedSpaces: String { trimmingScalars(\.isSpaceLike) }

    /// At most the first `count` UTF-8 bytes, cut back to a scalar boundary.
    func utf8Prefix(_ count: Int) -> String {
        let bytes = Substring(self).utf8
        guard bytes.count > count else { return String(self) }
        var end = bytes.index(bytes.startIndex, offsetBy: count)
        while end > bytes.startIndex && (bytes[end] & 0xC0) == 0x80 { end = bytes.index(before: end) }
        return String(decoding: bytes[bytes.startIndex..<end], as: UTF8.self)
    }
}

extension Unicode.Scalar {
    /// A space, a no-break space, an ideographic space or a tab.
    var isSpaceLike: Bool { self == " " || self == "\u{3000}" || self == "\u{A0}" || self == "\t" || self == "\u{FEFF}" }

    /// An ASCII or fullwidth decimal digit.
    var isDigit: Bool { (0x30...0x39).contains(value) || (0xFF10...0xFF19).contains(value) }
}
