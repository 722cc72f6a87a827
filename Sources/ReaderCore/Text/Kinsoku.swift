/// The line-start and line-end prohibitions of JLReq §3.1.7–3.1.8 and CLREQ, and the classes
/// the line breaker's tailoring asks about, as one flag table over the BMP.
enum Kinsoku {
    /// Must not start a line: closing brackets and quotes, hyphens, stops and commas,
    /// iteration marks, the prolonged sound mark, small kana, and units after numbers.
    static let noStart: Set<Unicode.Scalar> = scalars(
        "’”)）〕]］}｝〉》」』】⦆｠〙〗〛»〟〞" + "‐〜゠–" + "!！?？‼⁇⁈⁉・:：;；。.．、,，"
        + "ヽヾゝゞ々〻" + "ー" + "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
        + "ㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ" + "…‥" + "%％‰℃°")

    /// Must not end a line: opening brackets and quotes, and `#` (a hashtag stays whole).
    static let noEnd: Set<Unicode.Scalar> = scalars("‘“(（〔[［{｛〈《「『【⦅｟〘〖〚«〝#")

    /// No break before these unless a space precedes them (CLREQ; plain UAX #14 allows one).
    static let noBreakBeforeUnlessSpace: Set<Unicode.Scalar> = scalars("·～—⸺")

    /// Flags of a BMP code point, for the line breaker's hot loop.
    struct Flags: OptionSet {
        let rawValue: UInt8
        static let noStart = Flags(rawValue: 1)
        static let noEnd = Flags(rawValue: 2)
        static let noBreakBeforeUnlessSpace = Flags(rawValue: 4)
        static let hangul = Flags(rawValue: 8)
        static let ideographOrKana = Flags(rawValue: 16)
        static let space = Flags(rawValue: 32)
    }

    static let table: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 0x10000)
        func set(_ scalars: Set<Unicode.Scalar>, _ flag: Flags) {
            for s in scalars where s.value < 0x10000 { table[Int(s.value)] |= flag.rawValue }
        }
        func set(_ range: ClosedRange<Int>, _ flag: Flags) { for v in range { table[v] |= flag.rawValue } }
        set(noStart, .noStart)
        set(noEnd, .noEnd)
        set(noBreakBeforeUnlessSpace, .noBreakBeforeUnlessSpace)
        for range in [0xAC00...0xD7A3, 0x1100...0x11FF, 0x3130...0x318F, 0xA960...0xA97F, 0xD7B0...0xD7FF] { set(range, .hangul) }
        for range in [0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x31F0...0x31FF] { set(range, .ideographOrKana) }
        set(0x20...0x20, .space)
        set(0x3000...0x3000, .space)
        return table
    }()

    /// The flags of `scalar`; above the BMP, CJK extension ideographs are ideographs.
    @inline(__always)
    static func flags(_ scalar: Unicode.Scalar) -> Flags {
        let v = scalar.value
        if v < 0x10000 { return Flags(rawValue: table[Int(v)]) }
        return (0x20000...0x3FFFF).contains(v) ? .ideographOrKana : []
    }

    private static func scalars(_ text: String) -> Set<Unicode.Scalar> { Set(text.unicodeScalars) }
}
