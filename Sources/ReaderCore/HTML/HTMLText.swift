/// The HTML whitespace rules for text: which characters collapse, and where a line break in the
/// source joins two characters with no space. As CSS Text's segment-break rules say, it does so
/// between two wide characters (Han, kana, CJK punctuation, fullwidth forms) when neither is
/// Hangul, since Korean puts spaces between words.
enum HTMLText {
    /// HTML's ASCII whitespace: space, TAB, LF, FF, CR.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{0C}"
    }

    /// Whether a collapsed run of whitespace holding a line break, between `before` and `after`,
    /// disappears.
    static func joins(_ before: Unicode.Scalar, _ after: Unicode.Scalar) -> Bool {
        isWideNonHangul(before) && isWideNonHangul(after)
    }

    /// Han, kana, CJK symbols and punctuation, fullwidth forms.
    static func isWideNonHangul(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (0x2E80...0x303F).contains(v) || (0x3040...0x30FF).contains(v) || (0x3400...0x4DBF).contains(v)
            || (0x4E00...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
    }
}
