import Glibc

/// Splits a plain-text page dump into blocks. Each line of a dump is a block; a run of lines
/// that looks hard-wrapped (similar, long widths) is joined into one paragraph. Bulleted and
/// numbered lines become list items, `>` lines quotes, `#` lines headings.
public enum PlainTextParser {
    /// The blocks of `text` (sanitized), all in the body role until reader mode decides.
    public static func blocks(_ text: String) -> [Block] {
        var blocks: [Block] = []
        var group: [Substring] = []
        func flush() {
            if group.count == 1 { blocks.append(block(trimmed(group[0]))) } else if !group.isEmpty { blocks += blocksOfGroup(group) }
            group.removeAll(keepingCapacity: true)
        }
        let utf8 = text.utf8
        var start = 0
        for end in newlineOffsets(text) + [utf8.count] {
            let line = Substring(utf8[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
            if isBlank(line) { flush() } else { group.append(line) }
            start = end + 1
        }
        flush()
        return blocks
    }

    /// Where `text`'s newlines are, in UTF-8 bytes (found by `memchr`).
    private static func newlineOffsets(_ text: String) -> [Int] {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return [] }
            var offsets: [Int] = [], offset = 0
            while offset < bytes.count, let found = memchr(base + offset, 0x0A, bytes.count - offset) {
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                offsets.append(index)
                offset = index + 1
            }
            return offsets
        }
    }

    private static func isBlank(_ line: Substring) -> Bool {
        line.unicodeScalars.allSatisfy { $0 == " " || $0 == "\u{3000}" || $0 == "\u{FEFF}" || $0 == "\u{200B}" }
    }

    /// One run of non-blank lines: joined when hard-wrapped, else a block per line.
    private static func blocksOfGroup(_ group: [Substring]) -> [Block] {
        let lines = group.map(trimmed)
        if lines.count >= 2, !lines.contains(where: { listMarker(in: $0) != nil || $0.hasPrefix(">") || $0.hasPrefix("#") }) {
            let widths = lines.map { DisplayWidth.of($0) }
            let widest = widths.max() ?? 0
            if widest >= 50, widths.dropLast().allSatisfy({ $0 * 2 >= widest }) {
                return [Block(kind: .paragraph, text: joinLines(lines))]
            }
        }
        return lines.map(block)
    }

    private static func block(_ line: String) -> Block {
        if listMarker(in: line) != nil { return Block(kind: .listItem, text: normalizedListItem(line)) }
        if line.hasPrefix(">") { return Block(kind: .quote, text: trimmed(Substring(line.dropFirst()))) }
        if line.hasPrefix("#") {
            let text = line.drop { $0 == "#" }
            if text.first == " " { return Block(kind: .heading, text: trimmed(text)) }
        }
        return Block(kind: .paragraph, text: line)
    }

    /// The line without leading or trailing spaces (ASCII and ideographic).
    static func trimmed(_ line: Substring) -> String {
        let scalars = line.unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\u{3000}" || $0 == "\u{A0}" || $0 == "\u{FEFF}" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }

    /// Lines joined as one paragraph: a space between them, except between two CJK characters.
    static func joinLines(_ lines: [String]) -> String {
        var result = ""
        for line in lines {
            if let last = result.unicodeScalars.last, let first = line.unicodeScalars.first,
               !(PageChrome.isCJK(last) && PageChrome.isCJK(first)) || last.properties.isWhitespace {
                result += " "
            }
            result += line
        }
        return result
    }

    static let bullets: Set<Character> = ["•", "·", "‧", "・", "●", "○", "◦", "▪", "▫", "■", "□", "◆", "◇", "▶", "►", "-", "*", "+", "–", "—"]

    /// The list marker that starts `line` ("•", "-", "1.", "1)", "(1)", "①"), if any.
    static func listMarker(in line: String) -> Substring? {
        // A line that starts with a letter or a CJK character has no marker: most lines.
        if let scalar = line.unicodeScalars.first, (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
            || PageChrome.isCJK(scalar) { return nil }
        guard let first = line.first else { return nil }
        if bullets.contains(first) {
            let rest = line.dropFirst()
            // "-" and "*" need a space after them; "•" and kin may touch the text.
            if rest.first == " " || ("-*+–—".contains(first) == false && rest.first != nil && rest.first != first) {
                return line.prefix(1)
            }
            return nil
        }
        if let scalar = first.unicodeScalars.first, (0x2460...0x2473).contains(scalar.value) || (0x2776...0x277F).contains(scalar.value) {
            return line.prefix(1)
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 3 {
            let rest = line.dropFirst(digits.count)
            if let mark = rest.first, ".)、．".contains(mark), rest.dropFirst().first == " " || mark == "、" {
                return line.prefix(digits.count + 1)
            }
        }
        if line.hasPrefix("(") || line.hasPrefix("（") {
            let inner = line.dropFirst().prefix { $0.isASCII && $0.isNumber }
            let after = line.dropFirst(1 + inner.count)
            if !inner.isEmpty, inner.count <= 2, let close = after.first, close == ")" || close == "）" {
                return line.prefix(inner.count + 2)
            }
        }
        return nil
    }

    /// A list item as "MARKER text": bullets become "•", numbers keep their form.
    static func normalizedListItem(_ line: String) -> String {
        guard let marker = listMarker(in: line) else { return line }
        let text = trimmed(line.dropFirst(marker.count))
        if let first = marker.first, bullets.contains(first) { return "• " + text }
        return marker + " " + text
    }
}
