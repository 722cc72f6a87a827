import CCmark

/// CJK character classes, and the soft breaks between CJK characters that should show as nothing.
extension MarkdownRenderer {
    /// How many nodes the search for the character beside a soft break looks through.
    private static let neighbourSteps = 32
    /// The inline HTML of a highlight, which the search for a soft break's neighbour looks past.
    private static let highlightTags: Set<String> = ["<mark>", "</mark>"]

    /// CJK symbols and punctuation (U+3000–U+303F: 、。「」『』【】《》〈〉…), the katakana middle dot, and
    /// fullwidth ASCII and halfwidth CJK punctuation (U+FF00–U+FF65: ，．：；！？（）…).
    static func isCJKPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3000...0x303F, 0x30FB, 0xFF00...0xFF65: return true
        default: return false
        }
    }

    /// Punctuation CJK text shares with Western text: curly quotes “”‘’, dashes —― and ellipses ‥….
    static func isSharedPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2014, 0x2015, 0x2018, 0x2019, 0x201C, 0x201D, 0x2025, 0x2026: return true
        default: return false
        }
    }

    /// Whether `scalar` is written without spaces around it in CJK text: Han, kana, bopomofo, CJK punctuation,
    /// fullwidth forms. Hangul (U+1100–U+11FF, U+3130–U+318F, U+A960–U+A97F, U+AC00–U+D7FF, U+FFA0–U+FFDC)
    /// is left out: Korean spaces its words.
    private static func isSpacelessCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E80...0x2FFF, 0x3000...0x312F, 0x3190...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFF9F, 0xFFE0...0xFFE6, 0x1B000...0x1B16F, 0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }

    /// Whether the soft break `softBreak` sits between two CJK characters, so it should show as nothing. A
    /// shared punctuation mark counts when the other side is CJK proper (`他说：“` + break + `你好”`).
    static func joinsCJK(_ softBreak: Node) -> Bool {
        guard let before = neighbour(of: softBreak, after: false),
              let after = neighbour(of: softBreak, after: true) else { return false }
        let cjkBefore = isSpacelessCJK(before), cjkAfter = isSpacelessCJK(after)
        return (cjkBefore || cjkAfter) && (cjkBefore || isSharedPunctuation(before))
            && (cjkAfter || isSharedPunctuation(after))
    }

    /// The character shown beside `node`, after it or before it: looks into inline containers and past
    /// highlight tags and footnote references; nil when a break, an image, other raw HTML or the container's
    /// edge comes first.
    private static func neighbour(of node: Node, after: Bool) -> Unicode.Scalar? {
        var current = after ? cmark_node_next(node) : cmark_node_previous(node)
        for _ in 0..<neighbourSteps {
            guard let candidate = current else { return nil }
            let type = cmark_node_get_type(candidate)
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                let scalars = literal(of: candidate).unicodeScalars
                if let scalar = after ? scalars.first : scalars.last { return scalar }
            case CMARK_NODE_HTML_INLINE where highlightTags.contains(literal(of: candidate)),
                 CMARK_NODE_FOOTNOTE_REFERENCE:
                break
            default:
                guard type != CMARK_NODE_IMAGE, isInline(type),
                      let child = after ? cmark_node_first_child(candidate) : cmark_node_last_child(candidate) else {
                    return nil
                }
                current = child
                continue
            }
            current = after ? cmark_node_next(candidate) : cmark_node_previous(candidate)
        }
        return nil
    }
}
