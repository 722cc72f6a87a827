import Testing
@testable import ReaderCore

@Suite struct HTMLCharsetTests {
    /// A sentence in simplified Chinese with two characters GBK has and GB2312 lacks (镕 U+9555, 啰 U+5570).
    static let chinese = "朱镕基说话从来不啰嗦。我们今天去公园散步，天气很好，"
        + "孩子们在草地上玩耍，老人们在树下下棋聊天。"

    /// `chinese` in GBK (python3: `chinese.encode("gbk")`).
    static let chineseGBK: [UInt8] = [
        0xD6, 0xEC, 0xE9, 0x46, 0xBB, 0xF9, 0xCB, 0xB5, 0xBB, 0xB0, 0xB4, 0xD3, 0xC0, 0xB4, 0xB2, 0xBB, 0x86, 0xAA,
        0xE0, 0xC2, 0xA1, 0xA3, 0xCE, 0xD2, 0xC3, 0xC7, 0xBD, 0xF1, 0xCC, 0xEC, 0xC8, 0xA5, 0xB9, 0xAB, 0xD4, 0xB0,
        0xC9, 0xA2, 0xB2, 0xBD, 0xA3, 0xAC, 0xCC, 0xEC, 0xC6, 0xF8, 0xBA, 0xDC, 0xBA, 0xC3, 0xA3, 0xAC, 0xBA, 0xA2,
        0xD7, 0xD3, 0xC3, 0xC7, 0xD4, 0xDA, 0xB2, 0xDD, 0xB5, 0xD8, 0xC9, 0xCF, 0xCD, 0xE6, 0xCB, 0xA3, 0xA3, 0xAC,
        0xC0, 0xCF, 0xC8, 0xCB, 0xC3, 0xC7, 0xD4, 0xDA, 0xCA, 0xF7, 0xCF, 0xC2, 0xCF, 0xC2, 0xC6, 0xE5, 0xC1, 0xC4,
        0xCC, 0xEC, 0xA1, 0xA3,
    ]

    /// A sentence in Japanese.
    static let japanese = "今日は公園へ散歩に行きました。天気がとても良くて、子供たちは芝生の上で遊んでいました。"

    /// `japanese` in Shift_JIS (python3: `japanese.encode("cp932")`).
    static let japaneseShiftJIS: [UInt8] = [
        0x8D, 0xA1, 0x93, 0xFA, 0x82, 0xCD, 0x8C, 0xF6, 0x89, 0x80, 0x82, 0xD6, 0x8E, 0x55, 0x95, 0xE0, 0x82, 0xC9,
        0x8D, 0x73, 0x82, 0xAB, 0x82, 0xDC, 0x82, 0xB5, 0x82, 0xBD, 0x81, 0x42, 0x93, 0x56, 0x8B, 0x43, 0x82, 0xAA,
        0x82, 0xC6, 0x82, 0xC4, 0x82, 0xE0, 0x97, 0xC7, 0x82, 0xAD, 0x82, 0xC4, 0x81, 0x41, 0x8E, 0x71, 0x8B, 0x9F,
        0x82, 0xBD, 0x82, 0xBF, 0x82, 0xCD, 0x8E, 0xC5, 0x90, 0xB6, 0x82, 0xCC, 0x8F, 0xE3, 0x82, 0xC5, 0x97, 0x56,
        0x82, 0xF1, 0x82, 0xC5, 0x82, 0xA2, 0x82, 0xDC, 0x82, 0xB5, 0x82, 0xBD, 0x81, 0x42,
    ]

    /// A page with `head` in its <head> and `body` (already encoded) twice in its <body>.
    static func page(head: String, body: [UInt8]) -> [UInt8] {
        Array("<!DOCTYPE html>\n<html><head>\(head)<title>t</title></head>\n<body><p>".utf8) + body
            + Array("</p>\n<p class=\"second\">".utf8) + body + Array("</p></body></html>\n".utf8)
    }

    /// The text `page(head:body:)` decodes to, given the body's text.
    static func pageText(head: String, body: String) -> String {
        "<!DOCTYPE html>\n<html><head>\(head)<title>t</title></head>\n<body><p>\(body)</p>\n<p class=\"second\">"
            + "\(body)</p></body></html>\n"
    }

    static func prescan(_ markup: String) -> String? { HTMLCharset.prescan(Array(markup.utf8)) }

    // MARK: Byte order marks

    @Test func utf8BOMBeatsMetaCharset() {
        let head = "<meta charset=\"gbk\">"
        let bytes = [0xEF, 0xBB, 0xBF] + Self.page(head: head, body: Array(Self.chinese.utf8))
        let result = HTMLCharset.decode(bytes, declared: "shift_jis")
        #expect(result == TextDecoder.Result(text: Self.pageText(head: head, body: Self.chinese), encoding: "UTF-8"))
    }

    @Test func utf16BOMBeatsMetaCharset() {
        let text = "<meta charset=\"windows-1252\"><p>中文</p>"
        let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(HTMLCharset.decode(bytes) == TextDecoder.Result(text: text, encoding: "UTF-16LE"))
    }

    // MARK: Prescan

    @Test(arguments: ["<meta charset=gbk>", "<meta charset=\"gbk\">", "<meta charset='gbk'>", "<META CHARSET = GBK >",
                      "<meta\ncharset=gbk />", "<meta/charset=\"gbk\">"])
    func prescanFindsMetaCharsetQuotedOrNot(_ markup: String) {
        #expect(Self.prescan("<html><head>" + markup + "<title>x</title>") == "gbk")
    }

    @Test func prescanFindsCharsetInHttpEquivContent() {
        #expect(Self.prescan("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GB2312\">") == "gb2312")
        #expect(Self.prescan("<meta content='text/html;charset=\"big5\"' http-equiv=content-type>") == "big5")
        #expect(Self.prescan("<meta http-equiv=content-type content=\"text/html; charset = shift_jis ; x\">")
            == "shift_jis")
    }

    @Test func prescanIgnoresContentCharsetWithoutHttpEquivContentType() {
        #expect(Self.prescan("<meta content=\"text/html; charset=gbk\">") == nil)
        #expect(Self.prescan("<meta http-equiv=\"refresh\" content=\"5; charset=gbk\">") == nil)
    }

    @Test func prescanLetsCharsetAttributeOverruleContent() {
        let markup = "<meta http-equiv=\"content-type\" content=\"text/html; charset=big5\" charset=\"gbk\">"
        #expect(Self.prescan(markup) == "gbk")
    }

    @Test func prescanIgnoresMetaInsideComment() {
        #expect(Self.prescan("<!-- <meta charset=\"big5\"> --><meta charset=\"gbk\">") == "gbk")
        #expect(Self.prescan("<!--><meta charset=\"gbk\">") == "gbk")
        #expect(Self.prescan("<!-- <meta charset=\"big5\"> -- still a comment -> --><meta charset=euc-kr>") == "euc-kr")
    }

    @Test func prescanIgnoresMetaInsideAnotherTagsAttribute() {
        #expect(Self.prescan("<div title=\"<meta charset=big5>\"><meta charset=gbk>") == "gbk")
    }

    @Test func prescanSkipsDoctypeEndTagsAndProcessingInstructions() {
        let markup = "<!DOCTYPE html><?php echo 1 ?></x-y><html lang=zh><head><meta charset=\"euc-jp\">"
        #expect(Self.prescan(markup) == "euc-jp")
    }

    @Test func prescanSkipsMetaWithUnknownLabelAndKeepsLooking() {
        #expect(Self.prescan("<meta charset=\"foo-bar\"><meta charset=\"gbk\">") == "gbk")
        #expect(Self.prescan("<meta charset=\"foo-bar\">") == nil)
    }

    @Test func prescanTurnsUTF16MetaIntoUTF8() {
        #expect(Self.prescan("<meta charset=\"utf-16le\">") == "utf-8")
        #expect(Self.prescan("<meta http-equiv=content-type content=\"text/html; charset=unicode\">") == "utf-8")
    }

    @Test func prescanIgnoresMetaBeyond1024Bytes() {
        let filler = "<p>" + String(repeating: "x", count: 1100) + "</p>"
        #expect(Self.prescan(filler + "<meta charset=\"gbk\">") == nil)
        let straddling = String(repeating: " ", count: 1024 - 15) + "<meta charset=\"gbk\">"
        #expect(Self.prescan(straddling) == nil)
        let justInside = String(repeating: " ", count: 1024 - 20) + "<meta charset=\"gbk\">"
        #expect(Self.prescan(justInside) == "gbk")
    }

    @Test func prescanFallsBackToXMLDeclaration() {
        #expect(Self.prescan("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n<html><head><title>t</title>")
            == "shift_jis")
        #expect(Self.prescan("<?xml version='1.0' encoding='euc-kr'?><meta charset=gbk>") == "gbk")
    }

    @Test func prescanFindsUTF16XMLDeclarationWithoutBOM() {
        let text = "<?xml version=\"1.0\"?><p>中文</p>"
        let little = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(HTMLCharset.prescan(little) == "utf-16le")
        #expect(HTMLCharset.prescan(big) == "utf-16be")
        #expect(HTMLCharset.decode(little) == TextDecoder.Result(text: text, encoding: "UTF-16LE"))
    }

    @Test func prescanFindsNothingWithoutMeta() {
        #expect(Self.prescan("") == nil)
        #expect(Self.prescan("<html><head><title>No charset</title></head><body>text</body></html>") == nil)
        #expect(Self.prescan("<meta charset=\"gbk\"") == nil)
    }

    // MARK: Labels

    /// (WHATWG label, the ICU converter that decodes it)
    static let whatwgLabels: [(String, String)] = [
        ("utf-8", "UTF-8"), ("utf8", "UTF-8"), ("unicode-1-1-utf-8", "UTF-8"),
        ("gb2312", "GB18030"), ("gbk", "GB18030"), ("gb18030", "GB18030"), ("chinese", "GB18030"),
        ("csgb2312", "GB18030"), ("x-gbk", "GB18030"), ("iso-ir-58", "GB18030"), ("gb_2312", "GB18030"),
        ("gb_2312-80", "GB18030"),
        ("shift_jis", "windows-31j"), ("sjis", "windows-31j"), ("ms_kanji", "windows-31j"),
        ("csshiftjis", "windows-31j"), ("windows-31j", "windows-31j"), ("x-sjis", "windows-31j"),
        ("euc-kr", "windows-949"), ("ks_c_5601-1987", "windows-949"), ("windows-949", "windows-949"),
        ("cseuckr", "windows-949"), ("korean", "windows-949"), ("ksc5601", "windows-949"),
        ("big5", "Big5-HKSCS"), ("big5-hkscs", "Big5-HKSCS"), ("cn-big5", "Big5-HKSCS"), ("csbig5", "Big5-HKSCS"),
        ("x-x-big5", "Big5-HKSCS"),
        ("euc-jp", "EUC-JP"), ("x-euc-jp", "EUC-JP"), ("cseucpkdfmtjapanese", "EUC-JP"),
        ("iso-2022-jp", "ISO-2022-JP"),
        ("iso-8859-1", "windows-1252"), ("latin1", "windows-1252"), ("ascii", "windows-1252"),
        ("us-ascii", "windows-1252"), ("windows-1252", "windows-1252"), ("cp1252", "windows-1252"),
        ("l1", "windows-1252"), ("iso_8859-1", "windows-1252"), ("x-user-defined", "windows-1252"),
        ("windows-1251", "windows-1251"), ("cp1251", "windows-1251"), ("koi8-r", "KOI8-R"), ("koi8-u", "KOI8-U"),
        ("iso-8859-2", "ISO-8859-2"), ("latin2", "ISO-8859-2"), ("iso-8859-5", "ISO-8859-5"),
        ("iso-8859-7", "ISO-8859-7"), ("iso-8859-9", "windows-1254"), ("iso-8859-11", "windows-874"),
        ("iso-8859-15", "ISO-8859-15"), ("windows-1250", "windows-1250"), ("windows-1253", "windows-1253"),
        ("windows-1255", "windows-1255"), ("windows-1256", "windows-1256"), ("windows-1257", "windows-1257"),
        ("windows-1258", "windows-1258"), ("ibm866", "IBM866"), ("mac", "macintosh"),
        ("x-mac-cyrillic", "x-mac-cyrillic"), ("utf-16", "UTF-16LE"), ("utf-16be", "UTF-16BE"),
    ]

    @Test(arguments: whatwgLabels)
    func converterNameFollowsWHATWGLabels(_ label: String, _ converter: String) {
        #expect(HTMLCharset.converterName(forLabel: label) == converter)
    }

    @Test func converterNameIgnoresASCIICaseAndSurroundingWhitespace() {
        #expect(HTMLCharset.converterName(forLabel: " \tGB2312\n") == "GB18030")
        #expect(HTMLCharset.converterName(forLabel: "Shift_JIS") == "windows-31j")
        #expect(HTMLCharset.converterName(forLabel: "\u{212A}oi8-r") == nil)
        #expect(HTMLCharset.converterName(forLabel: "foo-bar") == nil)
        #expect(HTMLCharset.converterName(forLabel: "") == nil)
    }

    /// (ICU converter, bytes in its encoding, their text); built with python3's codecs.
    static let converterSamples: [(String, [UInt8], String)] = [
        ("UTF-8", [0xC3, 0xA9], "é"), ("IBM866", [0x86], "Ж"), ("ISO-8859-2", [0xA1], "Ą"), ("ISO-8859-3", [0xA1], "Ħ"),
        ("ISO-8859-4", [0xA2], "ĸ"), ("ISO-8859-5", [0xB6], "Ж"), ("ISO-8859-6", [0xC7], "ا"),
        ("ISO-8859-7", [0xD9], "Ω"), ("ISO-8859-8", [0xE0], "א"), ("ISO-8859-8-I", [0xF9], "ש"),
        ("ISO-8859-10", [0xBF], "ŋ"), ("ISO-8859-13", [0xF8], "ų"), ("ISO-8859-14", [0xA1], "Ḃ"),
        ("ISO-8859-15", [0xA4], "€"), ("KOI8-R", [0xF6], "Ж"), ("KOI8-U", [0xA4], "є"), ("macintosh", [0x80], "Ä"),
        ("windows-874", [0xA1], "ก"), ("windows-1250", [0xF5], "ő"), ("windows-1251", [0xC6], "Ж"),
        ("windows-1252", [0x80], "€"), ("windows-1253", [0xD9], "Ω"), ("windows-1254", [0xD0], "Ğ"),
        ("windows-1255", [0xE0], "א"), ("windows-1256", [0xC7], "ا"), ("windows-1257", [0xF8], "ų"),
        ("windows-1258", [0xC3], "Ă"), ("x-mac-cyrillic", [0x86], "Ж"),
        ("GB18030", [0xD6, 0xD0, 0xCE, 0xC4, 0xE9, 0x46, 0x95, 0x32, 0x82, 0x36], "中文镕𠀀"),
        ("Big5-HKSCS", [0xA4, 0xA4, 0xA4, 0xE5, 0x9D, 0xF8], "中文啲"),
        ("EUC-JP", [0xC6, 0xFC, 0xCB, 0xDC], "日本"),
        ("ISO-2022-JP", [0x1B, 0x24, 0x42, 0x46, 0x7C, 0x4B, 0x5C, 0x1B, 0x28, 0x42], "日本"),
        ("windows-31j", [0x93, 0xFA, 0x96, 0x7B, 0x87, 0x40, 0xEE, 0xE0], "日本①髙"),
        ("windows-949", [0xC7, 0xD1, 0xB1, 0xB9, 0x8C, 0x63], "한국똠"),
        ("UTF-16LE", [0x2D, 0x4E], "中"), ("UTF-16BE", [0x4E, 0x2D], "中"),
    ]

    @Test(arguments: converterSamples)
    func everyConverterOpensInICUAndDecodesItsSample(_ converter: String, _ bytes: [UInt8], _ text: String) {
        #expect(HTMLCharset.convert(bytes, from: converter) == TextDecoder.Result(text: text, encoding: converter))
    }

    @Test func everyConverterHasASample() {
        let converters = Set(HTMLCharset.labelsByConverter.map(\.converter))
        #expect(converters == Set(Self.converterSamples.map(\.0)))
    }

    // MARK: Labelled pages

    @Test func gb2312LabelDecodesGBKOnlyCharactersFully() {
        let head = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
        let result = HTMLCharset.decode(Self.page(head: head, body: Self.chineseGBK))
        #expect(result == TextDecoder.Result(text: Self.pageText(head: head, body: Self.chinese), encoding: "GB18030"))
        #expect(result.text.contains("朱镕基") && result.text.contains("啰嗦"))
    }

    @Test func shiftJISLabelDecodesWithWindows31J() {
        let head = "<meta charset=\"Shift_JIS\">"
        let result = HTMLCharset.decode(Self.page(head: head, body: Self.japaneseShiftJIS))
        #expect(result == TextDecoder.Result(text: Self.pageText(head: head, body: Self.japanese),
                                             encoding: "windows-31j"))
    }

    @Test func declaredCharsetBeatsMeta() {
        let head = "<meta charset=\"gbk\">"
        let result = HTMLCharset.decode(Self.page(head: head, body: Self.japaneseShiftJIS), declared: "Shift_JIS")
        #expect(result == TextDecoder.Result(text: Self.pageText(head: head, body: Self.japanese),
                                             encoding: "windows-31j"))
    }

    @Test func unknownDeclaredCharsetGivesWayToMeta() {
        let head = "<meta charset=\"shift_jis\">"
        let result = HTMLCharset.decode(Self.page(head: head, body: Self.japaneseShiftJIS), declared: "x-unknown")
        #expect(result.encoding == "windows-31j")
        #expect(result.text == Self.pageText(head: head, body: Self.japanese))
    }

    @Test func latin1LabelOnLatin1BytesIsKept() {
        let head = "<meta charset=\"iso-8859-1\">"
        let body: [UInt8] = [0x43, 0x61, 0x66, 0xE9, 0x20, 0x63, 0x72, 0xE8, 0x6D, 0x65, 0x20, 0x80, 0x35]
        let result = HTMLCharset.decode(Self.page(head: head, body: body))
        #expect(result == TextDecoder.Result(text: Self.pageText(head: head, body: "Café crème €5"),
                                             encoding: "windows-1252"))
    }

    @Test func cyrillicLabelIsTrusted() {
        let head = "<meta charset=\"windows-1251\">"
        let body: [UInt8] = [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2, 0x2C, 0x20, 0xEC, 0xE8, 0xF0, 0x21]
        let result = HTMLCharset.decode(Self.page(head: head, body: body))
        #expect(result == TextDecoder.Result(text: Self.pageText(head: head, body: "Привет, мир!"),
                                             encoding: "windows-1251"))
    }

    // MARK: Wrong or missing labels

    @Test func unlabelledGBKIsDetected() {
        let result = HTMLCharset.decode(Self.page(head: "", body: Self.chineseGBK))
        #expect(result == TextDecoder.Result(text: Self.pageText(head: "", body: Self.chinese), encoding: "GB18030"))
    }

    @Test func unlabelledShiftJISIsDetected() {
        let result = HTMLCharset.decode(Self.page(head: "", body: Self.japaneseShiftJIS))
        #expect(result == TextDecoder.Result(text: Self.pageText(head: "", body: Self.japanese),
                                             encoding: "windows-31j"))
    }

    @Test func gbkLabelledISO88591IsDetectedAsGB18030() {
        let head = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
        let result = HTMLCharset.decode(Self.page(head: head, body: Self.chineseGBK))
        #expect(result == TextDecoder.Result(text: Self.pageText(head: head, body: Self.chinese), encoding: "GB18030"))
    }

    @Test func gbkDeclaredWindows1252IsDetectedAsGB18030() {
        let result = HTMLCharset.decode(Self.page(head: "", body: Self.chineseGBK), declared: "windows-1252")
        #expect(result == TextDecoder.Result(text: Self.pageText(head: "", body: Self.chinese), encoding: "GB18030"))
    }

    @Test func gbkLabelledUTF8IsDetected() {
        let head = "<meta charset=\"utf-8\">"
        let result = HTMLCharset.decode(Self.page(head: head, body: Self.chineseGBK))
        #expect(result == TextDecoder.Result(text: Self.pageText(head: head, body: Self.chinese), encoding: "GB18030"))
        let declared = HTMLCharset.decode(Self.page(head: "", body: Self.chineseGBK), declared: "UTF-8")
        #expect(declared.encoding == "GB18030")
    }

    @Test func unknownLabelFallsBackToDetection() {
        let head = "<meta charset=\"foo-bar\">"
        let result = HTMLCharset.decode(Self.page(head: head, body: Self.chineseGBK), declared: "also-bogus")
        #expect(result == TextDecoder.Result(text: Self.pageText(head: head, body: Self.chinese), encoding: "GB18030"))
    }

    @Test func utf8BytesLabelledLatin1OrGBKAreUTF8() {
        for head in ["<meta charset=\"iso-8859-1\">", "<meta charset=\"gb2312\">"] {
            let result = HTMLCharset.decode(Self.page(head: head, body: Array(Self.chinese.utf8)))
            let text = Self.pageText(head: head, body: Self.chinese)
            #expect(result == TextDecoder.Result(text: text, encoding: "UTF-8"))
        }
    }

    @Test func asciiPageKeepsItsLabel() {
        let head = "<meta charset=\"gbk\">"
        let result = HTMLCharset.decode(Self.page(head: head, body: Array("plain".utf8)))
        #expect(result == TextDecoder.Result(text: Self.pageText(head: head, body: "plain"), encoding: "GB18030"))
    }

    @Test func unlabelledUTF8IsUTF8() {
        let result = HTMLCharset.decode(Self.page(head: "", body: Array(Self.japanese.utf8)))
        #expect(result == TextDecoder.Result(text: Self.pageText(head: "", body: Self.japanese), encoding: "UTF-8"))
    }

    @Test func mostlyUTF8PageLabelledUTF8StaysUTF8WithReplacementCharacter() {
        let head = "<meta charset=\"utf-8\">"
        let body = Array(Self.chinese.utf8) + [0xFF] + Array(Self.chinese.utf8)
        let result = HTMLCharset.decode(Self.page(head: head, body: body))
        let text = Self.pageText(head: head, body: Self.chinese + "\u{FFFD}" + Self.chinese)
        #expect(result == TextDecoder.Result(text: text, encoding: "UTF-8"))
    }

    // MARK: Invalid bytes

    @Test func invalidGB18030BytesBecomeReplacementCharactersAndNeighboursAreKept() {
        let head = "<meta charset=\"gbk\">"
        let body = Self.chineseGBK + [0xFF] + Self.chineseGBK + [0x81, 0x20] + Self.chineseGBK
        let result = HTMLCharset.decode(Self.page(head: head, body: body))
        let text = Self.chinese + "\u{FFFD}" + Self.chinese + "\u{FFFD} " + Self.chinese
        #expect(result == TextDecoder.Result(text: Self.pageText(head: head, body: text), encoding: "GB18030"))
    }

    @Test func invalidShiftJISBytesBecomeReplacementCharactersAndNeighboursAreKept() {
        let head = "<meta charset=\"shift_jis\">"
        let body = Self.japaneseShiftJIS + [0x80] + Self.japaneseShiftJIS + [0x81, 0x20] + Self.japaneseShiftJIS
        let result = HTMLCharset.decode(Self.page(head: head, body: body))
        let text = Self.japanese + "\u{FFFD}" + Self.japanese + "\u{FFFD} " + Self.japanese
        #expect(result == TextDecoder.Result(text: Self.pageText(head: head, body: text), encoding: "windows-31j"))
    }

    // MARK: Size

    @Test func largePageIsDecodedWholeAndOnlyItsHeadIsPrescanned() {
        let paragraph = Array("<p>".utf8) + Self.chineseGBK + Array("</p>\n".utf8)
        let count = 5_000_000 / paragraph.count
        let bytes = Array("<html><head><meta charset=gbk></head><body>\n".utf8)
            + Array([[UInt8]](repeating: paragraph, count: count).joined()) + Array("<meta charset=big5>".utf8)
        let result = HTMLCharset.decode(bytes)
        #expect(result.encoding == "GB18030")
        #expect(result.text.hasSuffix("</p>\n<meta charset=big5>"))
        #expect(result.text.unicodeScalars.filter { $0 == "镕" }.count == count)
    }
}
