import Foundation

/// An article described in a page's JSON-LD (schema.org): its title, authors, date and publisher.
struct JSONLDArticle {
    var title: String?
    var byline: String?
    var datePublished: String?
    var publisher: String?

    /// The schema.org types that describe an article (Readability's, with recipes, how-tos and reviews).
    static let articleTypes: Set<String> = [
        "Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle", "AskPublicNewsArticle",
        "BackgroundNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle", "Report",
        "SatiricalArticle", "ScholarlyArticle", "MedicalScholarlyArticle", "SocialMediaPosting", "BlogPosting",
        "LiveBlogPosting", "DiscussionForumPosting", "TechArticle", "APIReference", "Recipe", "HowTo", "Review",
    ]

    /// The article in one JSON-LD script, if it holds one. When both `name` and `headline` are given
    /// and differ, the one like `documentTitle` is the title (`name` otherwise).
    init?(json text: String, documentTitle: String?) {
        var json = text.trimmedWhitespace
        if json.hasPrefix("<![CDATA["), json.hasSuffix("]]>") { json = String(json.dropFirst(9).dropLast(3)) }
        guard json.utf8.count < 1 << 20,
              let parsed = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]) else { return nil }
        guard let object = Self.article(in: parsed) else { return nil }
        let name = (object["name"] as? String)?.trimmedWhitespace
        let headline = (object["headline"] as? String)?.trimmedWhitespace
        if let name, let headline, name != headline {
            let nameMatches = documentTitle.map { ArticleExtractor.similarity(name, $0) > 0.75 } ?? false
            let headlineMatches = documentTitle.map { ArticleExtractor.similarity(headline, $0) > 0.75 } ?? false
            title = headlineMatches && !nameMatches ? headline : name
        } else {
            title = name ?? headline
        }
        if let author = object["author"] as? [String: Any], let authorName = author["name"] as? String {
            byline = authorName.trimmedWhitespace
        } else if let authors = object["author"] as? [Any] {
            let names = authors.compactMap { ($0 as? [String: Any])?["name"] as? String }
                .map { $0.trimmedWhitespace }
            byline = names.isEmpty ? nil : names.joined(separator: ", ")
        }
        datePublished = object["datePublished"] as? String
        publisher = (object["publisher"] as? [String: Any])?["name"] as? String
    }

    /// The first object of an article type: the value itself, an element of an array, or of `@graph`.
    private static func article(in value: Any) -> [String: Any]? {
        if let list = value as? [Any] {
            return list.lazy.compactMap { $0 as? [String: Any] }.first { isSchemaOrg($0) && isArticle($0) }
        }
        guard let object = value as? [String: Any], isSchemaOrg(object) else { return nil }
        if isArticle(object) { return object }
        if object["@type"] == nil, let graph = object["@graph"] as? [Any] {
            return graph.lazy.compactMap { $0 as? [String: Any] }.first(where: isArticle)
        }
        return nil
    }

    private static func isArticle(_ object: [String: Any]) -> Bool {
        if let type = object["@type"] as? String { return articleTypes.contains(type) }
        if let types = object["@type"] as? [Any] {
            return types.contains { ($0 as? String).map(articleTypes.contains) ?? false }
        }
        return false
    }

    /// Whether `@context` is schema.org (a string, or an object with `@vocab`).
    private static func isSchemaOrg(_ object: [String: Any]) -> Bool {
        let context = (object["@context"] as? String) ?? ((object["@context"] as? [String: Any])?["@vocab"] as? String)
        guard let context else { return false }
        let bare = context.hasSuffix("/") ? String(context.dropLast()) : context
        return bare == "http://schema.org" || bare == "https://schema.org"
    }
}
