import Foundation
import Testing
@testable import ReaderCore

/// Reader mode on text dumps, rule by rule: the scoring, the title, the metadata labels, the
/// exports, and the line breaks around quotation marks between CJK characters.
@Suite struct DumpReaderModeTests {
    static func parse(_ text: String) -> Article { ArticleParser.parse(text, format: .text, fallbackTitle: "file-name") }

    static let prose = "The committee met for six hours on Tuesday, and by the evening its members had agreed on a plan. "
        + "Work will start in spring, the chair said, once the last permits arrive."

    @Test func proseScoresAboveMenusAndFormFields() {
        let p = { (text: String, kind: Block.Kind) in ArticleRegion.likelihood(Block(kind: kind, text: text)) }
        #expect(p(Self.prose, .paragraph) > 0.9)
        #expect(p("十月八日清晨六点，江城地铁十号线首班车从滨江站准时发车。这条线路全长三十二公里，连接老城区与东部新区。", .paragraph) > 0.9)
        #expect(p("[                    ] Search", .paragraph) <= ArticleRegion.chrome)
        #expect(p("[site-logo]", .paragraph) <= ArticleRegion.chrome)
        #expect(p("Share", .paragraph) <= ArticleRegion.chrome)
        #expect(p("• World", .listItem) < 0.5)
        // A run of menu items costs more than its few words.
        #expect(ArticleRegion.score(words: ArticleRegion.Counts("• World").weight, likelihood: 0.3) <= -3)
    }

    @Test func theArticleIsTheBestRunNotTheFirstProse() {
        let menu = (1...30).map { "• Section \($0)" }.joined(separator: "\n")
        let teaser = "A short teaser that ends a sentence, with a comma, here."
        let related = (1...20).map { "• Related story number \($0)" }.joined(separator: "\n")
        let text = "\(menu)\n\n\(teaser)\n\n\(menu)\n\nThe Plan for the River Park\n\n\(Self.prose)\n\n\(Self.prose)\n\n\(related)\n"
        let article = Self.parse(text)
        #expect(article.title == "The Plan for the River Park")
        #expect(article.body.count == 2)
        #expect(article.notice == nil)
    }

    @Test func aDumpWithNoClearArticleIsShownWholeWithANotice() {
        let article = Self.parse("Home\n\nAbout\n\nContact us\n\nTest Case 2\n")
        #expect(article.notice == Article.noClearArticle)
        #expect(article.body.map(\.text) == ["Home", "About", "Contact us", "Test Case 2"])
    }

    @Test func aDumpWithNoClearArticleSaysSoOnTheStatusLineAndInShow() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("reader-noarticle-\(UUID())")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try "Home\n\nAbout us\n\nContact\n".write(to: root.appendingPathComponent("menu.txt"), atomically: true, encoding: .utf8)
        let app = try AppDriver(width: 100, height: 30, library: Library(root: root.path))
        app.open("menu.txt")
        #expect(app.screen.text.contains(Article.noClearArticle), "\(app.screen.text)")
        #expect(app.screen.text.contains("Contact"))
        let run = try CommandLineTests.run(["show", root.appendingPathComponent("menu.txt").path, "--width", "60"])
        #expect(run.status == 0)
        #expect(run.stderr.contains(Article.noClearArticle))
        #expect(run.stdout.contains("About us"))
    }

    @Test func aTitleLineNamesTheDump() {
        let article = Self.parse("Title: Notes on Winter Cycling\nSaved: yesterday\n\n\(Self.prose)\n\n\(Self.prose)\n")
        #expect(article.title == "Notes on Winter Cycling")
    }

    @Test func bylinesDatesAndSourcesByTheirLabels() {
        #expect(MetadataScanner.author(in: "新浪科技 作者：王小明") == "王小明")
        #expect(MetadataScanner.author(in: "山田花子 記者") == "山田花子")
        #expect(MetadataScanner.author(in: "By Jane Doe") == "Jane Doe")
        #expect(MetadataScanner.author(in: "2024-10-08 · 分享到：微博 微信") == nil)
        #expect(MetadataScanner.sourceName(in: "来源：江城晨报") == "江城晨报")
        #expect(MetadataScanner.sourceName(in: "Source: Reuters") == "Reuters")
        #expect(MetadataScanner.sourceName(in: "来源：https://example.com/a") == nil)
        #expect(MetadataScanner.date(in: "2024年10月08日 14:21") == "2024-10-08")
        #expect(MetadataScanner.date(in: "令和6年10月8日") == "2024-10-08")
        #expect(MetadataScanner.date(in: "平成元年1月8日") == "1989-01-08")
        #expect(MetadataScanner.date(in: "2024.10.08") == "2024-10-08")
        #expect(MetadataScanner.date(in: "发布时间：2024-10-08") == "2024-10-08")
        #expect(PageChrome.isInterfaceLine("分享到：微博 微信"))
        #expect(!PageChrome.isInterfaceLine("Copy linkage between the two systems"))
        #expect(PageChrome.isInterfaceLine("Copy link"))
    }

    @Test func numberedReferenceLinesKeepTheirURLAndNoNumberAsLabel() {
        let text = "A Bridge Story\n\n\(Self.prose)\n\n\(Self.prose)\n\nReferences\n\n1. https://history.example.org/crossings\n"
            + "2. Town minutes, 1909 https://archive.example.org/1909\n"
        let article = Self.parse(text)
        let links = article.links.filter { $0.url.contains("example.org") }
        #expect(links.map(\.url) == ["https://history.example.org/crossings", "https://archive.example.org/1909"])
        #expect(links[0].label == nil)
        #expect(links[1].label == "Town minutes, 1909")
    }

    @Test func newsboatsMarksBecomeTheReadersOwnCitations() {
        let text = "Feed: Weekly\nTitle: Gulls\nAuthor: A. Writer\nDate: Tue, 08 Oct 2024 10:15:00 +0000\nLink: https://w.example.com/gulls\n\n"
            + "Gulls learn fast[1], and remember faces[2].\n\nLinks: \n[1]: https://a.example.com/learn (link)\n[2]: https://b.example.com/faces (link)\n"
        let article = Self.parse(text)
        #expect(article.title == "Gulls")
        #expect(article.metadata.source == "https://w.example.com/gulls")
        #expect(article.links.map(\.url) == ["https://w.example.com/gulls", "https://a.example.com/learn", "https://b.example.com/faces"])
        #expect(article.body.map(\.text) == ["Gulls learn fast[2], and remember faces[3]."])
    }

    @Test func theFastLowercaseIsTheSameAsTheSlowOne() {
        let texts = ["分享到：微博 微信", "Copy LINK", "ÉCOLE Ünïcödé", "ΑΒΓ Привет", "ＦＵＬＬ ｗｉｄｔｈ", "𐐀 Deseret",
                     "記者 2024年10月8日", "İstanbul", "ẞ straße", "한국어 ABC", "", "123 - 456"]
        for text in texts { #expect(text.lowercasedFast == text.lowercased(), "\(text)") }
    }

    @Test func aQuotationMarkBetweenCJKCharactersMayStartALine() {
        let wrapper = TestSupport.wrapper()
        let text = "老师在黑板上写下一个字问大家句号“。”放在引号里面该怎么读"
        let lines = wrapper.wrap(text, width: 33).map(\.text)
        #expect(lines.first.map { DisplayWidth.of($0) } == 32, "\(lines)")
        #expect(lines.dropFirst().first?.hasPrefix("“。”") == true, "\(lines)")
        // Between Latin letters a quotation mark still holds on to its word.
        #expect(wrapper.wrap("say “hello” now", width: 9).map(\.text).allSatisfy { !$0.hasSuffix("“") })
    }

    /// A dump whose site header runs past the first 8 KiB: the list reads far enough to find
    /// the same title `show` finds.
    @Test func theListFindsTheTitleOfADumpBehindALongSiteHeader() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let menu = (0..<700).map { "  * Menu item \($0)" }.joined(separator: "\n")
        let article = (0..<12).map { _ in
            "The festival returned to the harbour after five years, and the boats were dressed in flags from bow to stern."
        }.joined(separator: "\n\n")
        try folder.write("library/festival.txt", menu + "\n\nThe Harbour Festival Returns After Five Years\n\nBy Ann Lee\n\n" + article + "\n")
        let library = Library(root: folder.path + "/library")
        let entry = try #require(try library.entries().entries.first)
        let shown = try ArticleLoader().load(path: entry.path, format: .text, fallbackTitle: "festival")
        #expect(shown.title == "The Harbour Festival Returns After Five Years")
        #expect(entry.title == shown.title)
    }
}
