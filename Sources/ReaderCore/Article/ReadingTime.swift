/// How long a text takes to read, from reading speeds per script: characters per minute for
/// Chinese (255) and Japanese (357), Mozilla's reader view figures; 500 Hangul syllables a
/// minute for Korean; 230 words a minute for everything else. A text with kana is read at the
/// Japanese speed, its kanji too.
public enum ReadingTime {
    static let chinesePerMinute = 255.0
    static let japanesePerMinute = 357.0
    static let koreanPerMinute = 500.0
    static let wordsPerMinute = 230.0

    /// Whole minutes (at least 1) to read `texts`, `scale` times over (an estimate from part of a
    /// file); nil when they hold nothing to read.
    public static func minutes(_ texts: [String], scale: Double = 1) -> Int? {
        var han = 0, kana = 0, hangul = 0, words = 0
        for var text in texts {
            text.withUTF8 { bytes in
                var inWord = false, index = 0
                while index < bytes.count {
                    let v = bytes.scalarValue(at: &index)
                    var isWord = false
                    switch v {
                    case 0x3041...0x30FF: kana += 1
                    case 0x3400...0x9FFF, 0xF900...0xFAFF: han += 1
                    case 0xAC00...0xD7A3: hangul += 1
                    default: isWord = ArticleRegion.isWordScalar(Unicode.Scalar(v).unsafelyUnwrapped)
                    }
                    if isWord && !inWord { words += 1 }
                    inWord = isWord
                }
            }
        }
        return minutes(han: han, kana: kana, hangul: hangul, words: words, scale: scale)
    }

    /// Whole minutes (at least 1) to read so many characters and words; nil for none.
    static func minutes(han: Int, kana: Int, hangul: Int, words: Int, scale: Double = 1) -> Int? {
        if han + kana + hangul + words == 0 { return nil }
        let cjk = kana > 0 ? Double(han + kana) / japanesePerMinute : Double(han) / chinesePerMinute
        let total = (cjk + Double(hangul) / koreanPerMinute + Double(words) / wordsPerMinute) * scale
        return max(1, Int(total.rounded()))
    }
}
