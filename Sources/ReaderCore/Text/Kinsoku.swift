/// The line-start and line-end prohibitions of JLReq §3.1.7–3.1.8 and CLREQ.
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

    private static func scalars(_ text: String) -> Set<Unicode.Scalar> { Set(text.unicodeScalars) }
}
