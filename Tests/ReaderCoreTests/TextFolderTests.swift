import Foundation
import Testing
@testable import ReaderCore

@Suite struct TextFolderTests {
    /// The folded bytes of `text`. (Compared as bytes: Swift's `String ==` would call a
    /// decomposed and a precomposed string equal.)
    func folded(_ text: String) -> [UInt8] { TextFolder.fold(text) }

    /// The UTF-8 bytes of `text`, as written.
    func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

    // MARK: - What folds alike

    @Test func fullwidthAndUppercaseLatinFoldLikeLowercaseASCII() {
        #expect(folded("openai") == utf8("openai"))
        #expect(folded("ｏｐｅｎａｉ") == utf8("openai"))
        #expect(folded("OPENAI") == utf8("openai"))
        #expect(folded("ＯｐｅｎＡＩ") == utf8("openai"))
        #expect(TextFolder.fold("ＡＢＣ") == TextFolder.fold("abc"))
        #expect(folded("ＡＢＣ") == utf8("abc"))
    }

    @Test func fullwidthDigitsAndPunctuationFoldToASCII() {
        #expect(folded("２０２４年") == utf8("2024年"))
        #expect(folded("Ｃ＃") == utf8("c#"))
    }

    @Test func halfwidthKatakanaFoldsLikeFullwidthKatakana() {
        #expect(folded("ｶﾀｶﾅ") == utf8("かたかな"))
        #expect(TextFolder.fold("ｶﾀｶﾅ") == TextFolder.fold("カタカナ"))
        // A halfwidth voiced mark joins the kana before it.
        #expect(folded("ｶﾞｲﾄﾞ") == utf8("がいど"))
    }

    @Test func compatibilityCharactersFoldToTheirPlainForm() {
        #expect(folded("①") == utf8("1"))
        #expect(TextFolder.fold("①") == TextFolder.fold("1"))
        #expect(folded("ﬁ") == utf8("fi"))
        #expect(folded("ﬁle") == folded("file"))
        #expect(folded("㎏") == utf8("kg"))
    }

    @Test func caseFoldingGoesBeyondASCII() {
        #expect(folded("CAFÉ") == utf8("cafe"))
        #expect(folded("ΑΘΗΝΑ") == folded("αθηνα"))
        #expect(folded("МОСКВА") == utf8("москва"))
        #expect(folded("STRASSE") == folded("straße"))
    }

    @Test(arguments: ["汉字と仮名", "中文搜索测试", "ひらがなー", "한국어 검색", "「引用」、。", "㐀䶿"])
    func simplifiedHanHiraganaAndHangulFoldToThemselves(_ text: String) {
        #expect(TextFolder.fold(text) == Array(text.utf8))
    }

    @Test func accentsKanaAndChineseVariantsFoldAlike() {
        #expect(folded("café crème") == folded("cafe creme"))
        #expect(folded("Ångström naïve") == folded("angstrom naive"))
        #expect(folded("カタカナのコーヒー") == folded("かたかなのこーひー"))
        #expect(folded("圖書館") == folded("图书馆"))
        #expect(folded("臺灣的機場") == folded("台湾的机场"))
        // Folding keeps each CJK character's length, so the snippets' byte offsets still hold.
        #expect(folded("圖書館").count == "圖書館".utf8.count)
    }

    @Test func fullwidthSpaceAndFullwidthLettersAroundCJKFoldInPlace() {
        #expect(folded("中文　ＡＢＣ　한글") == utf8("中文 abc 한글"))
    }

    /// NFKC composes a base letter with the combining marks after it, whatever the base.
    @Test func combiningMarksFoldLikeThePrecomposedCharacter() {
        #expect(folded("Cafe\u{301}") == folded("Café"))
        #expect(folded("か\u{3099}") == folded("が"))
        #expect(folded("\u{1100}\u{1161}") == folded("가"))
        #expect(folded("가\u{11A8}") == folded("각"))
    }

    @Test(arguments: ["ｏｐｅｎａｉ ＡＢＣ", "ｶﾀｶﾅ①ﬁ", "Straße МОСКВА", "中文English混排ＡＢＣ", "𝐀𝐁𝐂 😀"])
    func foldingIsIdempotent(_ text: String) {
        #expect(TextFolder.fold(String(decoding: folded(text), as: UTF8.self)) == TextFolder.fold(text))
    }

    @Test func emptyTextFoldsToNothing() {
        #expect(TextFolder.fold("").isEmpty)
        let (bytes, origins) = TextFolder.foldWithOrigins("")
        #expect(bytes.isEmpty && origins.isEmpty)
    }

    // MARK: - Origins

    @Test(arguments: ["ｏｐｅｎａｉ ＡＢＣ", "ｶﾀｶﾅ①ﬁ", "Straße МОСКВА", "中文English混排ＡＢＣ", "𝐀𝐁𝐂 😀", "한국어\u{1100}\u{1161}"])
    func foldWithOriginsGivesTheSameBytesAsFoldAndAnOriginPerByte(_ text: String) {
        let (bytes, origins) = TextFolder.foldWithOrigins(text)
        #expect(bytes == TextFolder.fold(text))
        #expect(origins.count == bytes.count)
        #expect(zip(origins, origins.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(origins.allSatisfy { $0 >= 0 && Int($0) < text.utf16.count })
    }

    /// Each non-ASCII character here stands between characters of the fast path, and
    /// `𝐀` takes two UTF-16 units.
    @Test func originsAreTheUTF16OffsetOfTheCharacterEachByteCameFrom() {
        let text = "Aｂ漢①か𝐀xﬁ한"
        // A ｂ 漢 ① か 𝐀 x ﬁ 한 at UTF-16 offsets 0 1 2 3 4 5 7 8 9.
        let (bytes, origins) = TextFolder.foldWithOrigins(text)
        #expect(bytes == utf8("ab汉1かaxfi한"))  // 漢 as Simplified 汉
        #expect(origins == [0, 1, 2, 2, 2, 3, 4, 4, 4, 5, 7, 8, 8, 9, 9, 9])
    }

    /// Neighbouring characters that fold on their own keep their own origins, so a match
    /// inside a fullwidth word or a Cyrillic word can be highlighted exactly.
    @Test func neighbouringCharactersThatFoldOnTheirOwnKeepTheirOwnOrigins() {
        let fullwidth = TextFolder.foldWithOrigins("ＡＢｃ")
        #expect(fullwidth.bytes == Array("abc".utf8))
        #expect(fullwidth.origins == [0, 1, 2])

        let halfwidth = TextFolder.foldWithOrigins("xｶﾀ")
        #expect(halfwidth.bytes == utf8("xかた"))  // katakana as hiragana
        #expect(halfwidth.origins == [0, 1, 1, 1, 2, 2, 2])

        let cyrillic = TextFolder.foldWithOrigins("Мир")
        #expect(cyrillic.bytes == utf8("мир"))
        #expect(cyrillic.origins == [0, 0, 1, 1, 2, 2])
    }

    /// Characters NFKC joins into one map to the first of them.
    @Test func charactersComposedIntoOneMapToTheFirstOfThem() {
        let (bytes, origins) = TextFolder.foldWithOrigins("ｶﾞx")
        #expect(bytes == utf8("がx"))
        #expect(origins == [0, 0, 0, 2])
    }
}
