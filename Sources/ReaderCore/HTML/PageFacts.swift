import Foundation

/// The facts of a page that metadata is read from, gathered in one walk of the tree: meta tags by
/// Readability's naming rules, `<title>`, headings, JSON-LD scripts, canonical and base links,
/// `<html lang>` and the first dates in the markup.
struct PageFacts {
    var lang: String?
    var title: String?
    var baseHref: String?
    var canonical: String?
    /// Meta values by normalized name (`og:title`, `dc:creator`, `author`…); the last one wins.
    var metaValues: [String: String] = [:]
    var jsonLD: [String] = []
    /// The text of every `<h1>` and `<h2>`.
    var headings: [(tag: String, text: String)] = []
    var itemDate: String?
    var firstTime: String?

    mutating func collect(_ document: HTMLNode) {
        var stack = [document]
        while let node = stack.popLast() {
            if node.isText { continue }
            switch node.tag {
            case "html": lang = lang ?? node["lang"].flatMap { $0.isEmpty ? nil : $0 }
            case "title": if title == nil { title = node.innerText }
            case "base": baseHref = baseHref ?? node["href"]
            case "link":
                if canonical == nil, node["rel"]?.lowercased().split(separator: " ").contains("canonical") == true {
                    canonical = node["href"]
                }
            case "meta": meta(node)
            case "script": jsonLD.append(node.children.map(\.text).joined())
            case "h1", "h2": headings.append((node.tag, node.innerText))
            case "time": firstTime = firstTime ?? node["datetime"]
            default: break
            }
            if itemDate == nil, node["itemprop"] == "datePublished" {
                itemDate = node["content"] ?? node["datetime"] ?? node.innerText
            }
            stack.append(contentsOf: node.children.reversed())
        }
    }

    private mutating func meta(_ node: HTMLNode) {
        guard let content = node["content"]?.trimmedWhitespace, !content.isEmpty else { return }
        if let property = node["property"]?.lowercased() {
            if property.split(separator: " ").contains("og:url") { metaValues["og:url"] = content }
            if let name = Self.propertyName(property) {
                metaValues[name] = content
                return
            }
        }
        if let name = node["name"].flatMap(Self.metaName) { metaValues[name] = content }
    }

    /// `article:`, `dc:`, `dcterm:`, `og:` or `twitter:` with a known field, the first of a
    /// space-separated list.
    static func propertyName(_ property: String) -> String? {
        for token in property.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
            guard let colon = token.firstIndex(of: ":") else { continue }
            if propertyPrefixes.contains(token[..<colon]), propertyFields.contains(token[token.index(after: colon)...]) {
                return String(token)
            }
        }
        return nil
    }

    private static let propertyPrefixes: Set<Substring> = ["article", "dc", "dcterm", "og", "twitter"]
    private static let propertyFields: Set<Substring> = ["author", "creator", "description", "published_time", "title", "site_name"]
    private static let nameFields: Set<Substring> = ["author", "creator", "pub-date", "description", "title", "site_name"]
    private static let namePrefixes = ["dc", "dcterm", "og", "twitter", "parsely", "weibo:article", "weibo:webpage"]

    /// A `name` such as `author`, `dc.creator`, `twitter:title`, `parsely-pub-date`, normalized
    /// (lowercase, `.` as `:`).
    static func metaName(_ name: String) -> String? {
        let normal = String(name.lowercased().unicodeScalars.lazy.filter { !$0.isWhite }
            .map { $0 == "." ? ":" : $0 }.map(Character.init))
        if nameFields.contains(Substring(normal)) { return normal }
        for prefix in namePrefixes where normal.hasPrefix(prefix) {
            let rest = normal.dropFirst(prefix.count)
            if let separator = rest.first, separator == "-" || separator == ":", nameFields.contains(rest.dropFirst()) {
                return normal
            }
        }
        return nil
    }
}
