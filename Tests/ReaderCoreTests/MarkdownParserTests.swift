import Foundation
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

    @Test func tablesFootnotesTasksAndHighlightsComeThroughCmark() {
        let blocks = MarkdownParser.blocks("""
        | 城市 | 雨量 |
        |:--|--:|
        | 東京 | 12 |

        - [x] 买菜
        - [ ] 做饭

        正文==重点==结束[^1]，营业时间10時~12時。

        [^1]: 脚注的内容。
        """)
        #expect(blocks.map(\.kind) == [.table, .listItem, .listItem, .paragraph, .listItem])
        #expect(blocks[0].text == "城市\t雨量\n東京\t12")
        #expect(blocks[1].text == "☑ 买菜" && blocks[2].text == "☐ 做饭")
        #expect(blocks[3].text == "正文重点结束^1，营业时间10時~12時。")
        let marked = blocks[3].highlights.map { (blocks[3].text as NSString).substring(with: NSRange($0)) }
        #expect(marked == ["重点"])
        #expect(blocks[4].text.hasPrefix("1. 脚注的内容。"))
    }

    @Test func aURLAfterCJKTextEndsBeforeCJKPunctuationAndIsNumberedOnce() {
        var blocks = MarkdownParser.blocks("请看https://example.com/路径。谢谢")
        let links = LinkCollector.collect(page: &blocks, source: nil)
        #expect(links.count == 1)
        #expect(links.first?.label == "https://example.com/路径")
        #expect(blocks[0].text == "请看https://example.com/路径[1]。谢谢")
    }

    @Test func obsidianWikilinksShowTheirText() {
        #expect(MarkdownParser.blocks("见[[社区活动清单]]和[[想读的书|书单]]。").map(\.text) == ["见社区活动清单和书单。"])
        #expect(FrontMatter.split("---\nauthor: \"[[何晚晴]]\"\n---\n").0?.author == "何晚晴")
    }

    @Test func resolvesReferenceStyleLinksAndImages() {
        let blocks = MarkdownParser.blocks("See [the site][site] and ![a cat](cat.png).\n\n[site]: https://example.com \"Example\"\n")
        #expect(blocks.count == 1)
        #expect(blocks[0].text == "See the site and [image: a cat].")
        #expect(blocks[0].inlineLinks.map(\.url) == ["https://example.com"])
    }
}
