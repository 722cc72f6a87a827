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

    /// How many UTF-16 units of a paragraph are measured at once (at least 16 lines' worth).
    static let window = 1 << 16

    /// `paragraph` (sanitized, one line) wrapped to `width` columns (at least 2); no line breaks
    /// inside the UTF-16 ranges `unbroken` (a hashtag) unless one is wider than the line.
    ///
    /// A paragraph longer than `window` units is wrapped a window at a time, each from the start
    /// of the last line the one before it left unfinished (the break opportunities and the fill
    /// are the same there), so what is measured at once stays bounded however long the line.
    public func wrap(_ paragraph: String, width: Int, unbroken: [Range<Int>] = [], window: Int? = nil) -> [WrappedLine] {
        if let line = Self.shortPrintableASCII(paragraph, width: width) { return [line] }
        let utf16 = paragraph.utf16
        let window = max(window ?? Self.window, width * 16)
        guard utf16.count > window else { return wrapWhole(paragraph, width: width, unbroken: unbroken) }
        var lines: [WrappedLine] = []
        var start = 0, startIndex = utf16.startIndex
        while true {
            var end = min(utf16.count, start + window)
            var endIndex = utf16.index(startIndex, offsetBy: end - start)
            // Never inside a surrogate pair.
            if end < utf16.count, UTF16.isTrailSurrogate(utf16[endIndex]) {
                end -= 1
                endIndex = utf16.index(before: endIndex)
            }
            let shifted = unbroken.compactMap { range -> Range<Int>? in
                let clamped = range.clamped(to: start..<end)
                return clamped.isEmpty ? nil : (clamped.lowerBound - start)..<(clamped.upperBound - start)
            }
            var piece = wrapWhole(String(paragraph[startIndex..<endIndex]), width: width, unbroken: shifted)
            let last = end < utf16.count && piece.count > 1 ? piece.removeLast() : nil
            lines += piece.map { WrappedLine(text: $0.text, width: $0.width, start: $0.start + start) }
            guard let last else {
                if end == utf16.count { return lines }
                (start, startIndex) = (end, endIndex)
                continue
            }
            startIndex = utf16.index(startIndex, offsetBy: last.start)
            start += last.start
        }
    }

    /// `wrap` of a paragraph measured whole.
    /// The one line of a paragraph of printable ASCII that fits, not starting or ending with a
    /// space: each byte a column, nothing to measure or break (most short lines of a dump).
    static func shortPrintableASCII(_ paragraph: String, width: Int) -> WrappedLine? {
        let utf8 = paragraph.utf8
        guard utf8.count <= max(width, 2), let first = utf8.first, first != 0x20, utf8.last != 0x20,
              utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        return WrappedLine(text: paragraph, width: utf8.count, start: 0)
    }

    private func wrapWhole(_ paragraph: String, width: Int, unbroken: [Range<Int>]) -> [WrappedLine] {
        let text = Measured(paragraph)
        let width = max(width, 2)
        var lines: [WrappedLine] = []
        var lineStart = text.skipSpaces(from: 0)
        var fitted = lineStart
        var graphemes: Graphemes = (0..<0, [])
        // A paragraph that fits is one line: no need to ask where it may break.
        let whole = text.trimEnd(lineStart, text.units.count)
        if text.width(lineStart, whole) <= width { return [text.line(lineStart, whole)] }
        var opportunities = breaker.opportunities(in: text.units)
        if !unbroken.isEmpty {
            opportunities.removeAll { at in unbroken.contains { $0.lowerBound < at && at < $0.upperBound } }
        }
        for boundary in opportunities + [text.units.count] where boundary > lineStart {
            if text.width(lineStart, text.trimEnd(lineStart, boundary)) <= width {
                fitted = boundary
                continue
            }
            if fitted > lineStart {
                lines.append(text.line(lineStart, text.trimEnd(lineStart, fitted)))
                lineStart = text.skipSpaces(from: fitted)
            }
            while text.width(lineStart, text.trimEnd(lineStart, boundary)) > width {
                let cut = forcedCut(text, from: lineStart, to: text.trimEnd(lineStart, boundary), width: width,
                                    graphemes: &graphemes)
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
        var start = 0, graphemes: Graphemes = (0..<0, [])
        let end = measured.trimEnd(0, measured.units.count)
        while measured.width(start, end) > width {
            let cut = forcedCut(measured, from: start, to: end, width: width, graphemes: &graphemes)
            lines.append(measured.line(start, cut))
            start = cut
        }
        lines.append(measured.line(start, end))
        return lines
    }

    /// Grapheme boundaries found after a position of a paragraph, kept while line after line is cut from one
    /// unbreakable run: a boundary is the whole text's, wherever the search for it starts.
    private typealias Graphemes = (range: Range<Int>, boundaries: [Int])

    /// How many UTF-16 units of a run are segmented into graphemes at once.
    private static let graphemeWindow = 4_096

    /// The furthest grapheme boundary after `start` that fits in `width`; inside a single
    /// grapheme wider than the line, the furthest code point boundary; always past `start`.
    /// The run is segmented a window at a time into `graphemes` (widened while everything up to the limit
    /// fits), so cutting a long unbreakable run is linear in its length.
    private func forcedCut(_ text: Measured, from start: Int, to end: Int, width: Int,
                           graphemes: inout Graphemes) -> Int {
        var cut = start
        var limit = min(end, start + max(64, width * 8))
        while true {
            if !(graphemes.range.lowerBound <= start && limit <= graphemes.range.upperBound) {
                let upper = min(end, max(limit, start + Self.graphemeWindow))
                graphemes = (start..<upper, breaker.graphemeBoundaries(in: text.units, range: start..<upper))
            }
            // The boundaries in (start, limit), then the limit itself.
            var lo = 0, hi = graphemes.boundaries.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if graphemes.boundaries[mid] <= start { lo = mid + 1 } else { hi = mid }
            }
            var fitsAll = true
            for index in lo...graphemes.boundaries.count {
                let boundary = index < graphemes.boundaries.count ? min(graphemes.boundaries[index], limit) : limit
                if text.width(start, boundary) > width { fitsAll = false; break }
                cut = boundary
                if boundary == limit { break }
            }
            guard fitsAll && limit < end else { break }
            limit = min(end, start + (limit - start) * 2)
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

/// A paragraph as UTF-16 (for ICU) with running display widths, so any span's width is one
/// subtraction, and its UTF-8 bytes, so any span's text is one validated copy.
struct Measured {
    let units: [UInt16]
    /// `widths[i]` is the width of `units[..<i]`.
    private let widths: [Int]
    private let bytes: [UInt8]
    /// `byteOffsets[i]` is where `units[i]` starts in `bytes`.
    private let byteOffsets: [Int32]

    /// Measures `text` in one pass over its UTF-8 bytes (valid, as a `String`'s are).
    init(_ text: String) {
        bytes = Array(text.utf8)
        let count = bytes.count
        // A scalar takes at least as many UTF-8 bytes as UTF-16 units.
        var units = [UInt16](repeating: 0, count: count), widths = [Int](repeating: 0, count: count + 1)
        var byteOffsets = [Int32](repeating: 0, count: count + 1)
        var unitCount = 0
        bytes.withUnsafeBufferPointer { bytes in
            units.withUnsafeMutableBufferPointer { units in
                widths.withUnsafeMutableBufferPointer { widths in
                    byteOffsets.withUnsafeMutableBufferPointer { byteOffsets in
                        var total = 0, index = 0
                        while index < count {
                            let start = index, value = bytes.scalarValue(at: &index)
                            let width = max(DisplayWidth.of(Unicode.Scalar(value).unsafelyUnwrapped), 0)
                            (widths[unitCount], byteOffsets[unitCount]) = (total, Int32(start))
                            if value < 0x10000 {
                                units[unitCount] = UInt16(value)
                                unitCount += 1
                            } else {
                                // A span ending inside a surrogate pair counts the whole scalar.
                                units[unitCount] = UInt16(0xD800 + ((value - 0x10000) >> 10))
                                units[unitCount + 1] = UInt16(0xDC00 + (value & 0x3FF))
                                (widths[unitCount + 1], byteOffsets[unitCount + 1]) = (total + width, Int32(start))
                                unitCount += 2
                            }
                            total += width
                        }
                        (widths[unitCount], byteOffsets[unitCount]) = (total, Int32(count))
                    }
                }
            }
        }
        units.removeLast(count - unitCount)
        widths.removeLast(count - unitCount)
        byteOffsets.removeLast(count - unitCount)
        (self.units, self.widths, self.byteOffsets) = (units, widths, byteOffsets)
    }

    func width(_ start: Int, _ end: Int) -> Int { widths[end] - widths[start] }

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
        let text = String(decoding: bytes[Int(byteOffsets[start])..<Int(byteOffsets[end])], as: UTF8.self)
        return WrappedLine(text: text, width: width(start, end), start: start)
    }
}
