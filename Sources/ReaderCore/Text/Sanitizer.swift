/// Makes untrusted text safe to lay out and print: no control, escape or bidi-override
/// character survives, and every code point left has a known, non-negative width.
///
/// - CRLF and lone CR become LF; U+2028/U+2029 become LF.
/// - TAB expands to the next multiple of 8 columns.
/// - Terminal escape sequences (CSI `ESC [ … final`, OSC `ESC ] … BEL|ST`, two-byte `ESC x`)
///   are removed whole; other C0 controls, DEL and C1 controls are dropped.
/// - U+00AD soft hyphen, bidi embeddings, overrides and isolates are dropped.
/// - A variation selector whose presentation terminals draw at another width than `wcwidth`
///   counts is dropped (`isDisputedSelector`): `❤️` shows as `❤`, one column everywhere.
/// - A leading U+FEFF byte-order mark is dropped.
/// - Any other code point glibc `wcwidth` rejects (unassigned, newer than the C library) becomes U+FFFD.
public enum Sanitizer {
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// The sanitized form of `text`.
    public static func clean(_ text: String) -> String {
        if isClean(text) { return text }
        var out = String.UnicodeScalarView()
        var column = 0
        var previousWasCR = false
        var first = true
        var escape = EscapeState.none
        var lastWidth = 0
        for scalar in text.unicodeScalars {
            defer { first = false }
            let v = scalar.value
            if escape != .none || v == 0x1B || v == 0x9B || v == 0x9D {
                let consumed: Bool
                (escape, consumed) = escape.next(v)
                if consumed { continue }
            }
            // Line breaks: LF, CR, CR LF, NEL and LS; PS ends a paragraph (a blank line).
            if v == 0x0A || v == 0x0D || v == 0x85 || v == 0x2028 || v == 0x2029 {
                if !(v == 0x0A && previousWasCR) { out.append("\n") }
                if v == 0x2029 { out.append("\n") }
                previousWasCR = v == 0x0D
                column = 0
                lastWidth = 0
                continue
            }
            previousWasCR = false
            if v == 0x09 {
                let spaces = 8 - column % 8
                for _ in 0..<spaces { out.append(" ") }
                column += spaces
                lastWidth = 1
                continue
            }
            if isDropped(v) || (first && v == 0xFEFF) || isDisputedSelector(v, after: lastWidth) { continue }
            var w = DisplayWidth.of(scalar)
            var kept = scalar
            if w < 0 { kept = replacement; w = 1 }
            out.append(kept)
            column += w
            lastWidth = w
        }
        return String(out)
    }

    /// Where the sanitizer is inside a terminal escape sequence.
    enum EscapeState: Equatable {
        case none, escape, escapeIntermediate, csi, osc, oscEscape

        /// The state after `v`, and whether `v` belonged to the sequence. A sequence ends at its
        /// final byte, and is cut short by a line break or a character it cannot hold.
        func next(_ v: UInt32) -> (EscapeState, consumed: Bool) {
            let lineBreak = v == 0x0A || v == 0x0D
            switch self {
            case .none: return (v == 0x1B ? .escape : v == 0x9B ? .csi : .osc, true)
            case .escape:
                if v == 0x1B { return (.escape, true) }
                if v == 0x5B { return (.csi, true) }
                if v == 0x5D || v == 0x50 || v == 0x5F || v == 0x5E { return (.osc, true) }  // OSC, DCS, APC, PM
                if (0x20...0x2F).contains(v) { return (.escapeIntermediate, true) }  // e.g. ESC ( B
                return (.none, (0x30...0x7E).contains(v))  // a two-byte sequence, or a stray ESC
            case .escapeIntermediate:
                if v == 0x1B { return (.escape, true) }
                if (0x20...0x2F).contains(v) { return (.escapeIntermediate, true) }
                return (.none, (0x30...0x7E).contains(v))
            case .csi:
                if v == 0x1B { return (.escape, true) }  // ESC always starts a new sequence
                if (0x40...0x7E).contains(v) { return (.none, true) }
                return (0x20...0x3F).contains(v) ? (.csi, true) : (.none, false)
            case .osc:
                if lineBreak { return (.none, false) }
                if v == 0x07 || v == 0x9C { return (.none, true) }
                return (v == 0x1B ? .oscEscape : .osc, true)
            case .oscEscape:
                // ESC \ ends the string; ESC anything else starts a new sequence.
                return v == 0x5C ? (.none, true) : EscapeState.escape.next(v)
            }
        }
    }

    /// True when `clean` would return `text` unchanged: the common case, checked without copying.
    static func isClean(_ text: String) -> Bool {
        if text.utf8.first == 0xEF, text.unicodeScalars.first == "\u{FEFF}" { return false }
        var lastWidth = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x20 { if v != 0x0A { return false } else { lastWidth = 0; continue } }
            if v < 0x7F { lastWidth = 1; continue }
            if v == 0x2028 || v == 0x2029 || isDropped(v) || isDisputedSelector(v, after: lastWidth) { return false }
            lastWidth = DisplayWidth.of(scalar)
            if lastWidth < 0 { return false }
        }
        return true
    }

    /// True for a variation selector that would make a terminal draw its character at another
    /// width than glibc `wcwidth` (and so ncursesw) counts: U+FE0F (emoji presentation) after a
    /// character one column wide, which current terminals draw two wide, and U+FE0E (text
    /// presentation) after one two columns wide, which some draw one wide. Dropped, the
    /// character shows in its default presentation, at the width every party agrees on.
    @inline(__always)
    static func isDisputedSelector(_ v: UInt32, after width: Int) -> Bool {
        (v == 0xFE0F && width == 1) || (v == 0xFE0E && width == 2)
    }

    /// A single-line form for titles, file names, URLs and messages: newlines become spaces.
    public static func line(_ text: String) -> String {
        let cleaned = clean(text)
        guard cleaned.unicodeScalars.contains("\n") else { return cleaned }
        return String(String.UnicodeScalarView(cleaned.unicodeScalars.map { $0 == "\n" ? " " : $0 }))
    }

    /// True for code points that are removed outright.
    @inline(__always)
    static func isDropped(_ v: UInt32) -> Bool {
        isControlOrBidi(v) || v == 0xAD
    }

    /// True for a C0 or C1 control, DEL, or a bidi control (embeddings, overrides, isolates,
    /// marks): what a terminal or a text viewer could act on.
    @inline(__always)
    public static func isControlOrBidi(_ v: UInt32) -> Bool {
        v < 0x20 || (v >= 0x7F && v <= 0x9F)
            || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069)
            || v == 0x200E || v == 0x200F || v == 0x061C
    }
}
