import Foundation
import Testing
@testable import ReaderCore

@Suite struct ArticleLayoutTests {
    let renderer = ArticleRenderer(wrapper: TestSupport.wrapper())

    func sample(_ id: String) throws -> Article {
        let url = TestSupport.samples.appendingPathComponent(id)
        return try ArticleLoader().load(path: url.path, format: ArticleFormat(fileName: id)!, fallbackTitle: id)
    }

    @Test func startsWithTheTitleThenTheMetadataLine() throws {
        let article = try sample("zh/compiler-release-notes.txt")
        let lines = renderer.layout(article, width: 40).lines
        #expect(lines[0].style == .title)
        #expect(article.title.hasPrefix(lines[0].text))
        #expect(lines.contains { $0.style == .metadata && $0.text.contains("2024-03-21") })
    }

    @Test(arguments: [14, 17, 22, 31])
    func aHashtagOnTheMetadataLineIsNeverSplit(width: Int) {
        let tags = ["城市图书馆", "古籍修复", "night-reading", "夜读"]
        let metadata = ArticleMetadata(date: "2024-05-18", author: "王小明", tags: tags)
        let article = Article(title: "图书馆", metadata: metadata, format: .markdown,
                              page: [Block(kind: .paragraph, text: "正文。")], links: [])
        let lines = renderer.layout(article, width: width).lines.filter { $0.style == .metadata }
        #expect(lines.count > 1)
        for tag in tags { #expect(lines.contains { $0.text.contains("#" + tag) }, "#\(tag) split at \(width)") }
        #expect(lines.contains { $0.text.contains("1 min") }, "the reading time split at \(width)")
        #expect(lines.allSatisfy { $0.width <= width })
        #expect(ArticleMetadata.tagRanges(in: "2024 · #a #bc d").count == 2)
        #expect(ArticleMetadata.tagRanges(in: "2024 · Ann").isEmpty)
        #expect(ArticleMetadata.unbrokenRanges(in: "2024-05-18 · Ann · 12 min") == [19..<25])
    }

    @Test(arguments: [(40, 23), (80, 33), (21, 60)])
    func aPositionSurvivesRewrappingAtANewWidth(from: Int, to: Int) throws {
        let article = try sample("ja/ramen-shop-visit.txt")
        let before = renderer.layout(article, width: from)
        let after = renderer.layout(article, width: to)
        #expect(before.length == after.length)
        for index in stride(from: 0, to: before.lines.count, by: 7) where before.lines[index].style != .blank {
            let offset = before.lines[index].offset
            let line = after.lines[after.lineIndex(forOffset: offset)]
            // The line that now holds the offset starts at or before it, and the next one after it.
            #expect(line.offset <= offset)
            let next = after.lineIndex(forOffset: offset) + 1
            if next < after.lines.count { #expect(after.lines[next].offset > offset || after.lines[next].style == .blank) }
        }
    }

    @Test func offsetsNeverGoBackwards() throws {
        let article = try sample("en/sourdough-neighborhood-bakery.md")
        let lines = renderer.layout(article, width: 33).lines
        for (a, b) in zip(lines, lines.dropFirst()) { #expect(a.offset <= b.offset) }
    }

    @Test func listItemsHangUnderTheirMarker() throws {
        let article = try sample("zh/city-library-reopens.txt")
        let lines = renderer.layout(article, width: 30).lines
        let start = try #require(lines.firstIndex { $0.text.hasPrefix("• ") })
        if start + 1 < lines.count, lines[start + 1].style == .body, !lines[start + 1].text.hasPrefix("• "), !lines[start + 1].text.isEmpty {
            #expect(lines[start + 1].text.hasPrefix("  "))
        }
    }

    @Test func fullPageShowsTheChromeTheBodyLeavesOut() throws {
        let article = try sample("zh/city-library-reopens.txt")
        let body = renderer.layout(article, width: 80).text
        let full = renderer.layout(article, width: 80, full: true).text
        #expect(!body.contains("相关推荐"))
        #expect(full.contains("相关推荐"))
        #expect(full.count > body.count)
    }

    @Test func paginatesIntoPagesThePageKeysVisit() {
        let pages = Paginator(lineCount: 95, rows: 20)
        #expect(pages.lastTop == 75)
        #expect(pages.pageCount == 5)
        #expect(pages.page(forTop: 0) == 1)
        #expect(pages.page(forTop: 20) == 2)
        #expect(pages.page(forTop: 74) == 4)
        #expect(pages.page(forTop: 75) == 5)
        #expect((1...5).map(pages.top(ofPage:)) == [0, 20, 40, 60, 75])
        // Forward and back, the page keys step through the pages one by one.
        #expect(pages.nextPageTop(from: 60) == 75)
        #expect(pages.previousPageTop(from: 75) == 60)
        #expect(pages.page(forTop: pages.previousPageTop(from: 75)) == 4)
        // From inside a page, back goes to its start first, and on to the next page's start.
        #expect(pages.previousPageTop(from: 45) == 40)
        #expect(pages.nextPageTop(from: 45) == 60)
        #expect(pages.nextPageTop(from: 75) == 75)
        #expect(pages.previousPageTop(from: 0) == 0)
    }

    @Test func thePercentageIsZeroAtTheTopAndOneHundredAtTheEnd() {
        let pages = Paginator(lineCount: 95, rows: 20)
        #expect(pages.percent(forTop: 0) == 0)
        #expect(pages.percent(forTop: 74) == 98)
        #expect(pages.percent(forTop: 75) == 100)
        #expect(Paginator(lineCount: 5, rows: 20).percent(forTop: 0) == 100)
        #expect(Paginator(lineCount: 20, rows: 20).pageCount == 1)
        #expect(Paginator(lineCount: 21, rows: 20).pageCount == 2)
        #expect(Paginator(lineCount: 0, rows: 20).pageCount == 1)
    }
}
