/// Greedy line wrapping at a given width, on the break opportunities of `LineBreaker`.
///
/// Every line but a paragraph's last is as full as the rules allow, and none is wider than
/// the width. A unit wider than the line (a long URL or word) is split at grapheme-cluster
/// boundaries, with no hyphen, so a copied URL stays intact.
public struct Wrapper {
    public let breaker: LineBreaker

    public init(breaker: LineBreaker) {
        self.breaker = breaker
    }

    /// `paragraph` (sanitized, one line) wrapped to `width` columns (at least 2).
    public func wrap(_ paragraph: String, width: Int) -> [WrappedLine] {
        let text = Measured(paragraph)
        let width = max(width, 2)
        var lines: [WrappedLine] = []
        var lineStart = text.skipSpaces(from: 0)
        var fitted = lineStart
        for boundary in breaker.opportunities(in: text.units) + [text.units.count] where boundary > lineStart {
            if text.width(lineStart, text.trimEnd(lineStart, boundary)) <= width {
                fitted = boundary
                continue
            }
            if fitted > lineStart {
                lines.append(text.line(lineStart, text.trimEnd(lineStart, fitted)))
                lineStart = text.skipSpaces(from: fitted)
            }
            while text.width(lineStart, text.trimEnd(lineStart, boundary)) > width {
                let cut = forcedCut(text, from: lineStart, to: text.trimEnd(lineStart, boundary), width: width)
                lines.append(text.line(lineStart, cut))
                lineStart = cut
            }
            fitted = boundary
        }
        let end = text.trimEnd(lineStart, text.units.count)
        if end > lineStart || lines.isEmpty { lines.append(text.line(lineStart, end)) }
        return lines
    }

    /// `text` kept as it is (preformatted), only split where a line is wider than `width`.
    public func split(_ text: String, width: Int) -> [WrappedLine] {
        let measured = Measured(text)
        let width = max(width, 2)
        var lines: [WrappedLine] = []
        var start = 0
        let end = measured.trimEnd(0, measured.units.count)
        while measured.width(start, end) > width {
            let cut = forcedCut(measured, from: start, to: end, width: width)
            lines.append(measured.line(start, cut))
            start = cut
        }
        lines.append(measured.line(start, end))
        return lines
    }

    /// The furthest grapheme boundary after `start` that fits in `width`; inside a single
    /// grapheme wider than the line, the furthest code point boundary; always past `start`.
    private func forcedCut(_ text: Measured, from start: Int, to end: Int, width: Int) -> Int {
        var cut = start
        for boundary in breaker.graphemeBoundaries(in: text.units, range: start..<end) {
            if text.width(start, boundary) > width { break }
            cut = boundary
        }
        if cut > start { return cut }
        var position = start
        while position < end {
            let next = position + (UTF16.isLeadSurrogate(text.units[position]) ? 2 : 1)
            if position > start && text.width(start, next) > width { break }
            position = next
        }
        return min(position, end)
    }
}

/// A paragraph as UTF-16 with running display widths, so any span's width is one subtraction.
struct Measured {
    let units: [UInt16]
    /// `offsets[i]` is the width of `units[..<i]`.
    private let offsets: [Int]

    init(_ text: String) {
        units = Array(text.utf16)
        var offsets = [Int](repeating: 0, count: units.count + 1)
        var total = 0
        var i = 0
        while i < units.count {
            let unit = units[i]
            offsets[i] = total
            if UTF16.isLeadSurrogate(unit), i + 1 < units.count {
                let value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(units[i + 1]) - 0xDC00)
                total += max(DisplayWidth.of(Unicode.Scalar(value) ?? "\u{FFFD}"), 0)
                offsets[i + 1] = total
                i += 2
                continue
            }
            total += max(DisplayWidth.of(Unicode.Scalar(unit) ?? "\u{FFFD}"), 0)
            i += 1
        }
        offsets[units.count] = total
        self.offsets = offsets
    }

    func width(_ start: Int, _ end: Int) -> Int { offsets[end] - offsets[start] }

    func trimEnd(_ start: Int, _ end: Int) -> Int {
        var end = end
        while end > start && units[end - 1] == 0x20 { end -= 1 }
        return end
    }

    func skipSpaces(from start: Int) -> Int {
        var start = start
        while start < units.count && units[start] == 0x20 { start += 1 }
        return start
    }

    func line(_ start: Int, _ end: Int) -> WrappedLine {
        WrappedLine(text: String(decoding: units[start..<end], as: UTF16.self), width: width(start, end), start: start)
    }
}
