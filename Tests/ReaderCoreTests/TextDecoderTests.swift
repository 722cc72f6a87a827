import Foundation
import Testing
@testable import ReaderCore

@Suite struct TextDecoderTests {
    static let folder = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/encodings")

    static func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
            bytes += bigEndian ? [high, low] : [low, high]
        }
        return bytes
    }

    // MARK: UTF-8 and UTF-16

    @Test func decodesUTF8WithoutBOM() {
        let text = "Plain text, 中文，日本語、한국어, café, 👍🏽.\nSecond line.\n"
        let result = TextDecoder.decode(Self.utf8(text))
        #expect(result.text == text)
        #expect(result.encoding == "UTF-8")
    }

    @Test func decodesUTF8AndDropsItsBOM() {
        let text = "Título — 标题\n"
        let result = TextDecoder.decode([0xEF, 0xBB, 0xBF] + Self.utf8(text))
        #expect(result.text == text)
        #expect(result.text.unicodeScalars.first != "\u{FEFF}")
        #expect(result.encoding == "UTF-8")
    }

    @Test func decodesEmptyInputAsEmptyUTF8() {
        #expect(TextDecoder.decode([]) == TextDecoder.Result(text: "", encoding: "UTF-8"))
        #expect(TextDecoder.decode([0xEF, 0xBB, 0xBF]) == TextDecoder.Result(text: "", encoding: "UTF-8"))
    }

    @Test func decodesUTF16LittleEndianWithBOM() {
        let text = "UTF-16 text: 中文 and 😀 (a surrogate pair).\r\n"
        let result = TextDecoder.decode(Self.utf16(text, bigEndian: false))
        #expect(result.text == text)
        #expect(result.encoding == "UTF-16LE")
    }

    @Test func decodesUTF16BigEndianWithBOM() {
        let text = "UTF-16 text: 한국어 and 👨‍👩‍👧.\n"
        let result = TextDecoder.decode(Self.utf16(text, bigEndian: true))
        #expect(result.text == text)
        #expect(result.encoding == "UTF-16BE")
    }

    /// Without a BOM, UTF-16 is told by its NULs: read, not refused as binary; a binary file
    /// with NULs on one side only but controls in what they decode to stays binary.
    @Test(arguments: [false, true])
    func decodesUTF16WithoutABOMByItsNULs(_ bigEndian: Bool) {
        let text = "The harbour 一 at dawn: 港口の朝 — 항구.\nA second line, café.\n"
        let bytes = Array(Self.utf16(text, bigEndian: bigEndian).dropFirst(2))
        #expect(!TextDecoder.looksBinary(bytes))
        let result = TextDecoder.decode(bytes)
        #expect(result.text == text)
        #expect(result.encoding == (bigEndian ? "UTF-16BE" : "UTF-16LE"))
        let controls: [UInt8] = (0..<64).flatMap { [UInt8($0 % 8), 0] }
        #expect(TextDecoder.looksBinary(controls))
        #expect(TextDecoder.looksBinary([0x41, 0x00, 0x00, 0x42, 0x41, 0x00, 0x00, 0x42]))
    }

    @Test func utf16WithAnOddTrailingByteEndsInReplacementCharacter() {
        let result = TextDecoder.decode(Self.utf16("ok", bigEndian: false) + [0x41])
        #expect(result.text == "ok\u{FFFD}")
    }

    @Test func utf16LoneSurrogateBecomesReplacementCharacter() {
        // "a", a lone high surrogate, "b" in UTF-16LE.
        let result = TextDecoder.decode([0xFF, 0xFE, 0x61, 0x00, 0x3D, 0xD8, 0x62, 0x00])
        #expect(result.text == "a\u{FFFD}b")
    }

    // MARK: Invalid UTF-8

    @Test func invalidUTF8BytesBecomeReplacementCharactersAndTheRestIsKept() {
        // A stray 0xFF, a lead byte without its continuation, a truncated 3-byte sequence and an
        // overlong encoding of "/", among valid two-, three- and four-byte characters.
        let part1 = "Grüße aus Köln, naïve café — “quotes” ‘too’ … "
        let part2 = " 日本語の文章と中文句子，还有한국어 문장도 있습니다 "
        let part3 = " 😀👍🏽 done"
        let bytes = Self.utf8(part1) + [0xFF] + Self.utf8(part2) + [0xC3] + Self.utf8("x") + [0xE6, 0x97]
            + Self.utf8(part3) + [0xC0, 0xAF] + Self.utf8(" end")
        let result = TextDecoder.decode(bytes)
        #expect(result.text == part1 + "\u{FFFD}" + part2 + "\u{FFFD}x\u{FFFD}" + part3 + "\u{FFFD}\u{FFFD} end")
        #expect(result.encoding == "UTF-8")
    }

    @Test func invalidUTF8WithBOMIsDecodedLossily() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Self.utf8("día") + [0x80] + Self.utf8("noche")
        #expect(TextDecoder.decode(bytes) == TextDecoder.Result(text: "día\u{FFFD}noche", encoding: "UTF-8"))
    }

    @Test func longUTF8ArticleWithOneBadByteStaysUTF8() {
        let paragraph = "這是一段很長的中文文字，用來確認一個壞掉的位元組不會讓整篇文章被當成別的編碼。"
        let text = String(repeating: paragraph, count: 20)
        let bytes = Self.utf8(text) + [0xFE] + Self.utf8(text)
        let result = TextDecoder.decode(bytes)
        #expect(result.encoding == "UTF-8")
        #expect(result.text == text + "\u{FFFD}" + text)
    }

    // MARK: Legacy CJK encodings

    /// (fixture stem, the name ICU gives the encoding)
    static let legacyFixtures: [(String, String)] = [
        ("gbk", "GB18030"), ("gb18030", "GB18030"), ("big5", "Big5"),
        ("shift_jis", "Shift_JIS"), ("euc-jp", "EUC-JP"), ("euc-kr", "EUC-KR"),
    ]

    @Test(arguments: legacyFixtures)
    func detectsAndConvertsLegacyEncoding(_ stem: String, _ encoding: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(stem + ".txt")))
        let expected = try String(contentsOf: Self.folder.appendingPathComponent(stem + ".expected.txt"), encoding: .utf8)
        #expect(bytes.count >= 1_200)
        #expect(String(validating: bytes, as: UTF8.self) == nil, "the fixture is not accidentally UTF-8")
        #expect(!TextDecoder.looksBinary(bytes))
        let result = TextDecoder.decode(bytes)
        #expect(result.encoding == encoding)
        #expect(result.text == expected)
        if result.text != expected {
            let diverges = Array(zip(result.text, expected)).firstIndex { $0 != $1 } ?? min(result.text.count, expected.count)
            Issue.record("first difference at character \(diverges): \(String(result.text.dropFirst(diverges).prefix(12)).debugDescription) vs \(String(expected.dropFirst(diverges).prefix(12)).debugDescription)")
        }
    }

    @Test func everyLegacyFixtureIsPresent() throws {
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: Self.folder.path))
        for (stem, _) in Self.legacyFixtures {
            #expect(names.contains(stem + ".txt"))
            #expect(names.contains(stem + ".expected.txt"))
        }
    }

    // MARK: looksBinary

    @Test func nulBytesLookBinary() {
        #expect(TextDecoder.looksBinary(Self.utf8("text") + [0x00] + Self.utf8("more text")))
        #expect(TextDecoder.looksBinary([0x00]))
    }

    @Test func pngHeaderLooksBinary() {
        #expect(TextDecoder.looksBinary([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]))
        // The signature alone is enough, without a NUL.
        #expect(TextDecoder.looksBinary([0x89, 0x50, 0x4E, 0x47] + Self.utf8(String(repeating: "x", count: 100))))
    }

    @Test func otherBinarySignaturesLookBinary() {
        #expect(TextDecoder.looksBinary(Self.utf8("%PDF-1.7\n") + Self.utf8(String(repeating: "x", count: 100))))
        #expect(TextDecoder.looksBinary([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01]))
        #expect(TextDecoder.looksBinary([0x1F, 0x8B, 0x08, 0x08]))
    }

    @Test func randomBytesLookBinary() {
        var random = SplitMix64(seed: 0xB1A5_0001)
        for _ in 0..<50 {
            var bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) }
            if bytes[0] == 0xFF || bytes[0] == 0xFE { bytes[0] = 0x41 } // not a UTF-16 BOM by chance
            #expect(TextDecoder.looksBinary(bytes))
        }
    }

    @Test func randomBytesWithoutNulLookBinaryByTheirControls() {
        var random = SplitMix64(seed: 0xB1A5_0002)
        for _ in 0..<50 {
            var bytes = (0..<4096).map { _ in UInt8.random(in: 1...255, using: &random) }
            if bytes[0] == 0xFF || bytes[0] == 0xFE { bytes[0] = 0x41 }
            #expect(TextDecoder.looksBinary(bytes))
        }
    }

    @Test func utf8TextIsNotBinary() {
        let text = "# Heading\n\nA paragraph of text, 中文，日本語、한국어.\r\n\tIndented\u{0C}\n"
        #expect(!TextDecoder.looksBinary(Self.utf8(text)))
        #expect(!TextDecoder.looksBinary([0xEF, 0xBB, 0xBF] + Self.utf8(text)))
        #expect(!TextDecoder.looksBinary([]))
    }

    @Test func utf16TextWithBOMIsNotBinary() {
        let text = "Mostly ASCII, so every other byte is NUL.\n"
        #expect(!TextDecoder.looksBinary(Self.utf16(text, bigEndian: false)))
        #expect(!TextDecoder.looksBinary(Self.utf16(text, bigEndian: true)))
    }

    @Test func textWithAFewEscapeSequencesIsNotBinary() {
        let text = "Build \u{1B}[32mpassed\u{1B}[0m in 3 s.\n\u{1B}]0;title\u{07}Then a long line of ordinary log output follows here.\n"
        #expect(!TextDecoder.looksBinary(Self.utf8(text)))
        let longer = String(repeating: "line \u{1B}[1mbold\u{1B}[0m and the rest of an ordinary sentence.\n", count: 40)
        #expect(!TextDecoder.looksBinary(Self.utf8(longer)))
    }
}
