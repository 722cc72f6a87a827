import Glibc

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

    /// The string without leading and trailing white space (Unicode's White_Space: spaces, tabs,
    /// line breaks), as Foundation's `trimmingCharacters(in: .whitespacesAndNewlines)` but native.
    var trimmedWhitespace: String { trimmingScalars(\.isWhite) }

    /// Whether `needle` occurs in the string, byte for byte in UTF-8 (`memchr` for its first byte,
    /// then `memcmp`): for ASCII names and markers, where Foundation's `contains` costs a bridge to
    /// NSString on every call.
    func includes(_ needle: String) -> Bool {
        var haystack = String(self)
        var needle = needle
        return haystack.withUTF8 { hay in
            needle.withUTF8 { pin in
                guard let first = pin.first, let base = hay.baseAddress else { return pin.isEmpty }
                var at = 0
                while hay.count - at >= pin.count {
                    guard let hit = memchr(base + at, Int32(first), hay.count - at - pin.count + 1) else { return false }
                    let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + index, pin.baseAddress!, pin.count) == 0 { return true }
                    at = index + 1
                }
                return false
            }
        }
    }

    /// Its length in UTF-16 units, counted over its UTF-8 bytes (a lead byte is one unit, a 4-byte
    /// lead two), without the index breadcrumbs `utf16.count` builds for a string that is not ASCII.
    var utf16Length: Int {
        var text = String(self)
        return text.withUTF8 { bytes in
            var count = 0
            for byte in bytes { count &+= (byte & 0xC0 != 0x80 ? 1 : 0) &+ (byte >= 0xF0 ? 1 : 0) }
            return count
        }
    }

    /// The string lowercased, without the case tables when no scalar of it has case (CJK text,
    /// digits, punctuation): the same result as `lowercased()`, faster on such text.
    var lowercasedFast: String {
        let hasCase = unicodeScalars.contains { scalar in
            let v = scalar.value
            return (0x41...0x5A).contains(v) || (0xC0...0x2FFF).contains(v) || (0xA640...0xA7FF).contains(v)
                || (0xFF21...0xFF3A).contains(v) || v >= 0x10000
        }
        return hasCase ? lowercased() : String(self)
    }

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

    /// White space by Unicode's White_Space property, with ASCII answered without a table lookup.
    var isWhite: Bool { value < 0x80 ? value == 0x20 || (0x09...0x0D).contains(value) : properties.isWhitespace }

    /// An ASCII or fullwidth decimal digit.
    var isDigit: Bool { (0x30...0x39).contains(value) || (0xFF10...0xFF19).contains(value) }
}
