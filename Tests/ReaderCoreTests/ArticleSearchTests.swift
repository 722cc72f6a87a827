import Foundation
import Testing
@testable import ReaderCore

@Suite struct ArticleSearchTests {
    let renderer = ArticleRenderer(wrapper: TestSupport.wrapper())

    static let orchard = """
        Searching Saved Articles: Apples and Pears

        The reader keeps every article you save. A search for apples should find each apples in this article, in reading order, and the highlight must cover exactly the word apples.

        Orchards grow apples and pears side by side. Nobody in the orchard had ever weighed the pears before the autumn fair.

        • first item mentions apples
        • second item is a much longer line about pears and apples that has to wrap onto another line when narrow

        > quoted apples from an old orchard manual that also wraps onto another line when the screen is narrow

        数据库的查询引擎在新版本中变得更快，维护团队说这次重写花了十四个月，几千个旧测试全部通过。
        """

    static let chinese = """
        中文换行测试

        青石项目最初由几位高校研究人员在业余时间发起，目前已有来自二十多家公司的三百余名贡献者参与开发。新版本引入了向量化执行引擎，过去数据库每次只处理一行数据，现在引擎会一次处理一批数据。
        """

    func laidOut(_ text: String, width: Int) -> ArticleLayout {
        renderer.layout(ArticleParser.parse(text, format: .text, fallbackTitle: "fallback"), width: width)
    }

    /// The part of `text` at UTF-16 offsets `range`.
    func slice(_ text: String, _ range: Range<Int>) -> String {
        String(decoding: Array(text.utf16)[range], as: UTF16.self)
    }

    /// The text a match highlights: its pieces, joined.
    func highlighted(_ match: ArticleSearch.Match, in layout: ArticleLayout) -> String {
        match.pieces.map { slice(layout.lines[$0.line].text, $0.range) }.joined()
    }

    /// Where lowercase ASCII `word` occurs in each line's text, found without the search code.
    func occurrences(of word: String, in layout: ArticleLayout) -> [ArticleSearch.Piece] {
        let needle = Array(word.utf16)
        var found: [ArticleSearch.Piece] = []
        for (index, line) in layout.lines.enumerated() where line.style != .blank {
            let units = Array(line.text.lowercased().utf16)
            var at = 0
            while at + needle.count <= units.count {
                if Array(units[at..<(at + needle.count)]) == needle {
                    found.append(ArticleSearch.Piece(line: index, range: at..<(at + needle.count)))
                    at += needle.count
                } else {
                    at += 1
                }
            }
        }
        return found
    }

    /// A break inside a CJK paragraph: the last character of a body line and the first of the
    /// next, which occur together only there, and the first of the two lines.
    static func wrappedPair(in layout: ArticleLayout) -> (query: String, line: Int)? {
        for index in layout.lines.indices.dropLast() {
            let line = layout.lines[index], next = layout.lines[index + 1]
            guard line.style == .body, next.style == .body, line.offset + line.text.utf16.count == next.offset,
                  let last = line.text.last, let first = next.text.first else { continue }
            let query = String(last) + String(first)
            if layout.document.text.components(separatedBy: query).count == 2 { return (query, index) }
        }
        return nil
    }

    /// A break inside an English paragraph: the last word of a body line, a space, and the
    /// first word of the next, which occur only there, and the first of the two lines.
    static func wrappedPhrase(in layout: ArticleLayout) -> (query: String, line: Int)? {
        for index in layout.lines.indices.dropLast() {
            let line = layout.lines[index], next = layout.lines[index + 1]
            guard line.style == .body, next.style == .body, line.offset + line.text.utf16.count + 1 == next.offset,
                  let last = line.text.split(separator: " ").last, let first = next.text.split(separator: " ").first,
                  last.allSatisfy(\.isLetter), first.allSatisfy(\.isLetter) else { continue }
            let query = String(last) + " " + String(first)
            if layout.document.text.components(separatedBy: query).count == 2 { return (query, index) }
        }
        return nil
    }

    // MARK: - Finding

    @Test(arguments: [80, 30, 17])
    func findsEveryMatchInReadingOrderOnTheLineThatShowsIt(width: Int) {
        let layout = laidOut(Self.orchard, width: width)
        let search = ArticleSearch(query: "apples", in: layout)
        let expected = occurrences(of: "apples", in: layout)
        #expect(expected.count == 8)  // title, 3 + 1 in paragraphs, 2 in the list, 1 in the quote
        #expect(search.matches.count == layout.document.text.lowercased().components(separatedBy: "apples").count - 1)
        #expect(search.matches.flatMap(\.pieces) == expected)
        #expect(search.matches.allSatisfy { $0.pieces.count == 1 })
        #expect(zip(search.matches, search.matches.dropFirst()).allSatisfy { $0.range.upperBound <= $1.range.lowerBound && $0.line <= $1.line })
        for match in search.matches {
            #expect(slice(layout.document.text, match.range).lowercased() == "apples")
            #expect(TextFolder.fold(highlighted(match, in: layout)) == TextFolder.fold("apples"))
        }
    }

    @Test func matchingIgnoresCase() throws {
        let layout = laidOut(Self.orchard, width: 60)
        let lower = ArticleSearch(query: "apples", in: layout)
        let upper = ArticleSearch(query: "APPLES", in: layout)
        #expect(upper.matches == lower.matches)
        let title = try #require(upper.matches.first)
        #expect(title.line == 0)
        #expect(layout.lines[0].style == .title)
        #expect(highlighted(title, in: layout) == "Apples")
    }

    @Test func aFullwidthQueryFindsASCIIText() {
        let layout = laidOut(Self.orchard, width: 40)
        let ascii = ArticleSearch(query: "apples", in: layout)
        let fullwidth = ArticleSearch(query: "ａｐｐｌｅｓ", in: layout)
        #expect(fullwidth.matches.count == 8)
        #expect(fullwidth.matches == ascii.matches)
        #expect(ArticleSearch(query: "ＡＰＰＬＥＳ", in: layout).matches == ascii.matches)
    }

    @Test func aCJKQueryHighlightsTheCharactersItMatched() throws {
        let layout = laidOut(Self.orchard, width: 80)
        let search = ArticleSearch(query: "查询引擎", in: layout)
        let match = try #require(search.matches.first)
        #expect(search.matches.count == 1)
        #expect(match.pieces.count == 1)
        #expect(highlighted(match, in: layout) == "查询引擎")
        #expect(slice(layout.document.text, match.range) == "查询引擎")
    }

    @Test func aQueryInHalfwidthKatakanaFindsFullwidthKatakana() throws {
        let layout = laidOut("カタカナの見出し\n\n本文にはカタカナとひらがなが混ざっています。これは検索のための文章です。", width: 40)
        let search = ArticleSearch(query: "ｶﾀｶﾅ", in: layout)
        #expect(search.matches.count == 2)
        for match in search.matches { #expect(highlighted(match, in: layout) == "カタカナ") }
    }

    /// A match in a fullwidth or Cyrillic word highlights the matched letters, not the word's start.
    @Test func aMatchInsideAFullwidthOrCyrillicWordHighlightsOnlyTheMatchedLetters() throws {
        let layout = laidOut("Letters of many scripts\n\nThe word ＡＢＣＤＥＦ is written in fullwidth letters, and Москва is a city in Russia.", width: 80)
        let fullwidth = try #require(ArticleSearch(query: "cd", in: layout).matches.first)
        #expect(highlighted(fullwidth, in: layout) == "ＣＤ")
        #expect(slice(layout.document.text, fullwidth.range) == "ＣＤ")
        let cyrillic = try #require(ArticleSearch(query: "сква", in: layout).matches.first)
        #expect(highlighted(cyrillic, in: layout) == "сква")
        #expect(slice(layout.document.text, cyrillic.range) == "сква")
    }

    /// Text saved in decomposed form (as macOS file names and some pages have it) is found by a
    /// query typed precomposed, and the other way round.
    @Test func aPrecomposedQueryFindsTextWrittenWithCombiningMarks() throws {
        let layout = laidOut("Notes\n\nA \u{30AB}\u{3099}\u{30A4}\u{30C8}\u{3099} to the cafe\u{301} near the station.", width: 80)
        let kana = ArticleSearch(query: "\u{30AC}\u{30A4}\u{30C9}", in: layout).matches  // ガイド
        #expect(kana.count == 1)
        #expect(kana.first.map { highlighted($0, in: layout).unicodeScalars.count } == 5)
        let cafe = ArticleSearch(query: "caf\u{E9}", in: layout).matches  // café
        #expect(cafe.count == 1)
        #expect(cafe.first.map { highlighted($0, in: layout).unicodeScalars.map(\.value) } == [0x63, 0x61, 0x66, 0x65, 0x301])
        let precomposed = laidOut("Notes\n\nA \u{30AC}\u{30A4}\u{30C9} to the caf\u{E9} near the station.", width: 80)
        #expect(ArticleSearch(query: "\u{30AB}\u{3099}\u{30A4}\u{30C8}\u{3099}", in: precomposed).matches.count == 1)
        #expect(ArticleSearch(query: "cafe\u{301}", in: precomposed).matches.count == 1)
    }

    @Test func anEmptyQueryFindsNothing() {
        let layout = laidOut(Self.orchard, width: 80)
        let search = ArticleSearch(query: "", in: layout)
        #expect(search.matches.isEmpty)
        #expect(search.first(atOrAfterLine: 0) == nil)
        #expect(ArticleSearch(query: "\u{202E}\u{7}", in: layout).matches.isEmpty)  // folds to nothing once sanitized
    }

    @Test func aQueryThatOccursNowhereFindsNothing() {
        let layout = laidOut(Self.orchard, width: 80)
        #expect(ArticleSearch(query: "bananas", in: layout).matches.isEmpty)
        #expect(ArticleSearch(query: "数据仓库", in: layout).matches.isEmpty)
    }

    @Test func aPrebuiltIndexGivesTheSameMatches() {
        let layout = laidOut(Self.orchard, width: 30)
        let index = ArticleSearch.Index(layout)
        for query in ["apples", "pears", "查询", "ＰＥＡＲＳ"] {
            #expect(ArticleSearch(query: query, in: layout, index: index).matches == ArticleSearch(query: query, in: layout).matches)
        }
    }

    // MARK: - Wrapped lines, list items, quotes

    /// A CJK word the wrapper split over two lines gives two pieces, one on each line.
    @Test(arguments: [12, 14, 20])
    func aCJKWordWrappedAcrossTwoLinesGivesTwoPiecesOnConsecutiveLines(width: Int) throws {
        let layout = laidOut(Self.chinese, width: width)
        let (query, first) = try #require(Self.wrappedPair(in: layout), "no line break between two characters at width \(width)")
        let search = ArticleSearch(query: query, in: layout)
        let match = try #require(search.matches.first)
        #expect(search.matches.count == 1)
        let firstLine = layout.lines[first].text
        #expect(match.pieces == [ArticleSearch.Piece(line: first, range: (firstLine.utf16.count - 1)..<firstLine.utf16.count),
                                 ArticleSearch.Piece(line: first + 1, range: 0..<1)])
        #expect(match.line == first)
        #expect(highlighted(match, in: layout) == query)
        #expect(slice(layout.document.text, match.range) == query)
        // Wide enough for the whole paragraph on one line, the same match is one piece.
        let wide = laidOut(Self.chinese, width: 400)
        let whole = try #require(ArticleSearch(query: query, in: wide).matches.first)
        #expect(whole.pieces.count == 1)
        #expect(whole.range == match.range)
    }

    @Test(arguments: [30, 45])
    func anEnglishPhraseWrappedAcrossLinesHighlightsBothPartsButNotTheSpace(width: Int) throws {
        let layout = laidOut(Self.orchard, width: width)
        let (query, first) = try #require(Self.wrappedPhrase(in: layout), "no line break between two words at width \(width)")
        let search = ArticleSearch(query: query, in: layout)
        let match = try #require(search.matches.first)
        #expect(search.matches.count == 1)
        #expect(match.pieces.map(\.line) == [first, first + 1])
        #expect(match.pieces.map { slice(layout.lines[$0.line].text, $0.range) }.joined(separator: " ") == query)
        #expect(slice(layout.document.text, match.range) == query)
    }

    @Test(arguments: [80, 30])
    func listItemsHighlightTheColumnsAfterTheirMarker(width: Int) throws {
        let layout = laidOut(Self.orchard, width: width)
        let first = try #require(ArticleSearch(query: "first", in: layout).matches.first)
        #expect(first.pieces.count == 1)
        let line = layout.lines[first.line]
        #expect(line.text.hasPrefix("• first"))
        #expect(first.pieces[0].range == 2..<7)
        // "second" begins the next item; its line also starts with the marker.
        let second = try #require(ArticleSearch(query: "second item", in: layout).matches.first)
        #expect(layout.lines[second.line].text.hasPrefix("• second item"))
        #expect(second.pieces == [ArticleSearch.Piece(line: second.line, range: 2..<13)])
    }

    /// A list's number is document text too: a match on it highlights it where it is drawn,
    /// so `n` goes to its line and not to the top.
    @Test func aMatchOnAListNumberHighlightsTheNumber() throws {
        let layout = laidOut("""
            Baking Bread at Home

            Good bread needs only flour, water, salt and time. These are the steps I follow every weekend.

            1. Mix 5 cups of flour with the water and salt.
            2. Leave the dough to rise for 5 hours.
            3. Bake it for 40 minutes.
            """, width: 60)
        let search = ArticleSearch(query: "2", in: layout)
        #expect(search.matches.count == 1)
        let match = try #require(search.matches.first)
        let line = try #require(layout.lines.firstIndex { $0.text.hasPrefix("2. Leave") })
        #expect(match.pieces == [ArticleSearch.Piece(line: line, range: 0..<1)])
        #expect(match.line == line)
        #expect(search.first(atOrAfterLine: line) == 0)
    }

    @Test func aWrappedListItemHighlightsTheColumnsAfterTheHangingIndent() throws {
        let layout = laidOut(Self.orchard, width: 30)
        let match = try #require(ArticleSearch(query: "narrow", in: layout).matches.first)
        let line = layout.lines[match.line]
        #expect(line.text.hasPrefix("  "))
        #expect(!line.text.hasPrefix("• "))
        #expect(line.textStart == 2)
        let range = try #require(match.pieces.first?.range)
        #expect(slice(line.text, range) == "narrow")
        let expected = try #require(line.text.range(of: "narrow")).utf16Range(in: line.text)
        #expect(range == expected)
    }

    @Test(arguments: [80, 30])
    func quotesHighlightTheColumnsAfterTheBar(width: Int) throws {
        let layout = laidOut(Self.orchard, width: width)
        let quoted = try #require(ArticleSearch(query: "quoted", in: layout).matches.first)
        let line = layout.lines[quoted.line]
        #expect(line.style == .quote)
        #expect(line.text.hasPrefix("│ quoted"))
        #expect(quoted.pieces == [ArticleSearch.Piece(line: quoted.line, range: 2..<8)])
        // The quote's last word, on its last line, which carries the bar too.
        let matches = ArticleSearch(query: "narrow", in: layout).matches
        let last = try #require(matches.last)
        let lastLine = layout.lines[last.line]
        #expect(lastLine.style == .quote)
        #expect(lastLine.text.hasPrefix("│ "))
        #expect(slice(lastLine.text, last.pieces[0].range) == "narrow")
    }

    // MARK: - Moving between matches

    @Test func firstAtOrAfterLineFindsTheNextMatchAndWrapsToTheFirst() throws {
        let layout = laidOut(Self.orchard, width: 30)
        let search = ArticleSearch(query: "apples", in: layout)
        let lines = search.matches.map(\.line)
        #expect(lines.count == 8)
        #expect(search.first(atOrAfterLine: 0) == 0)
        for (index, line) in lines.enumerated() {
            // The first match on that line, which may be an earlier one on the same line.
            #expect(search.first(atOrAfterLine: line) == lines.firstIndex(of: line))
            #expect(lines.firstIndex(of: line)! <= index)
        }
        // Between two matches: the later one.
        let gap = try #require(zip(lines, lines.dropFirst()).first { $0.1 > $0.0 + 1 })
        #expect(search.first(atOrAfterLine: gap.0 + 1) == lines.firstIndex(of: gap.1))
        // Past the last match: back to the first.
        #expect(search.first(atOrAfterLine: lines.last! + 1) == 0)
        #expect(search.first(atOrAfterLine: layout.lines.count + 10) == 0)
    }

    @Test func firstAtOrAfterLineCountsTheSecondLineOfAWrappedMatch() throws {
        let (query, index) = try #require(Self.wrappedPair(in: laidOut(Self.chinese, width: 12)))
        // The same two characters again in a later paragraph: the wrapped match is the first of two.
        let layout = laidOut(Self.chinese + "\n\n后来又出现了" + query + "这个词。", width: 12)
        let search = ArticleSearch(query: query, in: layout)
        #expect(search.matches.count == 2)
        #expect(search.matches.first?.pieces.map(\.line) == [index, index + 1])
        #expect(search.first(atOrAfterLine: index) == 0)
        #expect(search.first(atOrAfterLine: index + 1) == 0)
        #expect(search.first(atOrAfterLine: index + 2) == 1)
    }
}

extension Range where Bound == String.Index {
    /// This range as UTF-16 offsets in `text`.
    func utf16Range(in text: String) -> Range<Int> {
        text.utf16.distance(from: text.startIndex, to: lowerBound)..<text.utf16.distance(from: text.startIndex, to: upperBound)
    }
}
