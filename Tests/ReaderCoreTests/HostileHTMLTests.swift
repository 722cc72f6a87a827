import Foundation
import Testing
@testable import ReaderCore

/// Pages built to hurt: terminal escapes, absurd nesting, unclosed scripts, enormous lines, bad
/// charsets, entity bombs, NUL bytes, and pages with nothing to show. Each must come back, bounded,
/// with nothing of the attack in any output line, link URL or label (`PipelineInvariants`).
@Suite struct HostileHTMLTests {
    let renderer = ArticleRenderer(wrapper: TestSupport.wrapper())

    // MARK: Helpers

    /// The article in `html`, read as `format`.
    static func parse(_ html: String, format: ArticleFormat = .html, title: String = "fallback") -> Article {
        ArticleParser.parse(bytes: Array(html.utf8), format: format, fallbackTitle: title)
    }

    /// `html` as the HTML part of a one-part MHTML archive, with these extra top-level headers.
    static func archive(_ html: String, headers: [String] = [], charset: String = "utf-8") -> [UInt8] {
        let boundary = "----MultipartBoundary--hostile----"
        let text = ["From: <Saved by Blink>", "MIME-Version: 1.0"] + headers + [
            "Content-Type: multipart/related; type=\"text/html\"; boundary=\"\(boundary)\"", "", "--\(boundary)",
            "Content-Type: text/html; charset=\(charset)", "Content-Transfer-Encoding: 8bit", "", html, "--\(boundary)--", "",
        ]
        return Array(text.joined(separator: "\r\n").utf8)
    }

    /// Every line of the article and of the full page at `widths`.
    func lines(_ article: Article, widths: [Int] = [80, 24]) -> [String] {
        var out: [String] = []
        for full in [false, true] {
            for width in widths { out += renderer.layout(article, width: width, full: full).lines.map(\.text) }
        }
        return out
    }

    /// The invariants' violations for the article and its layouts at `widths`.
    func violations(_ article: Article, widths: [Int] = [1, 7, 33, 80]) -> [PipelineInvariants.Violation] {
        var found = PipelineInvariants.check(article, context: "article")
        for full in [false, true] {
            for width in widths {
                found += PipelineInvariants.check(renderer.layout(article, width: width, full: full), requested: width,
                                                  context: "width \(width)\(full ? ", full page" : "")")
            }
        }
        return found
    }

    /// Every output string: title, metadata line, link URLs and labels, and every laid-out line.
    func outputs(_ article: Article, widths: [Int] = [80, 24]) -> [String] {
        [article.title, article.metadata.line] + article.links.flatMap { [$0.url] + ($0.label.map { [$0] } ?? []) }
            + lines(article, widths: widths)
    }

    /// The bytes of the laid-out lines at `width`: of the article or of the full page, whichever is more.
    func outputBytes(_ article: Article, width: Int = 80) -> Int {
        [false, true].map { full in renderer.layout(article, width: width, full: full).lines.reduce(0) { $0 + $1.text.utf8.count } }.max()!
    }

    /// The escapes and controls no output may hold: ESC, CSI (U+009B), OSC (U+009D), ST (U+009C), BEL.
    static func holdsEscape(_ text: String) -> Bool {
        text.unicodeScalars.contains { [0x1B, 0x9B, 0x9C, 0x9D, 0x07].contains($0.value) }
    }

    /// The visible residue of the sequences below, were they cut apart rather than removed whole.
    static let residue = ["[31m", "[2J", "]0;", "]8;", "31m", "owned"]

    // MARK: Escapes

    /// ESC, CSI, OSC and BEL written raw and as character references in the text, in a heading, a list, a
    /// quote, code, a table and the title: all gone, the words around them kept.
    @Test func escapeBytesInTextNeverReachAnyLine() {
        let attack = "\u{1B}[31m\u{9B}2J\u{1B}]0;owned\u{07}\u{1B}]8;;http://evil.example/\u{1B}\\\u{07}\u{9D}0;owned\u{9C}"
        let references = "&#x1b;[31m&#27;]0;owned&#7;&#x1B;[2J"
        let html = """
            <html><head><title>Title\(attack)one\(references)</title></head><body><article>
            <h1>Heading\(attack)two</h1>
            <p>Before\(attack)after, \(references)and a paragraph long enough to be the article, with commas, clauses,
            and more words so that reader mode keeps it as the body of the page.</p>
            <ul><li>Item\(attack)three</li></ul><blockquote>Quote\(attack)four</blockquote>
            <pre>Code\(attack)five</pre>
            <table><tr><th>Cell\(attack)six</th><th>b</th></tr><tr><td>c</td><td>d\(references)</td></tr></table>
            </article></body></html>
            """
        for article in [Self.parse(html), ArticleParser.parse(bytes: Self.archive(html), format: .mhtml, fallbackTitle: "f")] {
            let out = outputs(article)
            #expect(!out.contains(where: Self.holdsEscape), "an escape reached the output: \(out.filter(Self.holdsEscape))")
            #expect(!out.contains { line in Self.residue.contains { line.contains($0) } }, "\(out)")
            #expect(out.contains { $0.contains("Beforeafter") }, "\(out)")
            #expect(article.title == "Titleone")
            #expect(violations(article).isEmpty, "\(violations(article))")
        }
    }

    /// The same sequences in alt, title, href, meta and `lang` attributes, and in an archive's Subject and
    /// location headers: nowhere in the title, metadata line, image text or link labels.
    @Test func escapeBytesInAttributesNeverReachAnyLine() {
        let attack = "\u{1B}[31m\u{9B}2J\u{1B}]0;owned\u{07}"
        let html = """
            <html lang="en\(attack)"><head><title>Plain title</title>
            <meta name="author" content="Ada\(attack) Quill"><meta property="og:site_name" content="Site&#x1b;[31m">
            <meta property="article:published_time" content="2024-05-04\(attack)"></head><body><article>
            <p>A paragraph long enough to be the article, with commas, clauses, and enough words so reader mode keeps it.
            <img src="a.png" alt="Alt\(attack)text"> <img src="b.png" title="Title&#x1b;]0;owned&#7;attr">
            <a href="https://example.com/page" title="Link\(attack)title">Label\(attack)word</a>
            <abbr title="\(attack)">abbr</abbr></p></article></body></html>
            """
        let archived = ArticleParser.parse(bytes: Self.archive(html, headers: ["Subject: Sub\(attack)ject",
                                                                               "Snapshot-Content-Location: https://example.com/\(attack)x"]),
                                           format: .mhtml, fallbackTitle: "f")
        for article in [Self.parse(html), archived] {
            let out = outputs(article)
            #expect(!out.contains(where: Self.holdsEscape), "an escape reached the output: \(out.filter(Self.holdsEscape))")
            #expect(!out.contains { line in Self.residue.contains { line.contains($0) } }, "\(out)")
            #expect(out.contains { $0.contains("[image: Alttext]") }, "\(out)")
            #expect(article.metadata.author == "Ada Quill")
            #expect(article.links.contains { $0.label == "Labelword" }, "\(article.links)")
            #expect(violations(article).isEmpty, "\(violations(article))")
        }
    }

    /// Escapes inside link targets (raw, as references, percent-encoded, in `<base href>`, in a
    /// canonical link and a saved-from comment): no URL holds one, and none becomes openable that is not http(s).
    @Test func escapeBytesInURLsNeverReachALinkOrLine() {
        let html = """
            <!-- saved from url=(0040)https://saved.example/\u{1B}]0;owned\u{07}page -->
            <html><head><title>URLs</title><link rel="canonical" href="https://canon.example/\u{1B}[31mc">
            <base href="https://base.example/\u{1B}[2J/"></head><body><article>
            <p>A paragraph long enough to be the article, with commas, clauses, and enough words so reader mode keeps it,
            <a href="https://example.com/\u{1B}[31mred">raw</a>, <a href="https://example.com/&#x1b;[2Jclear">reference</a>,
            <a href="https://example.com/%1B%5B31m">percent</a>, <a href="relative/\u{9B}2Jpath">relative</a>,
            <a href="java\u{1B}script:alert(1)">scheme</a>, <a href="https://exa\u{202E}mple.com/">bidi</a>,
            <a href="\u{1B}]8;;https://evil.example/\u{07}https://fine.example/">osc</a>.</p></article></body></html>
            """
        let article = Self.parse(html)
        for link in article.links {
            #expect(!Self.holdsEscape(link.url) && !link.url.unicodeScalars.contains { PipelineInvariants.isForbidden($0) },
                    "link \(link.n): \(link.url.debugDescription)")
            let lower = link.url.lowercased()
            if link.openable { #expect(lower.hasPrefix("http://") || lower.hasPrefix("https://"), "\(link.url)") }
        }
        #expect(article.links.contains { $0.url.hasPrefix("https://example.com/") && $0.openable })
        #expect(!article.links.contains { $0.openable && $0.url.lowercased().contains("script:") })
        #expect(!outputs(article).contains(where: Self.holdsEscape))
        #expect(violations(article).isEmpty, "\(violations(article))")
    }

    // MARK: Nesting

    /// 100,000 levels of plain blocks, formatting elements (gumbo's active formatting list), tables,
    /// list items and table cells return — no stack overflow, no quadratic stall — and keep the
    /// innermost text. (`HTMLNestingGuard` scanned every open element for each `</li>`, `</tr>` and
    /// `</td>` until 731595c: 20,000 levels took 44 s in the guard, 100,000 about 18 minutes.)
    @Test(.hangGuard, arguments: ["<div>", "<b>", "<table>", "<section><article>", "<ul><li>", "<table><tr><td>", "<ol><li><p>"])
    func deepNestingReturnsWithTheInnerText(_ open: String) {
        checkDeepNesting(open, depth: 100_000)
    }

    /// `depth` levels of `open` around a sentence, then a paragraph: both are in the full page.
    private func checkDeepNesting(_ open: String, depth: Int) {
        let close = open.split(separator: ">").reversed().map { "</" + $0.dropFirst() + ">" }.joined()
        let html = "<html><head><title>Deep</title></head><body>" + String(repeating: open, count: depth)
            + "Innermost words of a very deep page." + String(repeating: close, count: depth) + "<p>After the nesting.</p></body></html>"
        let article = Self.parse(html)
        let text = lines(article, widths: [80]).joined(separator: "\n")
        #expect(text.contains("Innermost words of a very deep page."), "\(open) ×\(depth): inner text lost")
        #expect(text.contains("After the nesting."), "\(open) ×\(depth)")
        #expect(violations(article, widths: [7, 80]).isEmpty)
    }

    // MARK: Scripts

    /// A `<script>` never closed swallows the rest of the page as script text: the page still returns,
    /// the text before it is the article, and none of the script (nor the markup after it) is shown.
    @Test func unclosedScriptIsNotShownAsTheArticle() {
        let lead = "<p>The visible paragraph before the script, long enough to count, with commas, clauses, and words.</p>"
        for script in ["<script>", "<script type=\"application/ld+json\">", "<script type=module>", "<SCRIPT>"] {
            let html = "<html><head><title>Script page</title></head><body><article>" + lead + script
                + "var SCRIPT_MARKER = \"<p>not a paragraph</p>\"; document.write('script text'); if (a < b) { x(); }\n"
                + String(repeating: "<p>markup after the script</p>\n", count: 50)
            let article = Self.parse(html)
            let out = outputs(article).joined(separator: "\n")
            #expect(out.contains("The visible paragraph before the script"), "\(script)")
            #expect(!out.contains("SCRIPT_MARKER") && !out.contains("script text") && !out.contains("markup after"),
                    "\(script): script text shown: \(out)")
            #expect(violations(article).isEmpty)
        }
    }

    // MARK: Size

    /// How big the single-line pages are. 50 MB takes 40 s and 1.1 GB in a debug build (parse 17 s,
    /// layout 23 s: the extractor, inline text and wrapping walk it scalar by scalar), far over ~5 s, so
    /// these use 10 MB (about 8 s in debug): the point — one line, no break for megabytes — is the same.
    static let hugeLineBytes = 10 << 20

    /// A `<p>` with 10 MB of words on one line returns, wraps within the width, and its lines hold no
    /// more text than the page.
    @Test(.hangGuard) func hugeLineOfWordsReturnsBounded() {
        let words = "lorem ipsum dolor sit amet, 中文字 "
        let body = String(repeating: words, count: Self.hugeLineBytes / words.utf8.count)
        let html = "<html><head><title>Huge</title></head><body><p>" + body + "</p></body></html>"
        let article = Self.parse(html)
        let layout = renderer.layout(article, width: 80)
        #expect(layout.lines.allSatisfy { DisplayWidth.of($0.text) <= 80 })
        #expect(layout.lines.count > Self.hugeLineBytes / 200, "the text was lost: \(layout.lines.count) lines")
        #expect(layout.lines.reduce(0) { $0 + $1.text.utf8.count } <= html.utf8.count)
    }

    /// 10 MB without a single space or break opportunity (Latin, then dashes) is cut at the width, in
    /// linear time (`Wrapper.forcedCut` was quadratic in the run's length until 731595c).
    @Test(.hangGuard)
    func hugeLineWithoutSpacesReturnsBounded() {
        let half = Self.hugeLineBytes / 2
        let body = String(repeating: "x", count: half) + String(repeating: "—", count: half / 3)
        let html = "<html><head><title>Huge</title></head><body><p>" + body + "</p></body></html>"
        let article = Self.parse(html)
        let layout = renderer.layout(article, width: 33)
        #expect(layout.lines.allSatisfy { DisplayWidth.of($0.text) <= 33 })
        #expect(layout.lines.count > half / 33, "the text was lost: \(layout.lines.count) lines")
        #expect(layout.lines.reduce(0) { $0 + $1.text.utf8.count } <= html.utf8.count)
    }

    /// A data table at 2 to 5 columns stays within the width (the fuzzer's first find: continuation lines
    /// of TableLayout's row-per-line fallback hung 2 columns in and overflowed below 4).
    @Test func tableFitsNarrowWidths() {
        let article = Self.parse("<table><th>htr</th><th>a │ b</th></table><table><tr><td>中文字<td>x<tr><td>y<td>z</table>")
        for width in [1, 2, 3, 4, 5] {
            let lines = renderer.layout(article, width: width, full: true).lines
            #expect(lines.allSatisfy { DisplayWidth.of($0.text) <= max(width, 2) }, "width \(width): \(lines.map(\.text))")
        }
    }

    /// Ordered lists whose numbers reach Int's limits (`start`, `value`, `reversed`) return (the fuzzer
    /// found the overflow).
    @Test
    func listNumbersNearIntMaxDoNotCrash() {
        for html in ["<ol start=9223372036854775807><li>a<li>b</ol>", "<ol reversed start=-9223372036854775808><li>a<li>b</ol>",
                     "<ol><li value=9223372036854775807>a<li>b</ol>"] {
            let article = Self.parse(html)
            #expect(lines(article).joined().contains("b"), "\(html)")
        }
    }

    /// A Markdown byline with a hard line break gives a one-line author (found by the fuzzer: the
    /// author was "Ada\nQuill").
    @Test func markdownBylineIsOneLine() {
        let article = ArticleParser.parse(bytes: Array("By Ada<br>Quill\n\nThe body paragraph.\n".utf8), format: .markdown,
                                          fallbackTitle: "f")
        #expect(!(article.metadata.author ?? "").contains("\n"), "author \(String(describing: article.metadata.author).debugDescription)")
        #expect(!article.metadata.line.contains("\n"))
    }

    /// Every line's `textStart` lies within its text, also for an empty row of an indented data table
    /// (found by the fuzzer: the row became "" while `textStart` stayed 2).
    @Test func emptyTableRowKeepsTextStartInTheLine() {
        let article = Self.parse("<blockquote><table><caption>Cap</caption><tr><td>a</td></tr><tr></tr></table></blockquote>")
        let lines = renderer.layout(article, width: 80, full: true).lines
        #expect(lines.allSatisfy { $0.textStart <= $0.text.utf16.count }, "\(lines.map { ($0.text, $0.textStart) })")
    }

    // MARK: Charsets

    /// Labels that name no charset the reader decodes, or one it must not (UTF-7, which would turn
    /// `+ADw-script+AD4-` into markup; UTF-16, which a meta tag cannot mean): the page decodes, as UTF-8.
    @Test(arguments: ["no-such-charset", "utf-7", "UTF-7", "x-user-defined", "utf-16", "", "\u{1B}[31m", String(repeating: "x", count: 5000)])
    func badCharsetLabelDecodes(_ label: String) {
        let body = "<p>Plain words, café, 中文, 日本語, and +ADw-script+AD4-alert(1)+ADw-/script+AD4- as text.</p>"
        for head in ["<meta charset=\"\(label)\">", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=\(label)\">"] {
            let html = "<html><head>\(head)<title>Charset</title></head><body><article>\(body)</article></body></html>"
            for article in [Self.parse(html), ArticleParser.parse(bytes: Self.archive(html, charset: label), format: .mhtml, fallbackTitle: "f")] {
                let text = lines(article, widths: [200]).joined(separator: "\n")
                #expect(text.contains("Plain words, café, 中文, 日本語, and +ADw-script+AD4-alert(1)+ADw-/script+AD4- as text."),
                        "label \(label.prefix(40).debugDescription): \(text)")
                #expect(violations(article).isEmpty)
            }
        }
    }

    // MARK: Entity bombs

    /// A million `&NotEqualTilde;` (15.5 MB; half of them spaced, half one unbreakable run) decode once
    /// each: the output is the entities' text and no more.
    @Test(.hangGuard) func millionsOfEntitiesStayBounded() {
        let count = 1_000_000
        let html = "<html><head><title>Entities</title></head><body><p>" + String(repeating: "&NotEqualTilde; ", count: count / 2)
            + String(repeating: "&NotEqualTilde;", count: count / 2) + "</p></body></html>"
        let article = Self.parse(html)
        let layout = renderer.layout(article, width: 80)
        let text = layout.lines.map(\.text).joined()
        #expect(text.contains("\u{2242}\u{338}\u{2242}\u{338}"), "the entity was not decoded")
        #expect(text.unicodeScalars.filter { $0 == "\u{2242}" }.count == count)
        #expect(text.utf8.count <= html.utf8.count)
        #expect(layout.lines.allSatisfy { DisplayWidth.of($0.text) <= 80 })
    }

    /// `&amp;amp;amp;…` is decoded one level, as HTML says, not as a cascade: 100,000 chains four deep,
    /// and one 100,000 deep, come out as text no bigger than the page.
    @Test(.hangGuard) func nestedAmpersandsDecodeOnce() {
        let deep = "&" + String(repeating: "amp;", count: 100_000)
        let html = "<html><head><title>Amp</title></head><body><p>Start " + String(repeating: "&amp;amp;amp;amp; ", count: 100_000)
            + "middle \(deep) end, with words enough to be an article.</p></body></html>"
        let article = Self.parse(html)
        let text = lines(article, widths: [80]).joined(separator: " ")
        #expect(text.contains("Start &amp;amp;amp; &amp;amp;amp; "))
        #expect(text.replacingOccurrences(of: " ", with: "").contains("middle&" + String(repeating: "amp;", count: 99_999) + "end,"))
        #expect(outputBytes(article) <= html.utf8.count)
    }

    /// A DOCTYPE with an internal subset of nested entities (billion laughs): HTML defines no entities of
    /// its own, so `&lol9;` stays the text it is and the output stays the size of the page.
    @Test func billionLaughsDoctypeIsNotExpanded() {
        var subset = "<!ENTITY lol \"lol\">"
        for level in 1...9 {
            subset += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10) + "\">"
        }
        let html = "<?xml version=\"1.0\"?><!DOCTYPE lolz [\(subset)]><html><head><title>Laughs</title></head>"
            + "<body><p>Before &lol9; after, and &lol9;&lol9;&lol9; again.</p></body></html>"
        for article in [Self.parse(html), ArticleParser.parse(bytes: Self.archive(html), format: .mhtml, fallbackTitle: "f")] {
            let text = outputs(article).joined(separator: "\n")
            #expect(!text.contains("lollollol"), "entities expanded")
            #expect(text.contains("&lol9;"))
            #expect(outputBytes(article) <= html.utf8.count)
            #expect(violations(article).isEmpty)
        }
    }

    // MARK: Nothing to show

    /// A page of 20,000 `<img>` tags and nothing else returns; every line is image placeholders.
    @Test func pageOfOnlyImagesReturns() {
        var html = "<html><head><title>Gallery</title></head><body>"
        for i in 0..<20_000 { html += i % 3 == 0 ? "<img src=\"p\(i).jpg\" alt=\"Photo \(i)\">" : "<img src=\"p\(i).jpg\">" }
        html += "</body></html>"
        let article = Self.parse(html)
        let layout = renderer.layout(article, width: 80, full: true)
        let body = layout.lines.filter { $0.style != .title && $0.style != .metadata && $0.style != .blank }
        let text = body.map(\.text).joined(separator: " ")
        let placeholder = try! Regex("(\\[image(: Photo [0-9]+)?\\] ?)+")
        #expect(text.wholeMatch(of: placeholder) != nil, "not only placeholders: \(body.prefix(5).map(\.text))")
        #expect(text.components(separatedBy: "[image").count - 1 == 20_000)
        #expect(article.title == "Gallery")
        #expect(violations(article, widths: [7, 80]).isEmpty)
    }

    /// An empty file, in every format, is an article with only its fallback title.
    @Test func emptyFileReturnsTheFallbackTitle() {
        for format in PipelineInvariants.formats {
            let article = ArticleParser.parse(bytes: [], format: format, fallbackTitle: "Empty file")
            #expect(article.title == "Empty file", "\(format)")
            #expect(article.body.isEmpty && article.links.isEmpty, "\(format)")
            let layout = renderer.layout(article, width: 80)
            #expect(layout.lines.map(\.text) == ["Empty file"], "\(format)")
            #expect(violations(article).isEmpty, "\(format)")
        }
    }

    /// NUL bytes in text, attributes, tag names and as `&#0;`, and a file of nothing but NULs: no NUL
    /// in any output, the words around them kept.
    @Test func nulBytesNeverReachTheOutput() {
        let html = "<html><head><title>Nul\0title</title></head><body><article><p\0 class=x>Before\0after, &#0; a para\0graph "
            + "long enough to be the article, with commas, clauses, and words. <img alt=\"al\0t\" src=a.png> "
            + "<a href=\"https://example.com/\0x\" title=\"t\0\">li\0nk</a></p></article></body></html>"
        let inputs: [(ArticleFormat, [UInt8])] = [
            (.html, Array(html.utf8)), (.mhtml, Self.archive(html)), (.markdown, Array("# Nul\0\n\npara\0graph\n".utf8)),
            (.html, [UInt8](repeating: 0, count: 1 << 20)), (.mhtml, [UInt8](repeating: 0, count: 1 << 20)),
        ]
        for (format, bytes) in inputs {
            let article = ArticleParser.parse(bytes: bytes, format: format, fallbackTitle: "f")
            let out = outputs(article)
            #expect(!out.contains { $0.unicodeScalars.contains("\0") }, "\(format): a NUL reached the output")
            #expect(violations(article, widths: [7, 80]).isEmpty, "\(format)")
            if bytes.first != 0 { #expect(out.joined(separator: "\n").contains("graph"), "\(format): \(out)") }
        }
    }

    /// A page whose every element is hidden (`hidden`, `display: none`, `visibility: hidden`,
    /// `aria-hidden`) shows none of it, in the article or the full page.
    @Test func everythingHiddenShowsNothingHidden() {
        let paragraph = "long enough to be an article, with commas, clauses, and words, repeated so it scores well."
        let html = """
            <html><head><title>Hidden page</title></head><body>
            <div hidden><p>SECRET one \(paragraph)</p></div><article style="display: none"><p>SECRET two \(paragraph)</p></article>
            <main style="VISIBILITY:hidden"><p>SECRET three \(paragraph)</p></main>
            <section aria-hidden="true"><p>SECRET four \(paragraph)</p></section><p hidden>SECRET five</p>
            <ul hidden><li>SECRET six</li></ul><table hidden><tr><td>SECRET seven</td></tr></table>
            <img hidden alt="SECRET eight" src=x.png><a hidden href="https://secret.example/">SECRET nine</a>
            </body></html>
            """
        let article = Self.parse(html)
        let out = outputs(article)
        #expect(!out.contains { $0.contains("SECRET") }, "hidden text shown: \(out.filter { $0.contains("SECRET") })")
        #expect(article.title == "Hidden page")
        #expect(article.links.isEmpty, "\(article.links)")
        #expect(violations(article).isEmpty)
    }
}
