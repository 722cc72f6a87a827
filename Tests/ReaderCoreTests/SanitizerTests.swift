import Testing
@testable import ReaderCore

@Suite struct SanitizerTests {
    // MARK: Escape sequences

    @Test func csiSequencesAreRemovedWhole() {
        #expect(Sanitizer.clean("\u{1B}[31mred\u{1B}[0m plain") == "red plain")
        #expect(Sanitizer.clean("\u{1B}[2J\u{1B}[H") == "")
        #expect(Sanitizer.clean("a\u{1B}[?1049hb\u{1B}[38;5;196mc") == "abc")
        #expect(Sanitizer.clean("x\u{1B}[1 qy") == "xy") // intermediate byte before the final one
    }

    @Test func oscSequencesAreRemovedWholeWithTheirBell() {
        #expect(Sanitizer.clean("\u{1B}]0;owned\u{07}text") == "text")
        #expect(Sanitizer.clean("\u{1B}]52;c;ZXZpbA==\u{07}clip") == "clip")
    }

    @Test func oscHyperlinkTerminatedByStringTerminatorKeepsOnlyItsLabel() {
        #expect(Sanitizer.clean("\u{1B}]8;;http://evil.example\u{1B}\\link\u{1B}]8;;\u{1B}\\ after") == "link after")
    }

    @Test func unterminatedOscEndsAtTheLineBreak() {
        #expect(Sanitizer.clean("title\u{1B}]0;rest of the line\nnext line") == "title\nnext line")
        #expect(Sanitizer.clean("a\u{1B}]0;x\r\nb") == "a\nb")
    }

    @Test func eightBitCsiAndOscAreRemovedWhole() {
        #expect(Sanitizer.clean("\u{9B}31mred") == "red")
        #expect(Sanitizer.clean("\u{9D}0;title\u{9C}after") == "after")
        #expect(Sanitizer.clean("\u{9D}0;title\u{07}after") == "after")
    }

    @Test func twoByteEscapeSequencesAreRemovedWhole() {
        #expect(Sanitizer.clean("a\u{1B}7b\u{1B}8c") == "abc") // save and restore cursor
        #expect(Sanitizer.clean("a\u{1B}(Bb") == "ab") // designate G0 charset
        #expect(Sanitizer.clean("a\u{1B}cb") == "ab") // full reset
    }

    @Test func strayEscapeBeforeTextThatCannotContinueItIsDroppedAlone() {
        #expect(Sanitizer.clean("a\u{1B}中文") == "a中文")
        #expect(Sanitizer.clean("end\u{1B}") == "end")
        #expect(Sanitizer.clean("a\u{1B}\nb") == "a\nb")
    }

    @Test func csiCutShortByACharacterItCannotHoldKeepsThatCharacter() {
        #expect(Sanitizer.clean("\u{1B}[31中文") == "中文")
    }

    @Test func escapeInsideASequenceStartsANewSequence() {
        // As in a terminal's parser (ECMA-48 / the DEC VT state machine), ESC always begins a
        // new sequence, so none of the second sequence is left behind as text.
        #expect(Sanitizer.clean("a\u{1B}\u{1B}[?1049hb") == "ab")
        #expect(Sanitizer.clean("a\u{1B}[31\u{1B}[0mb") == "ab")
        #expect(Sanitizer.clean("a\u{1B}]0;t\u{1B}[31mb") == "ab")
    }

    @Test func noEscapeOrBellSurvives() {
        let inputs = ["a\u{1B}b\u{07}c\u{1B}\u{1B}[?1049h", "\u{1B}", "\u{1B}\u{1B}\u{1B}", "\u{07}\u{07}",
                      "\u{1B}]\u{1B}]\u{07}\u{1B}[", "x\u{9B}\u{1B}[\u{9D}\u{1B}\\y"]
        for input in inputs {
            let out = Sanitizer.clean(input)
            #expect(!out.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{9B}" || $0 == "\u{9D}" },
                    "\(input.debugDescription) → \(out.debugDescription)")
        }
    }

    // MARK: Line ends

    @Test func carriageReturnSpoofBecomesTwoLines() {
        let out = Sanitizer.clean("safe\rEVIL")
        #expect(out == "safe\nEVIL")
        #expect(!out.unicodeScalars.contains("\r"))
    }

    @Test func crlfBecomesOneLineFeed() {
        #expect(Sanitizer.clean("one\r\ntwo\r\n") == "one\ntwo\n")
        #expect(Sanitizer.clean("a\r\n\r\nb") == "a\n\nb")
    }

    @Test func loneCarriageReturnsBecomeLineFeeds() {
        #expect(Sanitizer.clean("a\rb\rc") == "a\nb\nc")
        #expect(Sanitizer.clean("a\r\rb") == "a\n\nb")
        #expect(Sanitizer.clean("a\n\rb") == "a\n\nb")
        #expect(Sanitizer.clean("\r") == "\n")
    }

    @Test func lineFeedsAreKept() {
        #expect(Sanitizer.clean("a\n\nb\n") == "a\n\nb\n")
    }

    // MARK: TAB

    @Test func tabExpandsToTheNextMultipleOfEight() {
        #expect(Sanitizer.clean("\tx") == "        x")
        #expect(Sanitizer.clean("a\tb") == "a       b")
        #expect(Sanitizer.clean("abcdefg\tb") == "abcdefg b")
        #expect(Sanitizer.clean("abcdefgh\tb") == "abcdefgh        b")
        #expect(Sanitizer.clean("a\t\tb") == "a" + String(repeating: " ", count: 15) + "b")
    }

    @Test func tabCountsWideCharactersAsTwoColumns() {
        #expect(Sanitizer.clean("中\tx") == "中      x") // 2 + 6
        #expect(Sanitizer.clean("中文字\tx") == "中文字  x") // 6 + 2
        #expect(Sanitizer.clean("中文字符\tx") == "中文字符        x") // 8 + 8
        #expect(Sanitizer.clean("a中文字\tx") == "a中文字 x") // 7 + 1
        #expect(Sanitizer.clean("😀\tx") == "😀      x")
    }

    @Test func tabCountsZeroWidthAndReplacedCharactersByTheirShownWidth() {
        #expect(Sanitizer.clean("e\u{301}\tx") == "e\u{301}       x") // 1 + 7
        #expect(Sanitizer.clean("\u{378}\tx") == "\u{FFFD}       x") // U+FFFD is 1 column
        #expect(Sanitizer.clean("a\u{1B}\tx") == "a       x") // a dropped ESC takes no column
    }

    @Test func tabColumnRestartsOnEachLine() {
        #expect(Sanitizer.clean("abc\n\tx") == "abc\n        x")
        #expect(Sanitizer.clean("abc\r\n\tx") == "abc\n        x")
        #expect(Sanitizer.clean("abc\r\tx") == "abc\n        x")
    }

    @Test func expandedTabsLineUpEveryEightColumns() {
        for text in ["a\tb\tc", "中文\t한\t😀\tx", "e\u{301}\u{301}\tz", "abcdefghij\tk", "\u{1F3FD}\u{200B}\t."] {
            let out = Sanitizer.clean(text)
            #expect(!out.contains("\t"))
            // Every run of spaces produced by a TAB ends on a multiple of 8.
            var column = 0
            var previousWasSpace = false
            for character in out {
                if character != " " && previousWasSpace { #expect(column % 8 == 0, "\(text.debugDescription) → \(out.debugDescription)") }
                previousWasSpace = character == " "
                column += DisplayWidth.of(String(character))
            }
        }
    }

    // MARK: Controls

    @Test func backspaceIsDropped() {
        #expect(Sanitizer.clean("pay $1\u{8}\u{8}0") == "pay $10")
        #expect(Sanitizer.clean("a\u{8}_") == "a_")
    }

    @Test func deleteIsDropped() {
        #expect(Sanitizer.clean("a\u{7F}b") == "ab")
    }

    @Test func otherC0ControlsAreDropped() {
        let controls = (0x00...0x1F).filter { ![0x09, 0x0A, 0x0D].contains($0) }.map { String(Unicode.Scalar(UInt8($0))) }.joined()
        #expect(Sanitizer.clean("x" + controls + "y") == "xy")
    }

    @Test(arguments: (0x80...0x9F as ClosedRange<UInt32>).filter { $0 != 0x9B && $0 != 0x9D && $0 != 0x85 })
    func c1ControlsAreDropped(_ value: UInt32) {
        // U+009B (CSI) and U+009D (OSC) open sequences: see eightBitCsiAndOscAreRemovedWhole;
        // U+0085 (NEL) is a line break: see nelAndLineAndParagraphSeparatorsAreBreaks.
        #expect(Sanitizer.clean("x" + String(Unicode.Scalar(value)!) + "y") == "xy")
    }

    @Test func softHyphenIsDropped() {
        #expect(Sanitizer.clean("hy\u{AD}phen\u{AD}ated") == "hyphenated")
    }

    // MARK: Bidi

    @Test(arguments: [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069] as [UInt32])
    func dropsBidiOverridesAndIsolates(_ value: UInt32) {
        let control = String(Unicode.Scalar(value)!)
        #expect(Sanitizer.clean("abc" + control + "def") == "abcdef")
    }

    @Test func trojanSourceLineLosesAllItsBidiControls() {
        let line = "if access_level != \"user\u{202E} \u{2066}// Check if admin\u{2069} \u{2066}\" {"
        #expect(Sanitizer.clean(line) == "if access_level != \"user // Check if admin \" {")
    }

    @Test func directionalMarksAreDropped() {
        #expect(Sanitizer.clean("a\u{200E}b\u{200F}c\u{61C}d") == "abcd")
    }

    // MARK: BOM

    @Test func leadingByteOrderMarkIsDropped() {
        #expect(Sanitizer.clean("\u{FEFF}Title") == "Title")
        #expect(Sanitizer.clean("\u{FEFF}") == "")
    }

    @Test func byteOrderMarkInsideTheTextIsKeptAsZeroWidth() {
        #expect(Sanitizer.clean("a\u{FEFF}b") == "a\u{FEFF}b")
    }

    // MARK: Code points glibc rejects

    @Test(arguments: [0x31350, 0x1FAE8, 0x0378, 0xE0080, 0x10FFFF] as [UInt32])
    func codePointsGlibcRejectsBecomeReplacementCharacter(_ value: UInt32) {
        let scalar = Unicode.Scalar(value)!
        #expect(Sanitizer.clean("a" + String(scalar) + "b") == "a\u{FFFD}b")
    }

    @Test func ordinaryTextIsUntouched() {
        let text = "中文，日本語のテキスト。한국어 문장. Café — “quoted” e\u{301} 👍🏽 👨‍👩‍👧 😀\u{FE0F} \u{200B}"
        #expect(Sanitizer.clean(text) == text)
    }

    // MARK: line()

    @Test func lineHasNoNewline() {
        #expect(Sanitizer.line("a\nb\r\nc\rd\u{2028}e") == "a b c d e")
        #expect(!Sanitizer.line("title\n\u{1B}[2Jspoof\r").contains("\n"))
        #expect(Sanitizer.line("file\u{1B}[31m.txt") == "file.txt")
        #expect(Sanitizer.line("tab\there") == "tab     here")
        #expect(Sanitizer.line("plain") == "plain")
    }

    @Test func lineHasNoNewlineEvenBeforeACombiningMark() {
        // A line break followed by a mark, ZWJ or tag character is still a line break.
        for text in ["a\nb\u{301}", "a\n\u{301}b", "title\n\u{200D}x", "name\r\n\u{E0062}x", "x\n\u{613}"] {
            let line = Sanitizer.line(text)
            #expect(!line.unicodeScalars.contains("\n"), "line(\(text.debugDescription)) → \(line.debugDescription)")
        }
        #expect(Sanitizer.line("a\n\u{301}b") == "a \u{301}b")
    }

    // MARK: Property

    @Test func randomTextComesOutWithoutControlsOrBidiAndWithKnownWidths() {
        var random = SplitMix64(seed: 0xC1EA_2025)
        // Bias the draws towards the interesting places; the rest is any scalar at all.
        let hotSpots: [ClosedRange<UInt32>] = [0x00...0x20, 0x7F...0xA0, 0xAD...0xAD, 0x200B...0x200F, 0x2028...0x202E,
                                               0x2060...0x2069, 0xFEFF...0xFEFF, 0x0300...0x036F, 0x1100...0x11FF,
                                               0x4E00...0x4E40, 0x1F300...0x1FAFF, 0x31340...0x31360, 0xE0000...0xE01EF]
        var lineFailures = 0
        for _ in 0..<4_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...40, using: &random) {
                var scalar: Unicode.Scalar?
                while scalar == nil {
                    let value = Bool.random(using: &random)
                        ? UInt32.random(in: hotSpots.randomElement(using: &random)!, using: &random)
                        : UInt32.random(in: 0...0x10FFFF, using: &random)
                    scalar = Unicode.Scalar(value)
                }
                text.append(scalar!)
            }
            let input = String(text)
            let out = Sanitizer.clean(input)
            for scalar in out.unicodeScalars {
                let v = scalar.value
                let problem: String? =
                    v < 0x20 && v != 0x0A ? "C0 control"
                    : (0x7F...0x9F).contains(v) ? "DEL or C1 control"
                    : (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) ? "bidi control"
                    : v == 0xAD ? "soft hyphen"
                    : v != 0x0A && DisplayWidth.of(scalar) < 0 ? "negative width"
                    : nil
                if let problem {
                    Issue.record("\(problem) U+\(String(v, radix: 16, uppercase: true)) in clean(\(input.debugDescription))")
                    return
                }
            }
            let line = Sanitizer.line(input)
            if line.unicodeScalars.contains("\n") {
                lineFailures += 1
                if lineFailures == 1 { Issue.record("line(\(input.debugDescription)) has a newline: \(line.debugDescription)") }
            }
            // Cleaning again changes nothing (a second U+FEFF left at the start aside).
            if !input.unicodeScalars.contains("\u{FEFF}") {
                #expect(Sanitizer.clean(out) == out, "clean(\(input.debugDescription)) is not stable")
            }
        }
        #expect(lineFailures == 0, "line() kept a newline for \(lineFailures) of 4,000 random strings")
    }

    /// NEL and LS break lines, PS ends a paragraph; none of them is dropped.
    @Test func nelAndLineAndParagraphSeparatorsAreBreaks() {
        #expect(Sanitizer.clean("one\u{85}two\u{2028}three\u{2029}four") == "one\ntwo\nthree\n\nfour")
        #expect(!Sanitizer.isClean("one\u{85}two"))
    }

    // MARK: - Variation selectors terminals and wcwidth disagree on

    /// The columns a current terminal (kitty, WezTerm, foot, recent VTE) gives a line: `wcwidth`,
    /// with U+FE0F turning a one-column character into two and U+FE0E a two-column one into one.
    static func modernTerminalWidth(_ line: String) -> Int {
        var total = 0, last = 0
        for scalar in line.unicodeScalars {
            let w = max(GlibcWcwidth.of(scalar), 0)
            if scalar == "\u{FE0F}" && last == 1 { total += 1; last = 2; continue }
            if scalar == "\u{FE0E}" && last == 2 { total -= 1; last = 1; continue }
            total += w
            if w > 0 { last = w }
        }
        return total
    }

    @Test func aSelectorThatChangesTheWidthIsDroppedAndOneThatDoesNotIsKept() {
        #expect(Sanitizer.clean("I \u{2764}\u{FE0F} tea \u{2600}\u{FE0F}") == "I \u{2764} tea \u{2600}")
        #expect(Sanitizer.clean("1\u{FE0F}\u{20E3}") == "1\u{20E3}")
        #expect(Sanitizer.clean("\u{1F600}\u{FE0F}") == "\u{1F600}\u{FE0F}")  // wide already: both agree
        #expect(Sanitizer.clean("\u{1F600}\u{FE0E}") == "\u{1F600}")
        #expect(Sanitizer.clean("\u{2764}\u{FE0E}") == "\u{2764}\u{FE0E}")  // text presentation of a narrow one
        #expect(!Sanitizer.isClean("\u{2764}\u{FE0F}") && Sanitizer.isClean("\u{1F600}\u{FE0F}"))
    }

    /// Wrapped at any width, no line of emoji with selectors is wider than the width, by
    /// `wcwidth` (ncursesw) or as a current terminal draws it.
    @Test func noWrappedLineOfEmojiWithSelectorsOverflowsInEitherMeasure() {
        let text = Sanitizer.clean(String(repeating: "\u{2764}\u{FE0F} \u{2600}\u{FE0F}\u{2728}\u{270C}\u{FE0F}\u{1F600}\u{FE0E} 好", count: 40))
        let wrapper = TestSupport.wrapper()
        for width in 2...60 {
            for line in wrapper.wrap(text, width: width) {
                #expect(GlibcWcwidth.of(line.text) <= width, "\(width): \(line.text)")
                #expect(Self.modernTerminalWidth(line.text) == GlibcWcwidth.of(line.text), "\(width): \(line.text)")
            }
        }
    }
}
