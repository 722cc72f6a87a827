import Testing
@testable import ReaderCore

@Suite struct SearchTokenizerTests {
    /// The tokens of `text` as strings, with their positions.
    func tokens(_ text: String, query: Bool = false) -> [(String, Int)] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { buffer in
            SearchTokenizer.tokens(of: buffer, query: query).map { (String(decoding: buffer[$0.range], as: UTF8.self), $0.position) }
        }
    }

    @Test func wordsAreTokensAndPunctuationSplitsThem() {
        #expect(tokens("openai's 3.0 model_x, naïve").map(\.0) == ["openai", "s", "3", "0", "model_x", "naïve"])
        #expect(tokens("openai's 3.0").map(\.1) == [0, 1, 2, 3])
        // Marks stay in their word (Devanagari vowel signs, a virama).
        #expect(tokens("हिन्दी भाषा").map(\.0) == ["हिन्दी", "भाषा"])
    }

    @Test func aCJKRunGivesItsPairsAndForADocumentItsLastCharacterBesideTheLastPair() {
        let document = tokens("融资公司")
        #expect(document.map(\.0) == ["融资", "资公", "公司", "司"])
        #expect(document.map(\.1) == [0, 1, 2, 2])
        #expect(tokens("融资公司", query: true).map(\.0) == ["融资", "资公", "公司"])
        // One character alone is a token; kana and Hangul pair like Han; Latin ends a run.
        #expect(tokens("的").map(\.0) == ["的"])
        #expect(tokens("東京タワー", query: true).map(\.0) == ["東京", "京タ", "タワ", "ワー"])
        #expect(tokens("서울 시장", query: true).map(\.0) == ["서울", "시장"])
        #expect(tokens("用AI写作").map(\.0) == ["用", "AI", "写作", "作"])
        // CJK punctuation is no character of a run.
        #expect(tokens("你好，世界。", query: true).map(\.0) == ["你好", "世界"])
    }

    @Test func aVeryLongWordIsCutIntoPieces() {
        let word = String(repeating: "a", count: 1_000)
        let pieces = tokens(word).map(\.0)
        #expect(pieces.joined() == word)
        #expect(pieces.allSatisfy { $0.utf8.count <= 240 })
    }

    @Test func aQueryIsFoldedSplitAndQuotedAsPhrasesAndALoneCJKCharacterIsAPrefix() throws {
        #expect(try SearchQuery("Lighthouse  Keeper").expression == "\"lighthouse\" AND \"keeper\"")
        #expect(try SearchQuery("\"lighthouse keeper\"").expression == "\"lighthouse keeper\"")
        #expect(try SearchQuery("ＯｐｅｎＡＩ融资").expression == "\"openai 融资\"")
        #expect(try SearchQuery("司").expression == "\"司\" *")
        #expect(try SearchQuery("tag:AI author:Ingrid").expression == "tags : \"ai\" AND about : \"ingrid\"")
        #expect(try SearchQuery("lightho", typing: true).expression == "\"lightho\" *")
        #expect(try SearchQuery("\"o'neil\"").expression == "\"o neil\"")
        // Nothing to search for: punctuation only.
        #expect(throws: SearchQuery.Failure.self) { try SearchQuery("#  ,,, 。") }
    }

    /// CJK is found as written: across the end of a run into a word, but not across punctuation.
    @Test func cJKIsFoundAsWrittenUpToARunsEnd() throws {
        let document = SearchDocument(text: Array("标题\n\n\n他在总公司ABC工作。东京，大阪".utf8))
        for (query, found) in [("公司abc", true), ("司", true), ("总公", true), ("公司ab", false), ("东京", true), ("东京大阪", false), ("京大", false), ("大阪", true)] {
            #expect((SearchMatcher.match(try SearchQuery(query), in: document) != nil) == found, "\(query)")
        }
    }
}
