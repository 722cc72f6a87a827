import Foundation
import Testing
@testable import ReaderCore

/// What a reader-mode fixture must come out as (`Fixtures/readermode/NAME.expect.json`).
struct ReaderModeExpectation: Decodable {
    var title: String
    var bodyFirst: String
    var bodyLast: String
    var references: [String]
    var absentFromBody: [String]
    var saved: String?
    var author: String?
    var site: String?
    var source: String?
}

@Suite struct ReaderModeTests {
    static let folder = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/readermode")

    static var fixtureNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasSuffix(".expect.json") }.sorted()
    }

    @Test func thereAreAtLeastEightLayouts() {
        #expect(Self.fixtureNames.count >= 8)
    }

    @Test(arguments: fixtureNames)
    func splitsPageIntoTitleBodyReferencesAndChrome(_ name: String) throws {
        let url = Self.folder.appendingPathComponent(name)
        let stem = (name as NSString).deletingPathExtension
        let expect = try JSONDecoder().decode(ReaderModeExpectation.self,
                                              from: Data(contentsOf: Self.folder.appendingPathComponent(stem + ".expect.json")))
        let text = try String(contentsOf: url, encoding: .utf8)
        let article = ArticleParser.parse(text, format: ArticleFormat(fileName: name)!, fallbackTitle: stem)
        let body = article.body
        #expect(article.title == expect.title)
        #expect(body.first?.text.hasPrefix(expect.bodyFirst) == true, "body starts: \(body.first?.text.prefix(40) ?? "nothing")")
        #expect(body.last?.text.hasSuffix(expect.bodyLast) == true, "body ends: \(body.last?.text.suffix(40) ?? "nothing")")
        let referenceURLs = article.page.filter { $0.role == .references }
            .flatMap { block in block.inlineLinks.map(\.url) + URLScanner.urls(in: block.text).map(\.url) }
        #expect(referenceURLs == expect.references)
        let linkURLs = Set(article.links.map(\.url))
        #expect(expect.references.allSatisfy(linkURLs.contains))
        let bodyText = body.map(\.text).joined(separator: "\n")
        for chrome in expect.absentFromBody {
            #expect(!bodyText.contains(chrome), "chrome in body: \(chrome)")
        }
        if let saved = expect.saved { #expect(article.metadata.date == saved) }
        if let author = expect.author { #expect(article.metadata.author == author) }
        if let site = expect.site { #expect(article.metadata.site == site) }
        if let source = expect.source { #expect(article.metadata.source == source) }
    }
}
