import Foundation
import Testing
@testable import ReaderCore

@Suite struct WrapperTests {
    let wrapper = TestSupport.wrapper()

    static let texts: [(String, String)] = [
        ("zh", "在不到两年的时间里，这家小店从一个街角的豆腐坊，发展成为全城知名的早餐铺子。老板说：“做豆腐最要紧的是点卤。”今天是第 1700 天，营业额增长了 35%，每天卖出 1,200 块豆腐（含外卖）。"),
        ("ja", "ゴールデンウィーク初日の土曜日、以前から気になっていた小さなラーメン店へ行ってきました。「スープがなくなり次第終了」と書かれた看板があり、ちょっとドキドキ。気温は25℃、iPhone 15 で写真を撮りました……。"),
        ("ko", "서울 마포구의 한 오래된 상가 건물 3층에는 간판조차 제대로 없는 작은 게임 스튜디오가 있다. 직원은 일곱 명이지만, 첫 작품은 해외에서 30만 장 넘게 팔렸다."),
        ("en", "When I agreed to test a mid-priced robot vacuum for a full season, I expected one of two outcomes: extraordinarily disappointing results, or a quiet revolution. Version 2.5.1 shipped on 2024-06-03 at $349.99."),
        ("mixed", "OpenAI 的 GPT-4o 在 2024 年 5 月发布，https://example.com/a/very/long/path/that/goes/on?query=1&x=2 是参考链接；한국어 단어도 있고、日本語の「かな」もある。"),
        ("emoji", "今天天气很好😀👍🏽，我们去公园散步👨‍👩‍👧吧！Emoji ❤️ and flags 🇯🇵 mixed with 中文 text and e\u{301}accents."),
    ]

    @Test(arguments: [12, 21, 33])
    func noLineIsWiderThanTheWidthByGlibc(width: Int) {
        for (name, text) in Self.texts {
            for line in wrapper.wrap(text, width: width) {
                #expect(GlibcWcwidth.of(line.text) <= width, "\(name) at \(width): \(line.text)")
                #expect(line.width == GlibcWcwidth.of(line.text), "\(name): width of \(line.text)")
            }
        }
    }

    @Test(arguments: [12, 21, 33])
    func wrappingLosesNoTextAndKeepsOrder(width: Int) {
        for (name, text) in Self.texts {
            let joined = wrapper.wrap(text, width: width).map(\.text).joined()
            #expect(joined.filter { $0 != " " } == text.filter { $0 != " " }, "\(name) at \(width)")
        }
    }

    @Test(arguments: [12, 21, 33])
    func noLineStartsWithClosingPunctuationOrEndsWithOpening(width: Int) {
        for (name, text) in Self.texts {
            let lines = wrapper.wrap(text, width: width)
            for (index, line) in lines.enumerated() {
                if index > 0, let first = line.text.unicodeScalars.first {
                    #expect(!Kinsoku.noStart.contains(first), "\(name) at \(width): line starts with \(first): \(line.text)")
                }
                if index < lines.count - 1, let last = line.text.unicodeScalars.last {
                    #expect(!Kinsoku.noEnd.contains(last), "\(name) at \(width): line ends with \(last): \(line.text)")
                }
            }
        }
    }

    @Test(arguments: [12, 21, 33])
    func everyLineButTheLastIsFilledGreedily(width: Int) {
        for (name, text) in Self.texts {
            let lines = wrapper.wrap(text, width: width)
            let units = Array(text.utf16)
            let breaks = wrapper.breaker.opportunities(in: units) + [units.count]
            for index in lines.indices.dropLast() {
                let line = lines[index], next = lines[index + 1]
                // The next line's first break unit must not have fitted on this line.
                guard let unitEnd = breaks.first(where: { $0 > next.start }) else { continue }
                let extended = String(decoding: units[line.start..<unitEnd], as: UTF16.self)
                let trimmed = String(extended.reversed().drop { $0 == " " }.reversed())
                #expect(DisplayWidth.of(trimmed) > width, "\(name) at \(width): '\(line.text)' had room for more")
            }
        }
    }

    @Test func doesNotStartALineWithAnIdeographicFullStop() {
        let lines = wrapper.wrap("一二三四五六七八九十。一二三", width: 20).map(\.text)
        #expect(lines == ["一二三四五六七八九", "十。一二三"])
    }

    @Test func doesNotEndALineWithAnOpeningBracket() {
        let lines = wrapper.wrap("一二三四五六七八九「十一」", width: 20).map(\.text)
        #expect(lines.first == "一二三四五六七八九")
    }

    @Test func keepsSmallKanaAndTheProlongedSoundMarkOffTheLineStart() {
        for text in ["あいうえおかきくけこっさ", "あいうえおかきくけこーさ", "あいうえおかきくけこゃさ"] {
            let lines = wrapper.wrap(text, width: 20).map(\.text)
            #expect(lines.count == 2)
            #expect(lines[1].count == 3, "\(lines)")
        }
    }

    @Test func neverSplitsDoubledDashesOrEllipses() {
        for text in ["一二三四五六七八九——十", "一二三四五六七八九……十"] {
            let lines = wrapper.wrap(text, width: 20).map(\.text)
            #expect(lines.allSatisfy { !$0.hasPrefix("—") && !$0.hasPrefix("…") }, "\(lines)")
            #expect(lines.joined() == text)
        }
    }

    @Test func doesNotBreakBeforeAMiddleDotOrWaveDashWithoutASpace() {
        let lines = wrapper.wrap("一二三四五六七八九·十", width: 20).map(\.text)
        #expect(lines.allSatisfy { !$0.hasPrefix("·") }, "\(lines)")
    }

    @Test func breaksKoreanOnlyAtSpaces() {
        let text = "서울 마포구의 오래된 상가 건물에는 간판조차 없는 스튜디오가 있다"
        for width in [12, 21, 33] {
            let lines = wrapper.wrap(text, width: width).map(\.text)
            let words = Set(text.split(separator: " ").map(String.init))
            for line in lines { #expect(line.split(separator: " ").allSatisfy { words.contains(String($0)) }, "\(line)") }
        }
    }

    @Test func splitsAKoreanWordWiderThanTheLineBetweenSyllables() {
        let lines = wrapper.wrap("가나다라마바사아자차카타파하", width: 10).map(\.text)
        #expect(lines == ["가나다라마", "바사아자차", "카타파하"])
    }

    @Test func neverSplitsLatinWordsOrNumbers() {
        let text = "alpha 123.45 beta 50% gamma $100 delta 25℃ epsilon"
        let lines = wrapper.wrap(text, width: 12).map(\.text)
        let tokens = Set(text.split(separator: " ").map(String.init))
        for line in lines { #expect(line.split(separator: " ").allSatisfy { tokens.contains(String($0)) }, "\(line)") }
    }

    @Test func splitsAURLWiderThanTheLineWithoutAHyphen() {
        let url = "https://example.com/averyveryverylongpathsegmentwithoutanybreaks"
        let lines = wrapper.wrap(url, width: 20).map(\.text)
        #expect(lines.joined() == url)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 20 && !$0.hasSuffix("-") })
    }

    @Test func splitsAnOverlongWordAtGraphemeBoundaries() {
        let word = String(repeating: "e\u{301}", count: 30)
        let lines = wrapper.wrap(word, width: 7).map(\.text)
        #expect(lines.allSatisfy { $0.unicodeScalars.first != "\u{301}" })
        #expect(lines.joined() == word)
    }

    @Test func putsAGraphemeWiderThanTheLineOnLinesOfItsOwnCodePoints() {
        let family = "👨‍👩‍👧"  // wcwidth 6
        let lines = wrapper.wrap(family, width: 4)
        #expect(lines.map(\.text).joined() == family)
        #expect(lines.allSatisfy { $0.width <= 4 })
    }

    /// An unbreakable run many grapheme windows long is cut greedily, line after line, only between
    /// graphemes: each line as full as the next grapheme lets it be.
    @Test(arguments: [2, 3, 7])
    func cutsALongUnbreakableRunGreedilyBetweenGraphemes(width: Int) {
        // Latin letters with combining marks and Hangul (kept whole, keep-all): no break opportunity.
        let graphemes = ["e\u{301}", "x\u{301}\u{302}", "a", "ñ", "한", "글"]
        var random = SplitMix64(seed: 11)
        let run = (0..<6_000).map { _ in graphemes[Int(random.next() % UInt64(graphemes.count))] }
        let text = run.joined()
        let lines = wrapper.wrap(text, width: width)
        #expect(lines.map(\.text).joined() == text)
        var next = 0
        for (index, line) in lines.enumerated() {
            var taken = "", columns = 0
            while next < run.count, taken.count < line.text.count {
                taken += run[next]
                columns += GlibcWcwidth.of(run[next])
                next += 1
            }
            #expect(taken == line.text, "line \(index) is not cut between graphemes")
            #expect(columns <= width || line.text.count == 1)
            if next < run.count, columns + GlibcWcwidth.of(run[next]) <= width {
                Issue.record("line \(index) (\(columns) columns) has room for the next grapheme")
                break
            }
        }
    }

    @Test func wrapsAtNarrowWidthsWithoutLooping() {
        for width in 2...6 {
            for (_, text) in Self.texts {
                let lines = wrapper.wrap(text, width: width)
                #expect(lines.allSatisfy { $0.width <= max(width, 2) })
            }
        }
    }

    @Test func keepsPreformattedLinesAndSplitsOnlyWhatIsTooWide() {
        let lines = wrapper.split("    let x = 1 // 中文注释很长很长很长", width: 20).map(\.text)
        #expect(lines.first?.hasPrefix("    let x") == true)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 20 })
        #expect(lines.joined() == "    let x = 1 // 中文注释很长很长很长")
    }

    @Test func recordsWhereEachLineStartsInTheParagraph() {
        let text = "alpha beta gamma delta epsilon zeta"
        let units = Array(text.utf16)
        for line in wrapper.wrap(text, width: 11) {
            let from = String(decoding: units[line.start...], as: UTF16.self)
            #expect(from.hasPrefix(line.text))
        }
    }

    /// A paragraph longer than the window is wrapped a window at a time, each from the last
    /// line the one before left unfinished: line for line what wrapping it whole gives, with a
    /// hashtag kept whole across a window's end.
    @Test(arguments: [2, 7, 33, 80])
    func aParagraphWrappedAWindowAtATimeIsTheParagraphWrappedWhole(_ width: Int) {
        let long = "https://example.com/" + String(repeating: "segment/", count: 60)
        let paragraph = (0..<12).map { Self.texts[$0 % Self.texts.count].1 }.joined(separator: " ") + " " + long + " #话题标签 "
            + String(repeating: "連続する漢字の長い列", count: 40) + " end."
        let tag = (paragraph as NSString).range(of: "#话题标签")
        let unbroken = [tag.location..<(tag.location + tag.length)]
        let whole = wrapper.wrap(paragraph, width: width, unbroken: unbroken, window: .max)
        for window in [97, 300, 1_000] {
            let windowed = wrapper.wrap(paragraph, width: width, unbroken: unbroken, window: window)
            #expect(windowed == whole, "window \(window): \(windowed.count) lines, \(whole.count) whole")
        }
    }
}
