import CICU

/// Traditional Chinese characters and their Simplified forms, as ICU's `Traditional-Simplified`
/// transliterator maps them, for search to fold one into the other (`圖書館` finds `图书馆`).
/// Only one-to-one mappings inside the BMP's ideograph blocks are kept, so folding never
/// changes a character's UTF-8 length.
///
/// The mappings are ICU's, written out once (`pairs`, `HanVariants+Table.swift`): asking the
/// transliterator for them took 30–40 ms of every process that folds Han text, most of a warm
/// search. The tests hold them equal to what the transliterator says (`transliterated`), and
/// write them again with `RECORD_HAN_VARIANTS=1`.
enum HanVariants {
    /// The blocks covered: CJK Unified Ideographs Extension A and the main block.
    static let range: ClosedRange<UInt32> = 0x3400...0x9FFF

    /// For each code point of `range`, its Simplified form (itself when it has none).
    static let simplified: [UInt16] = {
        var table = range.map { UInt16($0) }
        var traditional: UInt32?
        for scalar in pairs.unicodeScalars where scalar != "\n" {
            if let from = traditional {
                table[Int(from - range.lowerBound)] = UInt16(scalar.value)
                traditional = nil
            } else {
                traditional = scalar.value
            }
        }
        return table
    }()

    /// The Simplified form of `v` (a code point in `range`).
    @inline(__always)
    static func simplify(_ v: UInt32) -> UInt32 { UInt32(simplified[Int(v - range.lowerBound)]) }

    /// `simplified` as ICU's transliterator gives it now, in one call: what `pairs` is checked
    /// against and written from.
    static func transliterated() -> [UInt16] {
        var units: [UInt16] = []
        units.reserveCapacity(range.count * 2)
        for v in range { units.append(UInt16(v)); units.append(0x0A) }
        let count = units.count
        units += [UInt16](repeating: 0, count: count)
        let length = units.withUnsafeMutableBufferPointer {
            reader_transliterate("Traditional-Simplified", $0.baseAddress, Int32(count), Int32($0.count))
        }
        var table = range.map { UInt16($0) }
        guard length > 0 else { return table }
        // One line per input character: a line of one unit in the range is its form.
        var index = 0
        for line in units[..<Int(length)].split(separator: 0x0A, omittingEmptySubsequences: false) {
            guard index < table.count else { break }
            if line.count == 1, let unit = line.first, range.contains(UInt32(unit)) { table[index] = unit }
            index += 1
        }
        return table
    }
}
