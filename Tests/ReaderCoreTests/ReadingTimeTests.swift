import Foundation
import Testing
@testable import ReaderCore

/// Reading time: per-script speeds, on the metadata line and in the list.
@Suite struct ReadingTimeTests {
    @Test func eachScriptIsReadAtItsOwnSpeed() {
        #expect(ReadingTime.minutes([String(repeating: "读", count: 510)]) == 2)          // 255 a minute
        #expect(ReadingTime.minutes([String(repeating: "読みます", count: 357)]) == 4)    // with kana: 357 a minute
        #expect(ReadingTime.minutes([String(repeating: "한", count: 1500)]) == 3)         // 500 a minute
        #expect(ReadingTime.minutes([String(repeating: "tide ", count: 690)]) == 3)       // 230 words a minute
        #expect(ReadingTime.minutes(["", "  "]) == nil)
        #expect(ReadingTime.minutes(["tide"]) == 1)
        #expect(ReadingTime.minutes([String(repeating: "tide ", count: 230)], scale: 4) == 4)
    }

    @Test func theMetadataLineAndTheListSayHowLongAnArticleTakes() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let body = (0..<46).map { _ in "The tide came in over the flats faster than the walkers expected it to." }.joined(separator: "\n\n")
        try folder.write("library/tide.md", "---\ntitle: Tides\n---\n\n" + body + "\n")
        let library = Library(root: folder.path + "/library")
        let entry = try #require(try library.entries().entries.first)
        #expect(entry.minutes == 3)
        #expect(LibraryEntry.json([entry]).contains("\"minutes\" : 3"))
        let article = try ArticleLoader().load(path: entry.path, format: .markdown, fallbackTitle: "tide")
        #expect(article.metadata.minutes == 3)
        #expect(article.metadata.line.contains("3 min"))
    }

    @Test func aWebPagesTextIsEstimatedWithoutItsScriptsStylesAndChromeElements() {
        let words = String(repeating: "harbour ", count: 460)
        let chrome = String(repeating: "menu ", count: 900)
        let html = """
            <html><head><title>T</title><style>p { color: red }</style></head><body>
            <nav><ul><li>\(chrome)</li><nav>inner \(chrome)</nav></ul></nav><!-- \(chrome) -->
            <script>var x = "\(chrome)";</script><article><p>\(words)</p><br/><img src=a.png/></article>
            <footer>\(chrome)</footer></body></html>
            """
        #expect(PageTextEstimate.minutes(of: html) == 2)
        // Without the skipping, the chrome alone would take 16 minutes more.
        #expect(PageTextEstimate.minutes(of: "<p>" + chrome + chrome + chrome + chrome + "</p>") == 16)
        #expect(PageTextEstimate.minutes(of: "<p>" + String(repeating: "港口的灯塔", count: 102) + "</p>") == 2)
        #expect(PageTextEstimate.minutes(of: "<script>only code</script>") == nil)
    }
}
