import Testing
@testable import ReaderCore

@Suite struct LinkTests {
    @Test(arguments: [
        ("https://example.com/a?b=c#d", true), ("http://example.org", true), ("HTTPS://EXAMPLE.COM/", true),
        ("https://[::1]:8080/x", true), ("https://例子.测试/路径", true),
        ("javascript:alert(1)", false), ("file:///etc/passwd", false), ("https://$(touch /tmp/pwned).example/", false),
        ("https://", false), ("http:///path", false), ("ftp://example.com/file", false), ("mailto:a@example.com", false),
        ("https://exa mple.com", false), ("https://example.com:80a/", false), ("data:text/html,<script>", false),
        ("https://example.com/\u{1B}[31m", false),
    ])
    func opensOnlyHTTPAndHTTPSWithAHost(url: String, openable: Bool) {
        #expect(Link.isOpenable(url) == openable)
    }

    @Test func findsBareURLsAndTrimsTrailingPunctuation() {
        let found = URLScanner.urls(in: "See https://example.com/a_(b). And (https://example.org/x), or https://bücher.example/straße.").map(\.url)
        #expect(found == ["https://example.com/a_(b)", "https://example.org/x", "https://bücher.example/straße"])
    }

    @Test func findsURLsThatStopAtCJKText() {
        let found = URLScanner.urls(in: "参考https://example.com/path这是正文").map(\.url)
        #expect(found == ["https://example.com/path"])
    }

    @Test func findsHarmfulSchemesSoTheyCanBeListed() {
        let found = URLScanner.urls(in: "click javascript:alert(1) or file:///etc/passwd").map(\.url)
        #expect(found == ["javascript:alert(1)", "file:///etc/passwd"])
    }

    @Test func numbersLinksInReadingOrderWithoutDuplicates() {
        let text = """
        ---
        title: Links
        source: https://example.com/source
        ---
        # Links

        Read [the docs](https://docs.example.com) and https://bare.example.com/page today.

        Again [the docs](https://docs.example.com).

        ## References

        - [Spec](https://spec.example.org/)
        - https://bare.example.com/page
        - [Bad](javascript:alert(1))
        """
        let article = ArticleParser.parse(text, format: .markdown, fallbackTitle: "x")
        #expect(article.links.map(\.url) == ["https://example.com/source", "https://docs.example.com", "https://bare.example.com/page",
                                             "https://spec.example.org/", "javascript:alert(1)"])
        #expect(article.links.map(\.n) == [1, 2, 3, 4, 5])
        #expect(article.links[1].label == "the docs")
        #expect(article.links[3].label == "Spec")
        #expect(article.links[4].openable == false)
        // A bare URL is an autolink in Markdown: cited like any other link, and numbered once.
        #expect(article.body.map(\.text).contains("Read the docs[2] and https://bare.example.com/page[3] today."))
        #expect(article.body.map(\.text).contains("Again the docs[2]."))
    }

    @Test func aScriptPseudoLinkIsListedButNotCited() {
        let text = "# Links\n\nPress [here](javascript:void(0)) or [there](https://there.example.com/), or [mail](mailto:a@example.com).\n"
        let article = ArticleParser.parse(text, format: .markdown, fallbackTitle: "x")
        #expect(article.links.map(\.url) == ["javascript:void(0)", "https://there.example.com/", "mailto:a@example.com"])
        #expect(article.body.map(\.text) == ["Press here or there[2], or mail[3]."])
    }

    @Test func labelsReferenceLinesWithTheirText() {
        let text = "Title here\n\nA body paragraph that is long enough to read as prose.\n\nReferences\n\n[1] Example study, 2020. https://example.com/study\n1. ^ Smith (2019). \"Bridges\". https://example.org/bridges\n"
        let article = ArticleParser.parse(text, format: .text, fallbackTitle: "x")
        #expect(article.links.map(\.url) == ["https://example.com/study", "https://example.org/bridges"])
        #expect(article.links[0].label == "Example study, 2020")
        #expect(article.links[1].label == "Smith (2019). \"Bridges\"")
    }

    /// A paragraph of thousands of links is numbered in one pass: every marker after its label,
    /// in order (the markers were once inserted one by one, each moving the rest of the text).
    @Test func aParagraphOfThousandsOfLinksIsNumberedInOrder() throws {
        let count = 3_000
        let markdown = "# Links\n\n" + (1...count).map { "[l\($0)](https://example.org/\($0))" }.joined(separator: " ") + "\n"
        let article = ArticleParser.parse(bytes: Array(markdown.utf8), format: .markdown, fallbackTitle: "links")
        #expect(article.links.count == count)
        #expect(article.links.last?.url == "https://example.org/\(count)")
        let text = article.page.map(\.text).joined(separator: "\n")
        let expected = (1...count).map { "l\($0)[\($0)]" }.joined(separator: " ")
        #expect(text.contains(expected))
    }
}
