import Foundation
import Testing
@testable import ReaderCore

/// How a page's structure becomes blocks and lines: lists, tables, ruby, line breaks, figures.
@Suite struct HTMLBlockBuilderTests {
    /// The blocks of `body` (the inside of `<body>`), all of it the article.
    static func blocks(_ body: String, source: String? = "https://example.com/a/page.html") -> [Block] {
        let document = HTMLParser.parse("<!doctype html><html><body>" + body + "</body></html>")
        let root = document.first("body")!
        root.role = .body
        return HTMLBlockBuilder.blocks(of: root, role: .chrome, resolver: URLResolver(source: source, baseHref: nil))
    }

    static func shown(_ body: String, width: Int = 40) -> [String] {
        let article = HTMLArticleParser.parse("<html><head><title>T</title></head><body><article>" + body + "</article></body></html>",
                                              format: .html, fallbackTitle: "T")
        let lines = ArticleRenderer(wrapper: Wrapper(breaker: LineBreaker()!)).layout(article, width: width).lines
        // The body: after the title, the metadata line and the blank line under them.
        return lines.drop { $0.style != .blank }.dropFirst().map(\.text)
    }

    @Test func nestedListsKeepTheirNumbersAndIndent() {
        let blocks = Self.blocks("<ol start=3><li>three<ul><li>inner</li></ul>more of three</li><li>four</li></ol>")
        #expect(blocks.map(\.text) == ["3. three", "◦ inner", "more of three", "4. four"])
        #expect(blocks.map(\.depth) == [0, 1, 1, 0])
        #expect(blocks.map(\.kind) == [.listItem, .listItem, .paragraph, .listItem])
    }

    @Test func reversedListsCountDownAndValueResetsTheCount() {
        let blocks = Self.blocks("<ol reversed><li>a</li><li>b</li></ol><ol><li value=7>x</li><li>y</li></ol>")
        #expect(blocks.map(\.text) == ["2. a", "1. b", "7. x", "8. y"])
    }

    @Test func taskListItemsShowTheirBoxes() {
        let blocks = Self.blocks(#"<ul><li><input type="checkbox" checked> done</li><li><input type="checkbox"> todo</li></ul>"#)
        #expect(blocks.map(\.text) == ["☑ done", "☐ todo"])
    }

    @Test func rubyShowsItsReadingInBrackets() {
        let blocks = Self.blocks("<p><ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby>を読む。<ruby>東<rt>とう</rt>京<rt>きょう</rt></ruby></p>")
        #expect(blocks.map(\.text) == ["漢字(かんじ)を読む。東(とう)京(きょう)"])
    }

    @Test func aLineBreakBetweenCJKCharactersJoinsThemButKoreanKeepsItsSpace() {
        let blocks = Self.blocks("<p>日本語の\n文章です。</p><p>한국어\n문장</p><p>two\nwords</p>")
        #expect(blocks.map(\.text) == ["日本語の文章です。", "한국어 문장", "two words"])
    }

    @Test func brBreaksTheLineAndTwoBrsEndTheParagraph() {
        let blocks = Self.blocks("<div>first line<br>second line<br><br>next paragraph</div>")
        #expect(blocks.map(\.text) == ["first line\nsecond line", "next paragraph"])
        let lines = Self.shown("<div>first line<br>second line</div>")
        #expect(lines == ["first line", "second line"])
    }

    @Test func figuresShowTheirImageAndCaptionAndDecorativeImagesNothing() {
        let blocks = Self.blocks(#"<figure><img src="a.png" alt="A heron"><figcaption>At dawn.</figcaption></figure><img src="x.gif" alt=""><img src="y.png">"#)
        #expect(blocks.map(\.text) == ["[image: A heron]", "At dawn.", "[image]"])
    }

    @Test func anAltThatIsOnlyAFileNameDescribesNothing() {
        let blocks = Self.blocks(#"<p><img src="a.jpg" alt="IMG_0042.JPG"> <img src="b.png" alt="heron logo.png"></p>"#)
        #expect(blocks.map(\.text) == ["[image] [image]"])
        #expect(Self.blocks(#"<p><img src="d.png" alt="the v2.png format, drawn"></p>"#).map(\.text) == ["[image: the v2.png format, drawn]"])
        #expect(Self.blocks(#"<p><img src="c.png" alt="A heron at dawn, 2024"></p>"#).map(\.text) == ["[image: A heron at dawn, 2024]"])
    }

    @Test func headingsQuotesCodeRulesAndDefinitions() {
        let blocks = Self.blocks("<h2>Part</h2><blockquote><p>quoted</p></blockquote><pre>  a\n    b\n</pre><hr><dl><dt>term</dt><dd>meaning</dd></dl>")
        #expect(blocks.map(\.kind) == [.heading, .quote, .preformatted, .rule, .paragraph, .paragraph])
        #expect(blocks[2].text == "  a\n    b")
        #expect(blocks.map(\.depth) == [0, 1, 0, 0, 0, 1])
    }

    @Test func dataTablesBecomeAlignedColumnsByDisplayWidth() {
        let html = "<table><thead><tr><th>城市</th><th>Rain</th></tr></thead><tr><td>東京</td><td>12 mm</td></tr><tr><td>Oslo</td><td>3 mm</td></tr></table>"
        #expect(Self.blocks(html).map(\.kind) == [.table])
        let lines = Self.shown(html)
        #expect(lines == ["城市  Rain", "東京  12 mm", "Oslo  3 mm"])
        for line in lines { #expect(DisplayWidth.of(line) <= 40) }
    }

    @Test func aTableTooWideBecomesARowPerLine() {
        let html = "<table><tr><th>Name</th><th>Description</th></tr><tr><td>alpha</td><td>"
            + String(repeating: "long text ", count: 8) + "</td></tr></table>"
        let lines = Self.shown(html, width: 30)
        #expect(lines.first == "Name │ Description")
        #expect(lines.dropFirst().first?.hasPrefix("alpha │ long") == true)
        for line in lines { #expect(DisplayWidth.of(line) <= 30) }
    }

    @Test func layoutTablesAreShownAsTheirBlocks() {
        let blocks = Self.blocks("<table><tr><td><h2>Title</h2><p>Body text.</p></td><td><p>Side.</p></td></tr></table>")
        #expect(blocks.map(\.kind) == [.heading, .paragraph, .paragraph])
    }

    @Test func linksAreResolvedAndLabelledAndFragmentsAreNotLinks() {
        let blocks = Self.blocks(##"<p>See <a href="../b.html">the other page</a>, <a href="#top">top</a> and <a href="javascript:void(0)">js</a>.</p>"##)
        let links = blocks[0].inlineLinks
        #expect(links.map(\.url) == ["https://example.com/b.html", "javascript:void(0)"])
        #expect(links.map(\.label) == ["the other page", "js"])
        let text = blocks[0].text as NSString
        #expect(text.substring(to: links[0].markerOffset).hasSuffix("the other page"))
    }

    @Test func markedTextIsHighlightedOnItsLines() {
        let article = HTMLArticleParser.parse("<body><article><p>plain <mark>bright words</mark> plain</p></article></body>", format: .html,
                                              fallbackTitle: "T")
        let layout = ArticleRenderer(wrapper: Wrapper(breaker: LineBreaker()!)).layout(article, width: 12)
        let marked = layout.lines.flatMap { line in line.highlights.map { (line.text as NSString).substring(with: NSRange($0)) } }
        #expect(marked == ["bright", "words"])
    }

    @Test func hiddenScriptAndStyleTextIsNeverShown() {
        let blocks = Self.blocks(#"<p hidden>gone</p><p style="display: none">gone</p><p aria-hidden="true">gone</p><script>var gone</script><style>p{}</style><noscript>gone</noscript><template>gone</template><p>kept</p>"#)
        #expect(blocks.map(\.text) == ["kept"])
    }

    @Test func inlinedImagesAndStylesAreTakenOutBeforeParsingAndThePageIsTheSame() {
        let payload = String(repeating: "iVBORw0KGgoAAAANSUhEUgAA", count: 400)
        let html = "<style>p { color: red } .x { background: url(data:image/png;base64,\(payload)) }</style>"
            + "<p>Before <img alt=\"a heron\" src=\"data:image/png;base64,\(payload)\"> after.</p>"
            + "<p><a href=\"data:text/plain,short\">short data link</a></p>"
        let pruned = HTMLPayloadPruner.pruned(Array(html.utf8))
        #expect(pruned.count < 300)
        #expect(String(decoding: pruned, as: UTF8.self).contains("data:text/plain,short"))
        #expect(Self.blocks(html).map(\.text) == ["Before [image: a heron] after.", "short data link"])
    }

    @Test func aPageWithNoArticleSaysSoAndShowsWhatItHas() {
        let empty = HTMLArticleParser.parse("<html><head><title>Nothing here</title></head><body><nav><a href=/>Home</a></nav></body></html>",
                                            format: .html, fallbackTitle: "f")
        #expect(empty.notice != nil)
        let article = HTMLArticleParser.parse("<body><article><p>" + String(repeating: "A sentence of the article, with a comma. ", count: 20)
                                              + "</p></article></body>", format: .html, fallbackTitle: "f")
        #expect(article.notice == nil)
    }

    @Test func controlsFromEntitiesAreSanitized() {
        let text = Self.blocks("<p>a&#x1b;[31mred&#x202e;b&#x7;c\u{7}d&#x9b;</p>").map(\.text).joined()
        #expect(text.hasPrefix("aredb"))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" })
        // A numeric reference into 0x80-0x9F means windows-1252, as the HTML standard says: not a C1 control.
        #expect(text.hasSuffix("›"))
    }
}
