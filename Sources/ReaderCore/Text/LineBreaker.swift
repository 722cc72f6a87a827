import CICU

/// Finds where a line may break in a paragraph: UAX #14 through ICU's line `BreakIterator`
/// (strict, so small kana do not start a line), tailored as TEXT-LAYOUT.md §2 says:
/// JLReq/CLREQ kinsoku, no break before `·～—⸺` unless a space precedes, Korean keep-all, and
/// Unicode 15.1's breaks around quotation marks between East Asian characters (LB19a).
///
/// Not thread-safe: each thread needs its own.
public final class LineBreaker {
    private let lines: OpaquePointer
    private let characters: OpaquePointer

    /// Opens ICU's line and character break iterators; `nil` if ICU cannot.
    public init?() {
        guard let lines = reader_breaker_open(0, "en@lb=strict") else { return nil }
        guard let characters = reader_breaker_open(1, "en") else {
            reader_breaker_close(lines)
            return nil
        }
        self.lines = lines
        self.characters = characters
    }

    deinit {
        reader_breaker_close(lines)
        reader_breaker_close(characters)
    }

    /// The UTF-16 offsets (strictly between 0 and `text.count`) where a new line may start.
    public func opportunities(in text: [UInt16]) -> [Int] {
        guard text.count > 1 else { return [] }
        var result: [Int] = []
        text.withUnsafeBufferPointer { buffer in
            guard reader_breaker_set_text(lines, buffer.baseAddress, Int32(buffer.count)) == 0 else { return }
            var position = reader_breaker_following(lines, 0)
            while position > 0 && Int(position) < buffer.count {
                if Self.allows(Int(position), in: buffer) { result.append(Int(position)) }
                position = reader_breaker_next(lines)
            }
            // Leave the iterator on nothing that may be freed.
            _ = reader_breaker_set_text(lines, nil, 0)
            let quotes = Self.quoteBreaks(in: buffer).filter { Self.allows($0, in: buffer) }
            if !quotes.isEmpty { result = Array(Set(result).union(quotes)).sorted() }
        }
        return result
    }

    /// Breaks UAX #14 (Unicode 15.1, LB19a) allows and ICU 72 does not: between East Asian
    /// characters an ambiguous quotation mark is opening or closing punctuation, so a line may
    /// break before `“ ‘` and after `” ’` there (`句号|“。”|的`).
    static func quoteBreaks(in text: UnsafeBufferPointer<UInt16>) -> [Int] {
        var breaks: [Int] = []
        for i in 1..<max(1, text.count - 1) {
            let unit = text[i]
            guard unit == 0x201C || unit == 0x2018 || unit == 0x201D || unit == 0x2019 else { continue }
            guard isEastAsian(scalar(before: i, in: text)), isEastAsian(scalar(at: i + 1, in: text)) else { continue }
            breaks.append(unit == 0x201C || unit == 0x2018 ? i : i + 1)
        }
        return breaks
    }

    /// Wide, fullwidth or halfwidth by East_Asian_Width (UAX #14's `$EastAsian`): two columns
    /// wide in the width table, or a halfwidth form.
    static func isEastAsian(_ scalar: Unicode.Scalar) -> Bool {
        DisplayWidth.of(scalar) == 2 || (0xFF61...0xFFDC).contains(scalar.value)
    }

    /// The grapheme-cluster boundaries of `text` inside `range`, in order, excluding `range.lowerBound`.
    public func graphemeBoundaries(in text: [UInt16], range: Range<Int>) -> [Int] {
        var result: [Int] = []
        text.withUnsafeBufferPointer { buffer in
            guard reader_breaker_set_text(characters, buffer.baseAddress, Int32(buffer.count)) == 0 else { return }
            var position = Int(reader_breaker_following(characters, Int32(range.lowerBound)))
            while position > 0 && position <= range.upperBound {
                result.append(position)
                position = Int(reader_breaker_next(characters))
            }
            _ = reader_breaker_set_text(characters, nil, 0)
        }
        if result.last != range.upperBound { result.append(range.upperBound) }
        return result
    }

    // MARK: - Tailoring

    /// Whether the break ICU offers before `position` survives the tailoring.
    static func allows(_ position: Int, in text: UnsafeBufferPointer<UInt16>) -> Bool {
        let next = Kinsoku.flags(scalar(at: position, in: text))
        let previous = Kinsoku.flags(scalar(before: position, in: text))
        if next.contains(.noStart) { return false }
        if next.contains(.noBreakBeforeUnlessSpace) && !previous.contains(.space) { return false }
        var last = previous
        var before = position - 1
        while last.contains(.space) && before > 0 {
            last = Kinsoku.flags(scalar(before: before, in: text))
            before -= 1
        }
        if last.contains(.noEnd) { return false }
        // Korean keep-all: a Hangul word breaks only at spaces.
        if !previous.contains(.space) && !next.contains(.space) && (previous.contains(.hangul) || next.contains(.hangul)) {
            let other = previous.contains(.hangul) ? next : previous
            if other.contains(.hangul) || !other.contains(.ideographOrKana) { return false }
        }
        return true
    }

    static func scalar(at i: Int, in text: UnsafeBufferPointer<UInt16>) -> Unicode.Scalar {
        let unit = text[i]
        if UTF16.isLeadSurrogate(unit), i + 1 < text.count {
            return Unicode.Scalar(UTF16.decode(UTF16.EncodedScalar([unit, text[i + 1]])).value) ?? "\u{FFFD}"
        }
        return Unicode.Scalar(unit) ?? "\u{FFFD}"
    }

    static func scalar(before i: Int, in text: UnsafeBufferPointer<UInt16>) -> Unicode.Scalar {
        let unit = text[i - 1]
        if UTF16.isTrailSurrogate(unit), i >= 2 { return scalar(at: i - 2, in: text) }
        return Unicode.Scalar(unit) ?? "\u{FFFD}"
    }
}
