import Foundation
import Testing
@testable import ReaderCore

/// What an HTML fixture must come out as (`Fixtures/html/NAME.expect.json`).
struct HTMLExpectation: Decodable {
    var title: String
    var author: String?
    var date: String?
    var site: String?
    var lang: String?
    var source: String?
    var bodyFirst: String
    var bodyLast: String
    var bodyIncludes: [String]
    var absentFromBody: [String]
    var links: [String]
}

@Suite struct HTMLReaderModeTests {
    static let folder = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/html")

    static var fixtureNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { ($0.hasSuffix(".html") || $0.hasSuffix(".mhtml")) }.sorted()
    }

    /// A block's text without the citation markers (`[3]`) links put in it.
    static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: #"\[\d+\]"#, with: "", options: .regularExpression)
    }

    @Test func thereAreAtLeastTwelveLayouts() {
        #expect(Self.fixtureNames.count >= 12)
    }

    @Test(arguments: fixtureNames)
    func findsTheArticleAndItsMetadata(_ name: String) throws {
        let url = Self.folder.appendingPathComponent(name)
        let stem = (name as NSString).deletingPathExtension
        let expect = try JSONDecoder().decode(HTMLExpectation.self,
                                              from: Data(contentsOf: Self.folder.appendingPathComponent(stem + ".expect.json")))
        let article = try ArticleLoader().load(path: url.path, format: ArticleFormat(fileName: name)!, fallbackTitle: stem)
        let body = article.body.map { Self.plain($0.text) }.filter { !$0.isEmpty }
        let bodyText = body.joined(separator: "\n")
        #expect(article.title == expect.title)
        #expect(body.first?.hasPrefix(expect.bodyFirst) == true, "body starts: \(body.first?.prefix(60) ?? "nothing")")
        #expect(body.last?.hasSuffix(expect.bodyLast) == true, "body ends: \(body.last?.suffix(60) ?? "nothing")")
        for phrase in expect.bodyIncludes { #expect(bodyText.contains(phrase), "missing from body: \(phrase)") }
        for chrome in expect.absentFromBody { #expect(!bodyText.contains(chrome), "chrome in body: \(chrome)") }
        let linkURLs = Set(article.links.map(\.url))
        for link in expect.links { #expect(linkURLs.contains(link), "missing link: \(link)") }
        if let author = expect.author { #expect(article.metadata.author == author) }
        if let date = expect.date { #expect(article.metadata.date == date) }
        if let site = expect.site { #expect(article.metadata.site == site) }
        if let lang = expect.lang { #expect(article.metadata.language == lang) }
        if let source = expect.source { #expect(article.metadata.source == source) }
        // The list reads only the page's head, and must name the article as `show` does.
        let head = ArticleParser.pageHead(bytes: Array(try Data(contentsOf: url)), format: ArticleFormat(fileName: name)!,
                                          fallbackTitle: stem)
        #expect(head.title == article.title)
    }
}
