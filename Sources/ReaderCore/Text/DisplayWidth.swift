/// Terminal display width, as ncursesw measures it: glibc `wcwidth` summed per code point.
///
/// The table comes from glibc itself (`scripts/gen-width-table.py`); `DisplayWidthTests`
/// proves it agrees for every code point the sanitizer lets through.
public enum DisplayWidth {
    /// Width per BMP code point, -1 for code points `wcwidth` rejects.
    private static let bmp: [Int8] = {
        var table = [Int8](repeating: 1, count: 0x10000)
        for run in nonUnitRuns where run.first < 0x10000 {
            for cp in run.first...min(run.last, 0xFFFF) { table[Int(cp)] = run.width }
        }
        return table
    }()

    /// Runs above the BMP, for a binary search.
    private static let astral = nonUnitRuns.filter { $0.last >= 0x10000 }

    /// The `wcwidth` of one code point: -1 (control or unknown), 0, 1 or 2.
    @inline(__always)
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x10000 { return Int(bmp[Int(v)]) }
        var lo = 0, hi = astral.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let run = astral[mid]
            if v < run.first { hi = mid - 1 } else if v > run.last { lo = mid + 1 } else { return Int(run.width) }
        }
        return 1
    }

    /// The columns a sanitized string takes: the sum of its code points' widths (negatives count 0).
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        var total = 0
        for scalar in text.unicodeScalars { total += max(of(scalar), 0) }
        return total
    }

    /// The longest prefix of `text` that fits in `columns`, cut between grapheme clusters, plus its width.
    public static func prefix(_ text: String, fitting columns: Int) -> (text: Substring, width: Int) {
        var width = 0
        var end = text.startIndex
        for character in text {
            let w = of(String(character))
            if width + w > columns { break }
            width += w
            end = text.index(after: end)
        }
        return (text[..<end], width)
    }

    /// `text` cut to `columns` with a trailing `…` when it does not fit; never splits a wide character.
    public static func truncate(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if of(text) <= columns { return text }
        // No space is left hanging before the ellipsis.
        var kept = String(prefix(text, fitting: columns - 1).text)
        while kept.last == " " { kept.removeLast() }
        return kept + "…"
    }
}
