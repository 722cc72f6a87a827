import Foundation

/// Keeps hostile nesting away from the HTML parser: gumbo's tree construction slows down with the
/// square of the depth and recurses as deep as the tree (100,000 nested `<div>`s take 29 s and
/// overflow a thread's stack). Start tags that would nest deeper than `limit` are dropped, with
/// their end tags, before parsing, so their content lands in the deepest allowed element.
///
/// The count is a close estimate made on the tags alone: elements whose start tag closes an open
/// one of their kind (`p`, `li`, `td`, `a`…) and void elements are not counted, and the text of
/// `script`, `style` and the other raw-text elements is skipped.
enum HTMLNestingGuard {
    /// The deepest nesting kept. Real pages stay far below it.
    static let limit = 400

    /// `html` with the start and end tags nested deeper than `limit` removed, or nil if none is.
    static func limited(_ html: [UInt8], limit: Int = limit) -> [UInt8]? {
        var drops: [Range<Int>] = []
        var open: [(name: ArraySlice<UInt8>, dropped: Bool)] = []
        var i = 0
        let n = html.count
        while i < n {
            guard let lt = index(of: 0x3C, in: html, from: i) else { break }
            guard lt + 1 < n else { break }
            let next = html[lt + 1]
            if next == 0x21 {  // "<!": comment or doctype
                i = html[lt...].starts(with: Array("<!--".utf8)) ? end(of: Array("-->".utf8), in: html, from: lt + 4)
                    : (index(of: 0x3E, in: html, from: lt) ?? n) + 1
                continue
            }
            let isEnd = next == 0x2F
            let nameStart = isEnd ? lt + 2 : lt + 1
            var nameEnd = nameStart
            while nameEnd < n, isNameByte(html[nameEnd]) { nameEnd += 1 }
            guard nameEnd > nameStart, isLetter(html[nameStart]) else { i = lt + 1; continue }
            let tagEnd = endOfTag(html, from: nameEnd)
            let name = lowercased(html[nameStart..<nameEnd])
            i = tagEnd
            if isEnd {
                // Only the innermost 64 open elements are searched: the guard stays linear.
                guard let k = open.indices.suffix(64).last(where: { open[$0].name == name }) else { continue }
                if open[k].dropped { drops.append(lt..<tagEnd) }
                open.removeSubrange(k...)
                continue
            }
            if let raw = rawText[name] {
                i = closing(raw, in: html, from: tagEnd)
                continue
            }
            let selfClosing = tagEnd >= 2 && html[tagEnd - 2] == 0x2F
            if selfClosing || uncounted.contains(name) { continue }
            let dropped = open.count >= limit
            if dropped { drops.append(lt..<tagEnd) }
            open.append((name, dropped))
        }
        guard !drops.isEmpty else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(n)
        var from = 0
        for drop in drops {
            out.append(contentsOf: html[from..<drop.lowerBound])
            from = drop.upperBound
        }
        out.append(contentsOf: html[from...])
        return out
    }

    /// Void elements, and elements whose start tag closes an open one of their kind.
    static let uncounted: Set<ArraySlice<UInt8>> = Set([
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "keygen", "p", "li", "dt", "dd", "a", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
        "colgroup", "caption", "rb", "rt", "rp", "html", "head", "body",
    ].map { ArraySlice($0.utf8) })

    /// Elements whose content is text up to their end tag, with that end tag.
    static let rawText: [ArraySlice<UInt8>: [UInt8]] = Dictionary(uniqueKeysWithValues: [
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext",
    ].map { (ArraySlice($0.utf8), Array("</\($0)".utf8)) })

    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    private static func isNameByte(_ b: UInt8) -> Bool {
        isLetter(b) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F || b == 0x3A || b >= 0x80
    }

    private static func lowercased(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        bytes.contains { $0 >= 0x41 && $0 <= 0x5A }
            ? ArraySlice(bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }) : bytes
    }

    /// Just past the `>` that ends a tag whose name ends at `from`, quoted attribute values skipped.
    private static func endOfTag(_ html: [UInt8], from: Int) -> Int {
        var i = from
        var quote: UInt8 = 0
        while i < html.count {
            let b = html[i]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == 0x22 || b == 0x27 {
                quote = b
            } else if b == 0x3E {
                return i + 1
            }
            i += 1
        }
        return html.count
    }

    /// Just past `end` (case-insensitive) at or after `from`, or the end of the text.
    private static func closing(_ end: [UInt8], in html: [UInt8], from: Int) -> Int {
        var i = from
        while let lt = index(of: 0x3C, in: html, from: i) {
            if lt + end.count <= html.count,
               zip(end, html[lt..<(lt + end.count)]).allSatisfy({ $0 == ($1 | 0x20) || $0 == $1 }) {
                return endOfTag(html, from: lt + end.count)
            }
            i = lt + 1
        }
        return html.count
    }

    /// Just past the first `needle` at or after `from`, or the end of the text.
    private static func end(of needle: [UInt8], in html: [UInt8], from: Int) -> Int {
        var i = from
        while let first = index(of: needle[0], in: html, from: i) {
            if html[first...].starts(with: needle) { return first + needle.count }
            i = first + 1
        }
        return html.count
    }

    private static func index(of byte: UInt8, in html: [UInt8], from: Int) -> Int? {
        guard from < html.count else { return nil }
        return html.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress,
                  let hit = memchr(base + from, Int32(byte), buffer.count - from) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }
}
