import Foundation
import Testing
@testable import ReaderCore

/// glibc's own `wcwidth`, the function ncursesw measures cells with, found at run time.
enum GlibcWidth {
    typealias Function = @convention(c) (Int32) -> Int32

    /// `wcwidth` in the C.UTF-8 locale, or nil when the locale or the symbol is missing.
    static func load() -> Function? {
        guard setlocale(LC_CTYPE, "C.UTF-8") != nil else { return nil }
        // glibc's RTLD_DEFAULT is (void *)0. (void *)-2 is macOS's RTLD_DEFAULT; glibc takes it
        // for a link map and dlsym crashes on it, so pass nil.
        guard let symbol = dlsym(nil, "wcwidth") else { return nil }
        return unsafeBitCast(symbol, to: Function.self)
    }
}

@Suite struct DisplayWidthTests {
    // MARK: Agreement with glibc

    @Test func agreesWithGlibcWcwidthForEveryCodePointTheSanitizerLetsThrough() throws {
        let wcwidth = try #require(GlibcWidth.load(), "glibc wcwidth in C.UTF-8")
        #expect(wcwidth(0x4E2D) == 2, "the locale is UTF-8: 中 is wide")
        var checked = 0
        var mismatches: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue } // surrogates
            let alone = String(scalar)
            guard Sanitizer.clean(alone) == alone else { continue }
            checked += 1
            let ours = DisplayWidth.of(scalar), glibc = Int(wcwidth(Int32(bitPattern: value)))
            if ours != glibc, mismatches.count < 20 {
                mismatches.append("U+\(String(value, radix: 16, uppercase: true)): ours \(ours), glibc \(glibc)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "; "))")
        // Every assigned character of Unicode 14 that is not a control: far more than 100,000.
        #expect(checked > 250_000, "only \(checked) code points were let through")
    }

    @Test func agreesWithGlibcWcwidthForEveryCodePoint() throws {
        let wcwidth = try #require(GlibcWidth.load(), "glibc wcwidth in C.UTF-8")
        var mismatches: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let ours = DisplayWidth.of(scalar), glibc = Int(wcwidth(Int32(bitPattern: value)))
            if ours != glibc, mismatches.count < 20 {
                mismatches.append("U+\(String(value, radix: 16, uppercase: true)): ours \(ours), glibc \(glibc)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "; "))")
    }

    @Test func whatTheSanitizerEmitsNeverHasNegativeWidthExceptNewline() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for out in Sanitizer.clean(String(scalar)).unicodeScalars where out != "\n" {
                if DisplayWidth.of(out) < 0 {
                    Issue.record("U+\(String(value, radix: 16, uppercase: true)) cleans to U+\(String(out.value, radix: 16)) of width \(DisplayWidth.of(out))")
                    return
                }
            }
        }
    }

    // MARK: The table of TEXT-LAYOUT.md §1

    @Test(arguments: Array("中ＡＢ，。、ーぁ한😀".unicodeScalars))
    func eastAsianWideAndFullwidthTakeTwoColumns(_ scalar: Unicode.Scalar) {
        #expect(DisplayWidth.of(scalar) == 2)
        #expect(DisplayWidth.of(String(scalar)) == 2)
    }

    @Test(arguments: Array("“”‘’—…·×①α".unicodeScalars))
    func eastAsianAmbiguousIsNarrow(_ scalar: Unicode.Scalar) {
        #expect(DisplayWidth.of(scalar) == 1)
    }

    @Test func combiningAcuteAddsNoColumn() {
        #expect(DisplayWidth.of("\u{301}" as Unicode.Scalar) == 0)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("Cafe\u{301}") == 4)
    }

    @Test(arguments: [0x200B, 0x200D, 0x2060, 0xFEFF, 0xFE0F] as [UInt32])
    func zeroWidthCharactersTakeNoColumn(_ value: UInt32) {
        #expect(DisplayWidth.of(Unicode.Scalar(value)!) == 0)
    }

    @Test func hangulJamoSequenceTakesTwoColumns() {
        #expect(DisplayWidth.of("\u{1100}" as Unicode.Scalar) == 2)
        #expect(DisplayWidth.of("\u{1161}" as Unicode.Scalar) == 0)
        #expect(DisplayWidth.of("\u{11A8}" as Unicode.Scalar) == 0)
        #expect(DisplayWidth.of("\u{1100}\u{1161}\u{11A8}") == 2)
    }

    @Test func heartWithEmojiPresentationSelectorTakesOneColumn() {
        #expect(DisplayWidth.of("\u{2764}\u{FE0F}") == 1)
    }

    @Test func emojiWithSkinToneIsTwoPlusTwo() {
        #expect(DisplayWidth.of("👍" as Unicode.Scalar) == 2)
        #expect(DisplayWidth.of("\u{1F3FD}" as Unicode.Scalar) == 2)
        #expect(DisplayWidth.of("👍🏽") == 4)
    }

    @Test func zwjFamilyIsSixColumns() {
        #expect(DisplayWidth.of("👨‍👩‍👧") == 6)
    }

    @Test(arguments: [0x09, 0x0A, 0x1B, 0x7F, 0x80, 0x85, 0x9B, 0x9F] as [UInt32])
    func controlsHaveNegativeWidth(_ value: UInt32) {
        #expect(DisplayWidth.of(Unicode.Scalar(value)!) == -1)
    }

    @Test(arguments: [0x31350, 0x1FAE8, 0x378] as [UInt32])
    func codePointsGlibcDoesNotKnowHaveNegativeWidth(_ value: UInt32) {
        #expect(DisplayWidth.of(Unicode.Scalar(value)!) == -1)
    }

    @Test func stringWidthSumsCodePointsAndCountsNegativesAsZero() {
        #expect(DisplayWidth.of("") == 0)
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("中文abc") == 7)
        #expect(DisplayWidth.of("a\u{1B}b") == 2)
        #expect(DisplayWidth.of("한국어 text") == 11)
    }

    // MARK: prefix(fitting:) and truncate

    @Test func prefixFittingStopsBeforeAWideCharacterThatWouldOverflow() {
        let cut = DisplayWidth.prefix("中文字符", fitting: 5)
        #expect(cut.text == "中文")
        #expect(cut.width == 4)
        let exact = DisplayWidth.prefix("中文字符", fitting: 6)
        #expect(exact.text == "中文字")
        #expect(exact.width == 6)
    }

    @Test func prefixFittingKeepsGraphemeClustersWhole() {
        let accents = DisplayWidth.prefix("e\u{301}e\u{301}e\u{301}", fitting: 2)
        #expect(accents.text == "e\u{301}e\u{301}")
        #expect(accents.width == 2)
        #expect(accents.text.unicodeScalars.count == 4)
        #expect(DisplayWidth.prefix("👍🏽ok", fitting: 3).text == "")
        #expect(DisplayWidth.prefix("👍🏽ok", fitting: 5).text == "👍🏽o")
        #expect(DisplayWidth.prefix("👨‍👩‍👧!", fitting: 5).text == "")
        #expect(DisplayWidth.prefix("👨‍👩‍👧!", fitting: 6).text == "👨‍👩‍👧")
    }

    @Test func prefixFittingZeroOrEverything() {
        #expect(DisplayWidth.prefix("abc", fitting: 0).text == "")
        #expect(DisplayWidth.prefix("abc", fitting: 0).width == 0)
        #expect(DisplayWidth.prefix("abc", fitting: 10).text == "abc")
        #expect(DisplayWidth.prefix("abc", fitting: 10).width == 3)
        #expect(DisplayWidth.prefix("", fitting: 4).text == "")
    }

    @Test func truncateLeavesTextThatFitsAlone() {
        #expect(DisplayWidth.truncate("abcde", to: 5) == "abcde")
        #expect(DisplayWidth.truncate("中文", to: 4) == "中文")
        #expect(DisplayWidth.truncate("", to: 3) == "")
    }

    @Test func truncateAddsEllipsisWithinTheColumns() {
        #expect(DisplayWidth.truncate("abcdef", to: 5) == "abcd…")
        #expect(DisplayWidth.truncate("abcdef", to: 1) == "…")
        #expect(DisplayWidth.truncate("abcdef", to: 0) == "")
        #expect(DisplayWidth.truncate("abcdef", to: -3) == "")
    }

    @Test func truncateNeverSplitsAWideCharacter() {
        // 8 columns into 6: "中文" (4) + "…" (1) = 5; half of 字 would overflow.
        #expect(DisplayWidth.truncate("中文字符", to: 6) == "中文…")
        #expect(DisplayWidth.truncate("中文字符", to: 5) == "中文…")
        #expect(DisplayWidth.truncate("中文字符", to: 2) == "…")
        #expect(DisplayWidth.truncate("a中文", to: 4) == "a中…")
        #expect(DisplayWidth.truncate("👍🏽👍🏽", to: 7) == "👍🏽…")
    }

    @Test func truncatedTextAlwaysFitsAndIsAPrefixPlusEllipsis() {
        var random = SplitMix64(seed: 0x5EED_0001)
        let pieces = ["a", "b", " ", "中", "文", "한", "ー", "e\u{301}", "👍🏽", "👨‍👩‍👧", "…", "ａ", "\u{200B}"]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let columns = Int.random(in: 0...16, using: &random)
            let result = DisplayWidth.truncate(text, to: columns)
            #expect(DisplayWidth.of(result) <= max(columns, 0), "\(text.debugDescription) to \(columns): \(result.debugDescription)")
            if result != text {
                #expect(columns <= 0 || result.hasSuffix("…"), "\(text.debugDescription) to \(columns): \(result.debugDescription)")
                #expect(text.hasPrefix(String(result.dropLast())), "\(text.debugDescription) to \(columns): \(result.debugDescription)")
                #expect(DisplayWidth.of(text) > columns)
            } else {
                #expect(DisplayWidth.of(text) <= columns)
            }
        }
    }
}

