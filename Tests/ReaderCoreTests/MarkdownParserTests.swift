import Testing
@testable import ReaderCore

@Suite struct MarkdownParserTests {
    @Test func readsFrontMatterFields() {
        let (matter, rest) = FrontMatter.split("---\ntitle: \"茶馆\"\nsource: https://example.cn/a\nsaved: 2024-06-01T10:00:00Z\nauthor: 苏青禾\ntags: [茶, travel]\n---\nBody\n")
        #expect(matter?.title == "茶馆")
        #expect(matter?.source == "https://example.cn/a")
        #expect(matter?.saved == "2024-06-01")
        #expect(matter?.author == "苏青禾")
        #expect(matter?.tags == ["茶", "travel"])
        #expect(rest == "Body\n")
    }

    @Test func survivesBrokenFrontMatter() {
        let (matter, rest) = FrontMatter.split("---\ntitle: [unclosed\n---\nBody\n")
        #expect(matter?.title == nil)
        #expect(rest == "Body\n")
    }

    @Test func sanitizesFrontMatterValues() {
        let (matter, _) = FrontMatter.split("---\ntitle: \"a\\e[31mb\\u202Ec\"\n---\n")
        #expect(matter?.title == "abc")
    }

    @Test func showsInlineMarkupAsText() {
        let blocks = MarkdownParser.blocks("Some **bold**, *em*, `code` and snake_case_name with \\*stars\\*.")
        #expect(blocks.map(\.text) == ["Some bold, em, code and snake_case_name with *stars*."])
    }

    @Test func splitsHeadingsListsQuotesAndCode() {
        let blocks = MarkdownParser.blocks("""
        # Title

        Para one
        continues here.

        - item one
        - item two
        1. numbered

        > quoted
        > more

        ```
        let x = 1
          indented
        ```
        """)
        #expect(blocks.map(\.kind) == [.heading, .paragraph, .listItem, .listItem, .listItem, .quote, .preformatted])
        #expect(blocks[1].text == "Para one continues here.")
        #expect(blocks[2].text == "• item one")
        #expect(blocks[4].text == "1. numbered")
        #expect(blocks[5].text == "quoted more")
        #expect(blocks[6].text == "let x = 1\n  indented")
    }

    @Test func joinsCJKSoftBreaksWithoutASpace() {
        #expect(MarkdownParser.blocks("第一行\n第二行").map(\.text) == ["第一行第二行"])
    }

    @Test func resolvesReferenceStyleLinksAndImages() {
        let blocks = MarkdownParser.blocks("See [the site][site] and ![a cat](cat.png).\n\n[site]: https://example.com \"Example\"\n")
        #expect(blocks.count == 1)
        #expect(blocks[0].text == "See the site and a cat.")
        #expect(blocks[0].inlineLinks.map(\.url) == ["https://example.com"])
    }
}
