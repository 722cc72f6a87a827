import Foundation
import Testing
@testable import ReaderCore

/// Saved web pages in a library, as the scanner, the list, show, links and search see them.
@Suite struct HTMLLibraryTests {
    static let page = """
    <!DOCTYPE html>
    <!-- saved from url=(0036)https://harbour.example.org/news/42 -->
    <html lang="en"><head><meta charset="utf-8"><title>Ferry Timetable Changes for Winter - Harbour News</title>
    <meta property="og:site_name" content="Harbour News"><style>.promo { color: red } /* lighthousekeeper */</style>
    <script>var secret = "lighthousekeeper";</script></head>
    <body><nav class="menu"><a href="/">Home</a> <a href="/sport">Sport</a></nav>
    <article><h1>Ferry Timetable Changes for Winter</h1>
    <p>From the first of November the morning ferry leaves at seven, half an hour later than in summer, and
    the last return crossing moves to six in the evening. The <a href="/timetable.pdf">full timetable</a> is posted at the pier.</p>
    <p>Passengers with season tickets keep them; the harbour office answers questions on weekdays, and the café on the
    quay stays open for the early crossing, the owner said, at least until the spring storms are over.</p>
    <img src="x.png" alt="lighthousekeeper"></article>
    <footer class="site-footer">© Harbour News · <a href="/about">About us</a></footer></body></html>
    """

    static func library() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("news/ferry.html", page)
        try folder.write("news/ferry_files/frame.html", "<html><body><p>not an article</p></body></html>")
        try folder.write("news/ferry_files/notes.txt", "not an article either")
        try folder.write("orphan_files/kept.txt", "A folder named like a page's, with no page beside it, is an ordinary folder.")
        try folder.write("more/page.htm", "<title>An htm page title here</title><p>htm</p>")
        try folder.write("more/page.xhtml", "<html><head><title>An xhtml page title here</title></head><body><p>x</p></body></html>")
        try folder.write("more/archive.mht", "MIME-Version: 1.0\nSubject: Archived page\nContent-Type: text/html\n\n<p>mht</p>")
        return folder
    }

    @Test func scanFindsSavedPagesAndSkipsTheFolderBesideAPage() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        let ids = try LibraryScanner(root: folder.path).scan().files.map(\.id)
        #expect(ids == ["more/archive.mht", "more/page.htm", "more/page.xhtml", "news/ferry.html", "orphan_files/kept.txt"])
    }

    @Test func listShowsTheExtractedTitleAndFormat() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        let run = try CommandLineTests.run(["list", "--json", "--library", folder.path, "--state-dir", folder.path + "/state"],
                                           environment: ["XDG_CACHE_HOME": folder.path + "/cache"])
        #expect(run.status == 0, "\(run.stderr)")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        let ferry = try #require(entries.first { $0["id"] as? String == "news/ferry.html" })
        #expect(ferry["title"] as? String == "Ferry Timetable Changes for Winter")
        #expect(ferry["format"] as? String == "html")
        #expect(entries.contains { $0["id"] as? String == "more/archive.mht" && $0["title"] as? String == "Archived page" })
    }

    @Test func showPrintsTheArticleWithoutChromeAndFullPrintsThePage() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        let args = ["show", "news/ferry.html", "--width", "60", "--library", folder.path, "--state-dir", folder.path + "/state"]
        let run = try CommandLineTests.run(args)
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "Ferry Timetable Changes for Winter")
        #expect(lines.dropFirst().first == "Harbour News · 1 min")
        #expect(run.stdout.contains("full\ntimetable[2] is posted"))
        #expect(!run.stdout.contains("Sport") && !run.stdout.contains("About us") && !run.stdout.contains("secret"))
        for line in lines { #expect(DisplayWidth.of(String(line)) <= 60) }
        let full = try CommandLineTests.run(args + ["--full"])
        #expect(full.stdout.contains("Sport") && full.stdout.contains("About us"))
        #expect(!full.stdout.contains("secret") && !full.stdout.contains("color: red"))
    }

    @Test func linksAreResolvedAgainstTheSavedURL() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        let run = try CommandLineTests.run(["links", "news/ferry.html", "--json", "--library", folder.path, "--state-dir", folder.path + "/s"])
        let links = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(links.map { $0["url"] as? String } == ["https://harbour.example.org/news/42", "https://harbour.example.org/timetable.pdf"])
        #expect(links.last?["label"] as? String == "full timetable")
        #expect(links.last?["openable"] as? Bool == true)
    }

    @Test func searchReadsTheArticleNotScriptsStylesOrAttributes() throws {
        let folder = try Self.library()
        defer { folder.remove() }
        let env = ["XDG_CACHE_HOME": folder.path + "/cache"]
        let base = ["--json", "--library", folder.path, "--state-dir", folder.path + "/state"]
        let hit = try CommandLineTests.run(["search", "season tickets"] + base, environment: env)
        let found = try #require(try JSONSerialization.jsonObject(with: Data(hit.stdout.utf8)) as? [[String: Any]])
        #expect(found.map { $0["id"] as? String } == ["news/ferry.html"])
        let miss = try CommandLineTests.run(["search", "lighthousekeeper"] + base, environment: env)
        let none = try #require(try JSONSerialization.jsonObject(with: Data(miss.stdout.utf8)) as? [[String: Any]])
        #expect(none.isEmpty)
    }
}
