import Foundation
import Testing
@testable import ReaderCore

/// A temporary library of saved pages in Chinese, Japanese, Korean and English (with chrome
/// and references), one GBK-encoded article, and a cache folder beside it.
final class SearchLibrary {
    let folder: TemporaryFolder
    let root: String
    let cacheHome: String
    let cache: LibraryCache

    static let readermode = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/readermode")
    static let encodings = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/encodings")

    /// Saved pages from the reader-mode fixtures, by where they go in the library.
    static let pages = [
        ("zh/portal-tech.txt", "zh-portal-tech.txt"),
        ("zh/wechat-tofu.txt", "zh-wechat-article.txt"),
        ("zh/teahouse.md", "zh-clipping-teahouse.md"),
        ("ja/shotengai.txt", "ja-news-economy.txt"),
        ("ko/baking.txt", "ko-blog-baking.txt"),
        ("en/council.txt", "en-news-tech.txt"),
    ]

    /// Short articles that rank differently for "lighthouse".
    static let lighthouses = [
        ("en/lighthouse-history.txt", """
            A Short History of the Lighthouse

            Every lighthouse on this coast was first lit with whale oil. The last keeper of the northern lighthouse retired in 1962, and the lamp has run on its own ever since.

            """),
        ("en/lighthouse-keeper.md", """
            ---
            title: The Lighthouse Keeper
            saved: 2024-06-01
            ---

            She kept the lamp burning through forty winters on the northern cape, writing every storm into a leather notebook that her grandson still keeps on his shelf.

            """),
        ("en/harbour-notes.txt", """
            Notes from the Harbour

            The old lighthouse on the breakwater was repainted this spring. Fishermen say the lighthouse beam now reaches further out to sea, and the harbour master plans to open the lighthouse to visitors in summer.

            Boats still come in late when the fog is thick, and the bell on the pier rings all night.

            """),
        ("en/coastal-walk.txt", """
            A Coastal Walk

            The path follows the cliffs for six miles and passes a small lighthouse before it turns inland towards the village and its two old pubs.

            """),
    ]

    init() throws {
        folder = try TemporaryFolder()
        root = folder.path + "/library"
        cacheHome = folder.path + "/cache"
        do {
            for (id, name) in Self.pages {
                try folder.write("library/" + id, bytes: Array(try Data(contentsOf: Self.readermode.appendingPathComponent(name))))
            }
            try folder.write("library/zh/bicycle-gbk.txt", bytes: Array(try Data(contentsOf: Self.encodings.appendingPathComponent("gbk.txt"))))
            for (id, text) in Self.lighthouses { try folder.write("library/" + id, text) }
        } catch {
            folder.remove()
            throw error
        }
        cache = LibraryCache(root: root, cacheHome: cacheHome)
    }

    var library: Library { Library(root: root, cache: cache) }

    func remove() { folder.remove() }

    func indexed(_ query: String) throws -> [SearchResult] { try LibrarySearch.indexed(query, in: library, cache: cache).results }

    func scanned(_ query: String) throws -> [SearchResult] { try LibrarySearch.scanned(query, in: Library(root: root)).results }

    /// Replaces the file's content and gives it a modification time of its own.
    func edit(_ id: String, _ text: String, modified: Date) throws {
        try folder.write("library/" + id, text)
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: root + "/" + id)
    }

    func size(of path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : -1
    }
}

@Suite struct LibrarySearchTests {
    static let queries = ["数据库", "茶馆", "豆腐", "商店街", "空き店舗", "팥소", "단팥빵", "council", "ＣＯＵＮＣＩＬ", "the", "Lighthouse",
                          "lighthouse keeper", "自行车", "的", "3.0", "ｶﾞｲﾄﾞ", "zzqx no such words"]

    @Test func indexedSearchAnswersLikeScanningEveryArticle() throws {
        let library = try SearchLibrary()
        defer { library.remove() }
        var found = 0
        for query in Self.queries {
            let indexed = try library.indexed(query)
            #expect(indexed == (try library.scanned(query)), "query \(query)")
            found += indexed.isEmpty ? 0 : 1
        }
        #expect(found >= Self.queries.count - 2)
        // And again, from the filled cache.
        for query in Self.queries { #expect(try library.indexed(query) == (try library.scanned(query)), "query \(query), warm") }
    }

    @Test func findsWordsInEachLanguageInTheRightArticle() throws {
        let library = try SearchLibrary()
        defer { library.remove() }
        let expected: [(String, String)] = [("数据库", "zh/portal-tech.txt"), ("豆腐", "zh/wechat-tofu.txt"), ("茶馆", "zh/teahouse.md"),
                                            ("空き店舗", "ja/shotengai.txt"), ("팥소", "ko/baking.txt"), ("fiber network", "en/council.txt")]
        for (query, id) in expected {
            let results = try library.indexed(query)
            #expect(results.map(\.id) == [id], "query \(query)")
            let snippet = String(decoding: TextFolder.fold(results.first?.snippet ?? ""), as: UTF8.self)
            #expect(snippet.contains(String(decoding: TextFolder.fold(query), as: UTF8.self)), "snippet of \(query): \(snippet)")
        }
    }

    @Test func severalWordsMustAllBeFoundAndQuotesMakeAPhrase() throws {
        let library = try SearchLibrary()
        defer { library.remove() }
        // Both words are in the harbour notes; only one of them in the coastal walk.
        #expect(try library.indexed("fog lighthouse").map(\.id) == ["en/harbour-notes.txt"])
        #expect(try library.indexed("lighthouse fog") == (try library.scanned("lighthouse fog")))
        #expect(try library.indexed("lighthouse cliffs").map(\.id) == ["en/coastal-walk.txt"])
        // As a phrase, the words must stand together as written.
        #expect(try library.indexed("\"lighthouse beam\"").map(\.id) == ["en/harbour-notes.txt"])
        #expect(try library.indexed("\"beam lighthouse\"").isEmpty)
        #expect(try library.indexed("beam lighthouse").map(\.id) == ["en/harbour-notes.txt"])
        #expect(SearchQuery.words("a \"b c\" d") == ["a", "b c", "d"])
        #expect(throws: SearchQuery.Failure.self) { try SearchQuery("  \"\" ") }
    }

    @Test func accentsKanaAndChineseVariantsFindEachOther() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("library/fr.txt", "Le café du port\n\nUn crème au comptoir, près de la jetée.\n")
        try folder.write("library/ja.txt", "港のカフェ\n\n朝はコーヒーを一杯。\n")
        try folder.write("library/zh.txt", "港口圖書館\n\n這座圖書館在碼頭旁邊。\n")
        let root = folder.path + "/library", cache = LibraryCache(root: root, cacheHome: folder.path + "/cache")
        let search = { (query: String) in try LibrarySearch.indexed(query, in: Library(root: root, cache: cache), cache: cache).results.map(\.id) }
        #expect(try search("cafe creme") == ["fr.txt"])
        #expect(try search("pres de la jetee") == ["fr.txt"])
        #expect(try search("こーひー") == ["ja.txt"])
        #expect(try search("かふぇ") == ["ja.txt"])
        #expect(try search("图书馆") == ["zh.txt"])
        #expect(try search("码头") == ["zh.txt"])
        #expect(try LibrarySearch.scanned("码头", in: Library(root: root)).results.map(\.id) == ["zh.txt"])
    }

    @Test func authorsSourcesAndTagsAreFoundAndTagNameFindsATag() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let page = { (author: String, tags: String, body: String) in
            "---\ntitle: Notes\nauthor: \(author)\nsource: https://tides.example.org/a\ntags: [\(tags)]\n---\n\n\(body)\n"
        }
        try folder.write("library/a.md", page("Ingrid Holm", "sailing, ai", "About knots."))
        try folder.write("library/b.md", page("Tomas Berg", "aircraft", "About wings."))
        let root = folder.path + "/library", cache = LibraryCache(root: root, cacheHome: folder.path + "/cache")
        let search = { (query: String) in try LibrarySearch.indexed(query, in: Library(root: root, cache: cache), cache: cache).results.map(\.id) }
        #expect(try search("Ingrid") == ["a.md"])
        #expect(try search("tides.example.org").sorted() == ["a.md", "b.md"])
        #expect(try search("tag:ai") == ["a.md"])
        #expect(try search("tag:aircraft") == ["b.md"])
        #expect(try search("#sailing knots") == ["a.md"])
        #expect(try search("author:Ingrid") == ["a.md"])
        #expect(try search("author:\"Tomas Berg\" wings") == ["b.md"])
        #expect(try search("source:tides.example.org wings") == ["b.md"])
    }

    @Test func aFullwidthQueryFindsWhatItsASCIIFormFinds() throws {
        let library = try SearchLibrary()
        defer { library.remove() }
        let ascii = try library.indexed("council")
        #expect(!ascii.isEmpty)
        #expect(try library.indexed("ＣＯＵＮＣＩＬ") == ascii)
        #expect(try library.indexed("COUNCIL") == ascii)
    }

    @Test func titleMatchesRankFirstThenMoreMatches() throws {
        let library = try SearchLibrary()
        defer { library.remove() }
        for results in [try library.indexed("lighthouse"), try library.scanned("lighthouse")] {
            #expect(results.map(\.id) == ["en/lighthouse-history.txt", "en/lighthouse-keeper.md", "en/harbour-notes.txt", "en/coastal-walk.txt"])
            #expect(results.map(\.titleMatches) == [true, true, false, false])
            #expect(results.map(\.matches) == [3, 1, 3, 1])
            #expect(results.first?.title == "A Short History of the Lighthouse")
        }
    }

    @Test func aGBKEncodedArticleIsFoundByAChineseWordOfItsText() throws {
        let library = try SearchLibrary()
        defer { library.remove() }
        for query in ["刹车皮", "自行车", "老师傅"] {
            let results = try library.indexed(query)
            #expect(results.map(\.id) == ["zh/bicycle-gbk.txt"], "query \(query)")
            #expect(results.first?.snippet.contains(query) == true, "snippet: \(results.first?.snippet ?? "")")
            #expect(results == (try library.scanned(query)))
        }
        #expect(try library.indexed("刹车皮").first?.title == "修好一辆旧自行车")
    }

    /// Text only in related lists, disclaimers, UI lines or references is not the article's.
    @Test(arguments: ["云服务厂商下调存储价格", "不构成任何投资建议", "修表匠", "地方銀行", "딸기잼", "wired keyboard", "Example Media",
                      "citycouncil.example.gov", "baking-notes.example.kr", "古镇周末两日游", "分享到微博"])
    func textOnlyInPageChromeOrReferencesIsNotFound(_ query: String) throws {
        let library = try SearchLibrary()
        defer { library.remove() }
        // The text is in a saved file, so a plain byte search of the library would find it.
        let inFiles = try FileManager.default.subpathsOfDirectory(atPath: library.root).contains { id in
            (try? String(contentsOfFile: library.root + "/" + id, encoding: .utf8))?.contains(query) == true
        }
        #expect(inFiles)
        #expect(try library.indexed(query).isEmpty)
        #expect(try library.scanned(query).isEmpty)
    }

    /// The index finds whole words; a query typed key by key finds its last word as a prefix.
    @Test func wordsAreFoundWholeAndTheLastWordWhileTypingAsAPrefix() throws {
        let library = try SearchLibrary()
        defer { library.remove() }
        #expect(try library.indexed("lightho").isEmpty)
        #expect(try library.scanned("lightho").isEmpty)
        let typed = try LibrarySearch.indexed("lightho", in: library.library, cache: library.cache, typing: true).results
        #expect(typed.map(\.id) == (try library.indexed("lighthouse")).map(\.id))
        #expect(typed == (try LibrarySearch.scanned("lightho", in: library.library, typing: true).results))
        // Only the last word is a prefix, and a space after it ends it.
        #expect(try LibrarySearch.indexed("ligh fog", in: library.library, cache: library.cache, typing: true).results.isEmpty)
        #expect(try LibrarySearch.indexed("lightho ", in: library.library, cache: library.cache, typing: true).results.isEmpty)
    }

    /// A snippet of a long article folds only the lines up to its first match, and is the one the
    /// whole article gives: a match early, late, a phrase across a line's end at a cut, several terms.
    @Test func theSnippetOfALongArticleIsTheWholeArticlesAndFoldsOnlyWhatItNeeds() throws {
        var lines = ["長い記事 Long Article", "", ""]
        for n in 0..<3_000 {
            lines.append(n == 5 ? "潮の満ち引きと灯台守 lighthouse keeper" : "Line \(n) of filler text, 段落 \(n)：平凡な一日。")
        }
        // "harbour master" across a line's end near the first cut (4,096 bytes), and whole later on.
        let cut = lines.indices.first { lines[...$0].reduce(0) { $0 + $1.utf8.count + 1 } > 4_096 }!
        lines[cut] += " harbour"
        lines[cut + 1] = "master " + lines[cut + 1]
        lines[2_000] += " the harbour master came 乔素斤"
        let text = Array(lines.joined(separator: "\n").utf8)
        let whole = SearchDocument(text: text)
        #expect(SearchMatcher.match(try SearchQuery("\"harbour master\""), in: whole)?.first ?? 0 < 4_200)
        for query in ["lighthouse", "\"harbour master\"", "harbour master", "乔素斤", "keeper 乔素斤", "filler 2999", "長い記事"] {
            let parsed = try SearchQuery(query)
            let (lead, first) = LibrarySearch.leadingDocument(holdingFirstMatchOf: parsed, in: text)
            #expect(first == SearchMatcher.match(parsed, in: whole)?.first, "\(query)")
            let hit = SearchIndex.Hit(id: "a.txt", title: "", matches: 1, inTitle: false)
            #expect(LibrarySearch.result(hit, lead, first: first) == LibrarySearch.result(hit, whole, parsed), "\(query)")
        }
        #expect(LibrarySearch.leadingDocument(holdingFirstMatchOf: try SearchQuery("lighthouse"), in: text).0.text.count < 8_192)
        #expect(LibrarySearch.leadingDocument(holdingFirstMatchOf: try SearchQuery("no such word"), in: text).first == 0)
    }

    // MARK: - Keeping the index current

    @Test func theIndexFollowsEditsDeletionsAndAdditions() throws {
        let library = try SearchLibrary()
        defer { library.remove() }
        #expect(try library.indexed("council").map(\.id) == ["en/council.txt"])
        let before = try library.cache.index().stamps()
        #expect(before.count == SearchLibrary.pages.count + SearchLibrary.lighthouses.count + 1)

        // Edited: new content, new time.
        try library.edit("en/council.txt", """
            Zeppelin Flights Return

            A zeppelin flew over the city on Sunday for the first time in decades, drawing crowds to the riverside park and the old airfield.

            """, modified: Date(timeIntervalSince1970: 1_000_000_000))
        #expect(try library.indexed("zeppelin").map(\.id) == ["en/council.txt"])
        #expect(try library.indexed("zeppelin") == (try library.scanned("zeppelin")))
        #expect(try library.indexed("council").isEmpty)
        #expect(try library.indexed("fiber network").isEmpty)
        #expect(try library.indexed("the") == (try library.scanned("the")))
        // Only the edited article was indexed again.
        let after = try library.cache.index().stamps()
        let ids = library.cache.loadRows().map(\.id)
        #expect(after.count == before.count && ids.count == before.count)
        #expect(ids.allSatisfy { after.stamp(of: $0) != nil })
        #expect(ids.filter { before.stamp(of: $0) != after.stamp(of: $0) } == ["en/council.txt"])

        // Deleted.
        #expect(try library.indexed("茶馆").map(\.id) == ["zh/teahouse.md"])
        try FileManager.default.removeItem(atPath: library.root + "/zh/teahouse.md")
        #expect(try library.indexed("茶馆").isEmpty)
        #expect(!library.cache.loadRows().contains { $0.id == "zh/teahouse.md" })
        #expect(try library.cache.index().stamps().stamp(of: "zh/teahouse.md") == nil)

        // Added.
        #expect(try library.indexed("쿼카").isEmpty)
        try library.folder.write("library/ko/quokka.txt", """
            섬에서 만난 쿼카

            지난여름 서호주의 작은 섬에서 쿼카를 처음 보았습니다. 사람을 무서워하지 않는 쿼카는 자전거 옆까지 다가와 한참 동안 우리를 바라보았습니다.

            """)
        #expect(try library.indexed("쿼카").map(\.id) == ["ko/quokka.txt"])
        #expect(try library.indexed("쿼카").first?.matches == 3)
        for query in Self.queries { #expect(try library.indexed(query) == (try library.scanned(query)), "query \(query)") }
    }

    @Test func deletingTheCacheFolderChangesNoAnswer() throws {
        let library = try SearchLibrary()
        defer { library.remove() }
        let answers = try Self.queries.map(library.indexed)
        #expect(FileManager.default.fileExists(atPath: library.cache.directory + "/articles.tsv"))
        try FileManager.default.removeItem(atPath: library.cache.directory)
        #expect(try Self.queries.map(library.indexed) == answers)
        #expect(FileManager.default.fileExists(atPath: library.cache.directory + "/articles.tsv"))
        #expect(try Self.queries.map(library.indexed) == answers)
    }

    /// Damaged tables, by name.
    static let damagedTables: [String: [UInt8]] = [
        "binary garbage": Array("\u{00}\u{FF}garbage\u{01}\t\t\n\u{7F}".utf8) + [0xFF, 0xFE, 0x00, 0x13],
        "a row of three fields": Array((LibraryCache.header + "\nnot\ta\trow\n").utf8),
        "a row of invalid UTF-8": Array((LibraryCache.header + "\n").utf8) + [0xC3, 0x28, 0x09, 0x0A] + Array(repeating: 0x41, count: 300),
    ]

    @Test(arguments: damagedTables.keys.sorted())
    func aCorruptTableIsRebuiltAndGivesTheSameAnswers(_ damage: String) throws {
        let garbage = try #require(Self.damagedTables[damage])
        let library = try SearchLibrary()
        defer { library.remove() }
        let answers = try Self.queries.map(library.indexed)
        let rows = library.cache.loadRows().count
        #expect(rows == SearchLibrary.pages.count + SearchLibrary.lighthouses.count + 1)
        try Data(garbage).write(to: URL(fileURLWithPath: library.cache.directory + "/articles.tsv"))
        #expect(library.cache.loadRows().isEmpty)
        #expect(try Self.queries.map(library.indexed) == answers)
        #expect(library.cache.loadRows().count == rows)
        #expect(try library.cache.index().stamps().count == rows)
    }

    @Test(arguments: ["", "   ", "\t", "\u{200B}", "\u{1B}[31m"])
    func aQueryThatFoldsToNothingThrows(_ query: String) throws {
        let library = try SearchLibrary()
        defer { library.remove() }
        #expect(throws: SearchQuery.Failure.self) { try library.indexed(query) }
        #expect(throws: SearchQuery.Failure.self) { try library.scanned(query) }
    }
}
