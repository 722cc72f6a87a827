import Foundation
import Testing
@testable import ReaderCore

@Suite struct MarkdownRendererTests {
    // MARK: GitHub Flavored Markdown

    @Test func rendersTablesWithColumnAlignment() {
        let html = MarkdownRenderer.html("""
            | 品名 | 数量 | 备注 |
            |:-----|-----:|:----:|
            | 苹果 | 3 | 新鲜 |
            """)
        #expect(html.contains("<th align=\"left\">品名</th>"))
        #expect(html.contains("<th align=\"right\">数量</th>"))
        #expect(html.contains("<th align=\"center\">备注</th>"))
        #expect(html.contains("<td align=\"right\">3</td>"))
    }

    @Test func rendersFootnoteReferenceAndDefinition() {
        let html = MarkdownRenderer.html("""
            The moon is bright tonight.[^moon]

            [^moon]: Seen from the harbour.
            """)
        #expect(html.contains("<sup class=\"footnote-ref\"><a href=\"#fn-moon\" id=\"fnref-moon\""))
        #expect(html.contains("<li id=\"fn-moon\">"))
        #expect(html.contains("Seen from the harbour."))
    }

    @Test func rendersTaskListItemsAsCheckboxes() {
        let html = MarkdownRenderer.html("""
            - [ ] 買い物に行く
            - [x] 洗濯をする
            """)
        #expect(html.contains("<li><input type=\"checkbox\" disabled=\"\" /> 買い物に行く</li>"))
        #expect(html.contains("<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> 洗濯をする</li>"))
    }

    @Test func rendersNestedOrderedAndUnorderedLists() {
        let html = MarkdownRenderer.html("""
            1. First step
               - a detail
                 1. a sub-step
            2. Second step
            """)
        #expect(html == """
            <ol>
            <li>First step
            <ul>
            <li>a detail
            <ol>
            <li>a sub-step</li>
            </ol>
            </li>
            </ul>
            </li>
            <li>Second step</li>
            </ol>

            """)
    }

    @Test func keepsCodeBlocksAndCodeSpansUntouched() {
        let html = MarkdownRenderer.html("""
            ```
            ==x== [[x]] 中
            文 https://example.com/路径。
            ```

            Inline `==y== [[y]]` code.
            """)
        #expect(html.contains("<pre><code>==x== [[x]] 中\n文 https://example.com/路径。\n</code></pre>"))
        #expect(html.contains("<code>==y== [[y]]</code>"))
        #expect(!html.contains("<mark>"))
        #expect(!html.contains("<a "))
    }

    @Test func keepsRawHTML() {
        let html = MarkdownRenderer.html("第一行<br>第二行<sup>2</sup>\n\n<table><tr><td>格子</td></tr></table>")
        #expect(html.contains("<p>第一行<br>第二行<sup>2</sup></p>"))
        #expect(html.contains("<table><tr><td>格子</td></tr></table>"))
    }

    @Test func doubleTildeIsStrikethrough() {
        #expect(MarkdownRenderer.html("~~취소~~") == "<p><del>취소</del></p>\n")
    }

    // MARK: CJK

    @Test func singleTildeIsNotStrikethrough() {
        #expect(MarkdownRenderer.html("営業は10時~12時と14時~18時です") == "<p>営業は10時~12時と14時~18時です</p>\n")
    }

    @Test func autolinkAfterCJKStopsAtCJKPunctuation() {
        let html = MarkdownRenderer.html("请看https://example.com/路径。谢谢")
        #expect(html == """
            <p>请看<a href="https://example.com/%E8%B7%AF%E5%BE%84">https://example.com/路径</a>。谢谢</p>

            """)
    }

    @Test func autolinkAfterSpaceStopsAtFullwidthPunctuation() {
        let html = MarkdownRenderer.html("詳細は https://example.jp/ページ（第二版）を参照")
        #expect(html.contains(">https://example.jp/ページ</a>（第二版）を参照"))
    }

    @Test func autolinkKeepsHangulAndKanaInThePath() {
        let html = MarkdownRenderer.html("자료: https://example.kr/경로/資料です 끝")
        #expect(html.contains(">https://example.kr/경로/資料です</a> 끝"))
    }

    @Test func wwwAutolinkStopsAtFullwidthComma() {
        let html = MarkdownRenderer.html("见 www.example.com/路径，好")
        #expect(html.contains("<a href=\"http://www.example.com/%E8%B7%AF%E5%BE%84\">www.example.com/路径</a>，好"))
    }

    @Test func urlAfterCJKPunctuationIsItsOwnLink() {
        let html = MarkdownRenderer.html("https://a.example/一。https://b.example/二、完")
        #expect(html.contains(">https://a.example/一</a>。<a href=\"https://b.example/%E4%BA%8C\">"))
        #expect(html.contains(">https://b.example/二</a>、完"))
    }

    @Test func bareURLInBracketsBecomesALinkWithoutTrailingPunctuation() {
        let html = MarkdownRenderer.html("[see https://example.com/a_(b).] (also https://example.com/c)")
        #expect(html.contains("[see <a href=\"https://example.com/a_(b)\">https://example.com/a_(b)</a>.]"))
        #expect(html.contains("(also <a href=\"https://example.com/c\">https://example.com/c</a>)"))
    }

    @Test func urlInsideALinkIsNotLinkedAgain() {
        let html = MarkdownRenderer.html("[参见 https://example.com/甲](https://example.org/乙)")
        #expect(html == "<p><a href=\"https://example.org/%E4%B9%99\">参见 https://example.com/甲</a></p>\n")
    }

    @Test func linkWhoseTextIsARelativeAddressIsNotCut() {
        let html = MarkdownRenderer.html("[/资料。](/资料。)")
        #expect(html == "<p><a href=\"/%E8%B5%84%E6%96%99%E3%80%82\">/资料。</a></p>\n")
    }

    @Test func softBreakBetweenCJKCharactersIsRemoved() {
        #expect(MarkdownRenderer.html("今日は\n晴れです。\n明日も") == "<p>今日は晴れです。明日も</p>\n")
        #expect(MarkdownRenderer.html("他说：“\n你好”") == "<p>他说：“你好”</p>\n")
    }

    @Test func softBreakLooksThroughEmphasisAndWikilinks() {
        #expect(MarkdownRenderer.html("中文\n**粗体**\n[[页面]]") == "<p>中文<strong>粗体</strong>页面</p>\n")
    }

    @Test func softBreakNextToLatinTextStays() {
        #expect(MarkdownRenderer.html("中文\nEnglish\ntext") == "<p>中文\nEnglish\ntext</p>\n")
        #expect(MarkdownRenderer.html("He said “yes”\n“no”") == "<p>He said “yes”\n“no”</p>\n")
    }

    @Test func softBreakNextToHangulStaysBecauseKoreanSpacesWords() {
        #expect(MarkdownRenderer.html("안녕하세요\n여러분") == "<p>안녕하세요\n여러분</p>\n")
    }

    // MARK: Obsidian

    @Test func highlightBecomesMark() {
        #expect(MarkdownRenderer.html("これは==重要==です") == "<p>これは<mark>重要</mark>です</p>\n")
    }

    @Test func highlightMaySpanInlineMarkupAndLines() {
        #expect(MarkdownRenderer.html("==a *b*\nc==") == "<p><mark>a <em>b</em>\nc</mark></p>\n")
    }

    @Test func emptyUnclosedOrSpacedHighlightStaysText() {
        #expect(MarkdownRenderer.html("a ==== b == c == d ==e") == "<p>a ==== b == c == d ==e</p>\n")
    }

    @Test func highlightWorksInTableCells() {
        let html = MarkdownRenderer.html("| 列 |\n|---|\n| ==강조== |")
        #expect(html.contains("<td><mark>강조</mark></td>"))
    }

    @Test func wikilinkShowsItsPageName() {
        #expect(MarkdownRenderer.html("See [[Page name]].") == "<p>See Page name.</p>\n")
    }

    @Test func wikilinkWithAliasShowsTheAlias() {
        #expect(MarkdownRenderer.html("参见[[读书笔记|笔记]]。") == "<p>参见笔记。</p>\n")
    }

    @Test func wikilinkToHeadingShowsPageAndHeading() {
        let html = MarkdownRenderer.html("[[Garden#Spring#Seeds]] and [[#Intro]]")
        #expect(html == "<p>Garden &gt; Spring &gt; Seeds and Intro</p>\n")
    }

    @Test func embedShowsAPlaceholder() {
        let html = MarkdownRenderer.html("![[photo.png]] ![[chart.JPG|300]] ![[Meeting notes]]")
        #expect(html == "<p>[image: photo.png] [image: chart.JPG] [embed: Meeting notes]</p>\n")
    }

    @Test func wikilinkWithEscapedPipeInTableShowsTheAlias() {
        let html = MarkdownRenderer.html("| 링크 |\n|---|\n| [[문서\\|별칭]] |")
        #expect(html.contains("<td>별칭</td>"))
    }

    @Test func bracketsThatAreNotWikilinksStayText() {
        #expect(MarkdownRenderer.html("[[]] [[a]b]] [[open") == "<p>[[]] [[a]b]] [[open</p>\n")
    }

    // MARK: Hostile input

    @Test(.hangGuard) func deeplyNestedQuotesReturn() {
        let html = MarkdownRenderer.html(String(repeating: ">", count: 100_000) + " 深い")
        #expect(html.contains("深い"))
    }

    @Test(.hangGuard) func deeplyNestedListsFollowedByBlankLinesReturn() {
        let markdown = String(repeating: "- ", count: 100_000) + "深い" + String(repeating: "\n", count: 100_000)
        #expect(MarkdownRenderer.html(markdown).contains("深い"))
        let ordered = String(repeating: "1. ", count: 100_000) + "x"
        #expect(MarkdownRenderer.html(ordered).contains("x"))
    }

    @Test(.hangGuard) func megabyteLinesReturn() {
        let lines = [
            String(repeating: "中文==重点== [[页|别名]] https://example.com/路径。", count: 20_000),
            String(repeating: "www._", count: 200_000),
            String(repeating: "*a ", count: 150_000) + String(repeating: "_a*_ ", count: 100_000),
            String(repeating: "a <?", count: 250_000),
            String(repeating: "![[]()", count: 160_000),
        ]
        for line in lines {
            #expect(MarkdownRenderer.html(line).utf8.count >= line.utf8.count / 2)
        }
    }

    @Test(.hangGuard) func wideTableWithShortRowsReturns() {
        let markdown = "|" + String(repeating: "a|", count: 5_000) + "\n|" + String(repeating: "-|", count: 5_000)
            + "\n" + String(repeating: "x\n", count: 100_000)
        #expect(MarkdownRenderer.html(markdown).hasPrefix("<pre>|a|a|"))
    }

    @Test func nulsAndReplacementCharactersAreSafe() {
        let html = MarkdownRenderer.html("a\0b \u{FFFD}\u{FFFD} [[\0]] ==\0==")
        #expect(html == "<p>a\u{FFFD}b \u{FFFD}\u{FFFD} \u{FFFD} <mark>\u{FFFD}</mark></p>\n")
    }

    @Test func rendersTheSameOnManyThreadsAtOnce() async {
        let markdown = "~~删除~~ 请看https://example.com/路径。谢谢\n\n| a |\n|---|\n| b |"
        let expected = MarkdownRenderer.html(markdown)
        let results = await withTaskGroup(of: String.self) { group in
            for _ in 0..<16 { group.addTask { MarkdownRenderer.html(markdown) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 == expected })
        #expect(expected.contains("<del>删除</del>"))
    }
}
