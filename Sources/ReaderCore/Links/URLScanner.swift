/// Finds URLs written in plain text: `http(s)://`, `ftp://`, `file:`, `javascript:`, `mailto:`,
/// `data:` and the like, ended by a space, a CJK character, fullwidth punctuation or an
/// unbalanced closing bracket, with trailing punctuation left out.
public enum URLScanner {
    /// Schemes recognised in running text; the rest of a `word:` is left alone.
    static let schemes = ["https://", "http://", "ftp://", "ftps://", "file:", "javascript:", "vbscript:",
                          "data:", "mailto:", "ws://", "wss://"]

    /// Each URL in `text` with its UTF-16 range.
    public static func urls(in text: String) -> [(url: String, range: Range<Int>)] {
        guard text.includes(":") else { return [] }  // no ':' at all
        let units = Array(text.utf16)
        var found: [(String, Range<Int>)] = []
        var i = 0
        while i < units.count {
            guard let scheme = scheme(at: i, in: units) else { i += 1; continue }
            var end = i + scheme
            while end < units.count && isURLUnit(units[end]) { end += 1 }
            end = trimTrailing(units, from: i, to: end)
            if end > i + scheme {
                found.append((String(decoding: units[i..<end], as: UTF16.self), i..<end))
            }
            i = max(end, i + 1)
        }
        return found
    }

    /// The length of the scheme starting at `i`, if one starts there (and not inside a word).
    private static func scheme(at i: Int, in units: [UInt16]) -> Int? {
        if i > 0, isASCIIAlnum(units[i - 1]) { return nil }
        for scheme in schemes {
            let s = Array(scheme.utf16)
            guard i + s.count <= units.count else { continue }
            var match = true
            for k in 0..<s.count where lower(units[i + k]) != s[k] { match = false; break }
            if match { return s.count }
        }
        return nil
    }

    private static func isASCIIAlnum(_ u: UInt16) -> Bool {
        (0x30...0x39).contains(u) || (0x41...0x5A).contains(u) || (0x61...0x7A).contains(u)
    }

    private static func lower(_ u: UInt16) -> UInt16 { (0x41...0x5A).contains(u) ? u + 0x20 : u }

    /// Units that may continue a URL: printable ASCII but space, quotes and angle brackets,
    /// and non-ASCII letters outside CJK and fullwidth forms (internationalized paths).
    private static func isURLUnit(_ u: UInt16) -> Bool {
        if u < 0x80 { return u > 0x20 && u != 0x7F && u != 0x22 && u != 0x3C && u != 0x3E && u != 0x60 }
        if (0x2E80...0x9FFF).contains(u) || (0xAC00...0xD7AF).contains(u) || (0xF900...0xFAFF).contains(u)
            || (0xFE30...0xFFEF).contains(u) || (0x2000...0x206F).contains(u) || (0xD800...0xDFFF).contains(u) || u == 0xA0 || u == 0x3000 {
            return false
        }
        return true
    }

    /// Drops trailing sentence punctuation and closing brackets that have no opening partner.
    private static func trimTrailing(_ units: [UInt16], from start: Int, to end: Int) -> Int {
        var end = end
        while end > start {
            let u = units[end - 1]
            if [0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x27, 0x2A, 0x5F].contains(u) { end -= 1; continue }
            if let open: UInt16 = [0x29: 0x28, 0x5D: 0x5B, 0x7D: 0x7B][u] {
                let span = units[start..<end]
                if span.filter({ $0 == open }).count < span.filter({ $0 == u }).count { end -= 1; continue }
            }
            break
        }
        return end
    }
}
