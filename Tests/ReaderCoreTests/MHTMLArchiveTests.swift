import Foundation
import Testing
@testable import ReaderCore

/// Reading MHTML archives built here from Chinese, Japanese and English text.
@Suite struct MHTMLArchiveTests {
    /// The boundary of the Chrome-style archives, in the form Chrome gives it.
    static let boundary = "----MultipartBoundary--q7Xc2LmN9pRt4VwZ0aBd6FgH----"

    /// Text written with LF line ends, as the CRLF bytes an archive has.
    static func crlf(_ text: String) -> [UInt8] {
        Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }

    /// The top-level headers Chrome writes, with this Subject value, then the blank lines before the first part.
    static func chromeHeader(subject: String = "Saved page") -> String {
        """
        From: <Saved by Blink>
        Snapshot-Content-Location: https://news.example.com/2024/10/zhongwen
        Subject: \(subject)
        Date: Sat, 5 Oct 2024 10:11:12 -0000
        MIME-Version: 1.0
        Content-Type: multipart/related;
        \ttype="text/html";
        \tboundary="\(boundary)"


        """
    }

    /// A part with these header lines and body, opened by its delimiter line.
    static func part(_ headers: [String], _ body: String) -> String {
        "--\(boundary)\n" + headers.map { $0 + "\n" }.joined() + "\n" + body + "\n"
    }

    /// An HTML part in 7bit, with a Content-Location.
    static func htmlPart(_ html: String, location: String = "https://news.example.com/2024/10/zhongwen") -> String {
        part(["Content-Type: text/html", "Content-ID: <frame-5D0C1E2A@mhtml.blink>",
              "Content-Transfer-Encoding: 7bit", "Content-Location: \(location)"], html)
    }

    /// The close delimiter line.
    static var end: String { "--\(boundary)--\n" }

    /// The Subject that a Chrome-style archive with this Subject header value is read to have.
    static func subject(_ value: String) -> String? {
        MHTMLArchive.parse(crlf(chromeHeader(subject: value) + htmlPart("<p>x</p>") + end))?.subject
    }

    // MARK: The HTML part

    @Test func decodesQuotedPrintableHTMLPart() throws {
        let body = """
            <!DOCTYPE html><html><head><meta charset=3D"utf-8"><title>=E4=B8=AD=E6=96=87=
            =E6=96=B0=E9=97=BB</title></head><body><p class=3D"lead">=E4=B8=
            =AD=e6=96=87 and English, 50=25 off.</p>
            <p>Second line.</p></body></html>
            """
        let bytes = Self.crlf(Self.chromeHeader()
            + Self.part(["Content-Type: text/html; charset=utf-8", "Content-ID: <frame-5D0C1E2A@mhtml.blink>",
                         "Content-Transfer-Encoding: quoted-printable",
                         "Content-Location: https://news.example.com/2024/10/zhongwen"], body)
            + Self.end)
        let archive = try #require(MHTMLArchive.parse(bytes))
        #expect(String(decoding: archive.html, as: UTF8.self) == """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>中文新闻</title></head>\
            <body><p class="lead">中文 and English, 50% off.</p>\r
            <p>Second line.</p></body></html>
            """)
        #expect(archive.charset == "utf-8")
    }

    @Test func keepsInvalidQuotedPrintableSequencesAsWritten() throws {
        let body = "a=G1 b=4 c= d=\n=3d e=E"
        let bytes = Self.crlf(Self.chromeHeader()
            + Self.part(["Content-Type: text/html", "Content-Transfer-Encoding: Quoted-Printable"], body) + Self.end)
        let archive = try #require(MHTMLArchive.parse(bytes))
        #expect(String(decoding: archive.html, as: UTF8.self) == "a=G1 b=4 c= d= e=E")
    }

    @Test func dropsASoftLineBreakThatEndsTheQuotedPrintablePart() throws {
        let bytes = Self.crlf(Self.chromeHeader()
            + Self.part(["Content-Type: text/html", "Content-Transfer-Encoding: quoted-printable"], "<p>=E4=B8=AD</p>=")
            + Self.end)
        let archive = try #require(MHTMLArchive.parse(bytes))
        #expect(String(decoding: archive.html, as: UTF8.self) == "<p>中</p>")
    }

    @Test func decodesBase64HTMLPart() throws {
        let body = """
            PGh0bWw+PGJvZHk+PGgxPk5vdGVzPC9oMT48cD7ml6XmnKzoqp7jgaggRW5nbGlzaCDjgYzmt7fj
            gZbjgaPjgZ/mnKzmlofjgII8L3A+PC9ib2R5PjwvaHRtbD4=
            """
        let bytes = Self.crlf(Self.chromeHeader()
            + Self.part(["Content-Type: text/html; charset=\"UTF-8\"", "Content-Transfer-Encoding: base64"], body)
            + Self.end)
        let archive = try #require(MHTMLArchive.parse(bytes))
        #expect(String(decoding: archive.html, as: UTF8.self)
            == "<html><body><h1>Notes</h1><p>日本語と English が混ざった本文。</p></body></html>")
        #expect(archive.charset == "UTF-8")
    }

    @Test func leavesALegacyCharsetForTheCallerToApply() throws {
        let body = """
            PCFET0NUWVBFIGh0bWw+PGh0bWw+PGhlYWQ+PG1ldGEgY2hhcnNldD0iU2hpZnRfSklTIj48dGl0
            bGU+k/qWe4zqgsyLTI6WPC90aXRsZT48L2hlYWQ+PGJvZHk+PHA+grGC6oLNlduRtoKzguqCvYtM
            jpaCxYK3gUI8L3A+PC9ib2R5PjwvaHRtbD4=
            """
        let bytes = Self.crlf(Self.chromeHeader()
            + Self.part(["Content-Type: text/html; charset=Shift_JIS", "Content-Transfer-Encoding: base64"], body)
            + Self.end)
        let archive = try #require(MHTMLArchive.parse(bytes))
        #expect(archive.charset == "Shift_JIS")
        #expect(String(validating: archive.html, as: UTF8.self) == nil)
        #expect(TextDecoder.convert(archive.html, from: "Shift_JIS") == """
            <!DOCTYPE html><html><head><meta charset="Shift_JIS"><title>日本語の記事</title></head>\
            <body><p>これは保存された記事です。</p></body></html>
            """)
    }

    @Test func decodesBase64OfOddLengthAndIgnoresStrayCharacters() throws {
        // "中文ab" is 5Lit5paHYWI=: here without its padding, broken over lines, with a stray "*" inside.
        let bytes = Self.crlf(Self.chromeHeader()
            + Self.part(["Content-Type: text/html", "Content-Transfer-Encoding: base64"], "5Lit *5p\n aHYW I")
            + Self.end)
        let archive = try #require(MHTMLArchive.parse(bytes))
        #expect(String(decoding: archive.html, as: UTF8.self) == "中文ab")
    }

    @Test func keepsA7bitPartAsWritten() throws {
        let html = "<p>中文 = 50%, line one</p>\n<p>English line two</p>"
        let archive = try #require(MHTMLArchive.parse(Self.crlf(Self.chromeHeader() + Self.htmlPart(html) + Self.end)))
        #expect(archive.html == Self.crlf(html))
        #expect(archive.charset == nil)
    }

    @Test func skipsImagePartBeforeHTMLPart() throws {
        let image = Self.part(["Content-Type: image/png", "Content-Transfer-Encoding: base64",
                               "Content-Location: https://news.example.com/logo.png"],
                              "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=\nYWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo=")
        let css = Self.part(["Content-Type: text/css", "Content-Location: https://news.example.com/site.css"],
                            "p { color: black; }")
        let bytes = Self.crlf(Self.chromeHeader() + image + css + Self.htmlPart("<p>中文正文</p>") + Self.end)
        let archive = try #require(MHTMLArchive.parse(bytes))
        #expect(String(decoding: archive.html, as: UTF8.self) == "<p>中文正文</p>")
    }

    @Test func takesTheFirstHTMLPartWhenFramesFollow() throws {
        let bytes = Self.crlf(Self.chromeHeader() + Self.htmlPart("<p>Main page</p>")
            + Self.htmlPart("<p>An iframe</p>", location: "https://ads.example.com/frame") + Self.end)
        let archive = try #require(MHTMLArchive.parse(bytes))
        #expect(String(decoding: archive.html, as: UTF8.self) == "<p>Main page</p>")
    }

    @Test func skipsLargeBase64ImagePartQuickly() throws {
        let line = Array("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0\r\n".utf8)
        var bytes = Self.crlf(Self.chromeHeader() + "--\(Self.boundary)\nContent-Type: image/jpeg\n"
            + "Content-Transfer-Encoding: base64\nContent-Location: https://news.example.com/photo.jpg\n\n")
        let lines = 20 * 1024 * 1024 / line.count
        bytes.reserveCapacity(bytes.count + lines * line.count + 1024)
        for _ in 0..<lines { bytes += line }
        bytes += Self.crlf(Self.htmlPart("<p>写真の下の本文。</p>") + Self.end)
        let archive = try #require(MHTMLArchive.parse(bytes))
        #expect(String(decoding: archive.html, as: UTF8.self) == "<p>写真の下の本文。</p>")
    }

    @Test func readsAnUnterminatedLastPartToTheEnd() throws {
        let bytes = Self.crlf(Self.chromeHeader() + Self.htmlPart("<p>中文</p>\n<p>No end boundary.</p>"))
        let archive = try #require(MHTMLArchive.parse(bytes))
        #expect(String(decoding: archive.html, as: UTF8.self) == "<p>中文</p>\r\n<p>No end boundary.</p>\r\n")
    }

    @Test func readsAnArchiveWithLFLineEnds() throws {
        let body = "<p>=E6=97=A5=E6=9C=AC=E8=AA=9E=\n=E3=81=AE=E8=A8=98=E4=BA=8B</p>\n<p>Line two.</p>"
        let text = Self.chromeHeader(subject: "=?utf-8?Q?LF_=E6=97=A5=E6=9C=AC?=")
            + Self.part(["Content-Type: text/html", "Content-Transfer-Encoding: quoted-printable",
                         "Content-Location: https://example.jp/kiji"], body)
            + Self.end
        let archive = try #require(MHTMLArchive.parse(Array(text.utf8)))
        #expect(String(decoding: archive.html, as: UTF8.self) == "<p>日本語の記事</p>\n<p>Line two.</p>")
        #expect(archive.subject == "LF 日本")
        #expect(archive.date == "Sat, 5 Oct 2024 10:11:12 -0000")
    }

    @Test func acceptsAnUnquotedBoundaryAndParametersInAnyOrder() throws {
        let text = """
            mime-version: 1.0
            CONTENT-TYPE: Multipart/Related; boundary=\(Self.boundary);
             type="text/html"; start="<frame-1@mhtml.blink>"
            subject: English title

            preamble text
            \(Self.htmlPart("<p>Body</p>"))\(Self.end)epilogue
            """
        let archive = try #require(MHTMLArchive.parse(Self.crlf(text)))
        #expect(String(decoding: archive.html, as: UTF8.self) == "<p>Body</p>")
        #expect(archive.subject == "English title")
    }

    @Test func ignoresALineThatOnlyStartsWithTheBoundary() throws {
        let html = "<pre>\n--\(Self.boundary)X not a delimiter\n</pre>"
        let archive = try #require(MHTMLArchive.parse(Self.crlf(Self.chromeHeader() + Self.htmlPart(html) + Self.end)))
        #expect(archive.html == Self.crlf(html))
    }

    @Test func readsASinglePartHTMLMessage() throws {
        let text = """
            Subject: =?UTF-8?B?5Lit5paH5qCH6aKY?=
            Content-Location: https://example.cn/danye
            Content-Type: text/html; charset=gbk
            Content-Transfer-Encoding: base64

            PHA+1tDOxDwvcD4=
            """
        let archive = try #require(MHTMLArchive.parse(Self.crlf(text)))
        #expect(TextDecoder.convert(archive.html, from: "GBK") == "<p>中文</p>")
        #expect(archive.charset == "gbk")
        #expect(archive.subject == "中文标题")
        #expect(archive.location == "https://example.cn/danye")
        #expect(archive.date == nil)
    }

    @Test func findsTheHTMLPartInsideANestedMultipart() throws {
        let inner = "inner-boundary-8c1f"
        let text = Self.chromeHeader() + Self.part(["Content-Type: multipart/alternative; boundary=\"\(inner)\""], """
            --\(inner)
            Content-Type: text/plain

            Plain version
            --\(inner)
            Content-Type: text/html
            Content-Location: https://example.com/nested

            <p>HTML version</p>
            --\(inner)--
            """) + Self.end
        let archive = try #require(MHTMLArchive.parse(Self.crlf(text)))
        #expect(String(decoding: archive.html, as: UTF8.self) == "<p>HTML version</p>")
    }

    // MARK: Location and date

    @Test func readsSnapshotContentLocation() throws {
        let bytes = Self.crlf(Self.chromeHeader() + Self.htmlPart("<p>x</p>", location: "https://cdn.example.com/x")
            + Self.end)
        let archive = try #require(MHTMLArchive.parse(bytes))
        #expect(archive.location == "https://news.example.com/2024/10/zhongwen")
        #expect(archive.date == "Sat, 5 Oct 2024 10:11:12 -0000")
    }

    @Test func fallsBackToTheHTMLPartsContentLocation() throws {
        let text = """
            From: <Saved by Blink>
            Subject: No snapshot location
            MIME-Version: 1.0
            Content-Type: multipart/related; type="text/html"; boundary="\(Self.boundary)"

            \(Self.part(["Content-Type: image/gif", "Content-Location: https://example.com/a.gif",
                         "Content-Transfer-Encoding: base64"], "R0lGODlhAQABAAAAACw="))\
            \(Self.htmlPart("<p>x</p>", location: "https://example.com/articles/fallback"))\(Self.end)
            """
        let archive = try #require(MHTMLArchive.parse(Self.crlf(text)))
        #expect(archive.location == "https://example.com/articles/fallback")
        #expect(archive.date == nil)
    }

    // MARK: Subject

    @Test func decodesUTF8QuotedPrintableSubject() {
        #expect(Self.subject("=?utf-8?Q?=E4=B8=AD=E6=96=87=E6=A0=87=E9=A2=98_Title?=") == "中文标题 Title")
    }

    @Test func decodesUTF8Base64Subject() {
        #expect(Self.subject("=?UTF-8?B?5pel5pys6Kqe44Gu44K/44Kk44OI44Or?=") == "日本語のタイトル")
    }

    @Test func decodesGBKBase64Subject() {
        #expect(Self.subject("=?GBK?B?1tDOxLHqzOI=?=") == "中文标题")
    }

    @Test func decodesISO2022JPBase64Subject() {
        #expect(Self.subject("=?ISO-2022-JP?B?GyRCRnxLXDhsJE41LTt2GyhC?=") == "日本語の記事")
    }

    @Test(arguments: [("=?Shift_JIS?B?k/qWe4zq?=", "日本語"), ("=?big5?B?wWPF6aSkpOU=?=", "繁體中文"),
                      ("=?EUC-KR?B?x9Gxub7u?=", "한국어")])
    func decodesSubjectInOtherLegacyCharsets(encoded: String, expected: String) {
        #expect(Self.subject(encoded) == expected)
    }

    @Test func keepsPlainTextAroundEncodedWords() {
        #expect(Self.subject("Re: =?utf-8?Q?caf=C3=A9?= notes (=?GBK?B?1tDOxLHqzOI=?=) end")
            == "Re: café notes (中文标题) end")
    }

    @Test func joinsAdjacentEncodedWordsWithoutTheSpaceBetween() {
        // A folded Subject whose words split the UTF-8 bytes of 报 between them, then a GBK word.
        #expect(Self.subject("=?UTF-8?B?5ZGo5g==?=\n =?UTF-8?B?iqXvvJo=?=  =?gbk?b?1tDOxA==?= =?utf-8?q?_2024?=")
            == "周报：中文 2024")
    }

    @Test func keepsWordsInUnknownCharsetsAsWritten() {
        #expect(Self.subject("=?x-no-such-charset?Q?abc?= =?utf-8?Q?=E4=B8=AD?= =?utf-8?Q?bad?")
            == "=?x-no-such-charset?Q?abc?= 中 =?utf-8?Q?bad?")
    }

    @Test func readsAPlainSubjectAsWritten() {
        #expect(Self.subject("A plain English title: 2 = 1 + 1?") == "A plain English title: 2 = 1 + 1?")
    }

    // MARK: Not MHTML, or broken

    /// 64 KiB of pseudo-random bytes, the same every run.
    static let garbage: [UInt8] = {
        var state: UInt32 = 0x1234_5678
        return (0..<65536).map { _ in
            state = state &* 1_664_525 &+ 1_013_904_223
            return UInt8(truncatingIfNeeded: state >> 24)
        }
    }()

    /// Inputs that are not MHTML, by name (the names, not megabytes of bytes, go into the test log).
    static let notMHTML: [String: [UInt8]] = [
        "empty": [],
        "an HTML page": Array("<!DOCTYPE html><html><body><p>Just a page: 中文</p></body></html>\n".utf8),
        "plain text": Array("Note: a plain text file\n\nwith a colon in its first line.\n".utf8),
        "garbage": garbage,
        "a header and garbage": crlf("Content-Type: multipart/related; boundary=x\n\n") + garbage,
        "no boundary": crlf("MIME-Version: 1.0\nContent-Type: multipart/related; type=\"text/html\"\n\n<p>no boundary</p>\n"),
        "a boundary never there": crlf("Content-Type: multipart/related; boundary=\"never-there\"\n\n--other\nContent-Type: text/html\n\n<p>"),
        "only an image part": crlf(chromeHeader() + part(["Content-Type: image/png"], "iVBORw0K") + end),
        "no blank line": crlf("Content-Type: multipart/related; boundary=\(boundary)\nSubject: no blank line\n--\(boundary)\n"),
        "a PDF": crlf("Content-Type: application/pdf\n\n%PDF-1.7\n"),
    ]

    @Test(arguments: notMHTML.keys.sorted())
    func returnsNilForInputThatIsNotMHTML(name: String) {
        let bytes = Self.notMHTML[name]!
        #expect(MHTMLArchive.parse(bytes) == nil)
    }
}
