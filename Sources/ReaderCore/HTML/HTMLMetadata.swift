import Foundation

/// What a saved page says about itself, each field with its fallbacks (JSON-LD and meta tags
/// first, as Readability reads them):
/// - **title:** JSON-LD `headline`/`name`, `dc:title`, `og:title`, `twitter:title` and kin, else
///   `<title>` with the site name cut off (`Title - Site`, `Title | Site`, `Title_网站`), checked
///   against the page's `<h1>`;
/// - **byline:** JSON-LD `author`, meta `author`/`dc:creator`, `article:author`;
/// - **date:** JSON-LD `datePublished`, `article:published_time`, meta dates,
///   `itemprop=datePublished`, the first `<time datetime>`;
/// - **site name:** JSON-LD `publisher`, `og:site_name`; **language:** `<html lang>`;
/// - **source URL:** SingleFile's header comment (`url:`), Chrome's `<!-- saved from url=(N)… -->`,
///   monolith's `<!-- Saved from … at … -->`, an MHTML archive's location, `<link rel=canonical>`,
///   `og:url`.
struct HTMLMetadata: Equatable {
    var title: String?
    var byline: String?
    var date: String?
    var siteName: String?
    var lang: String?
    var source: String?
    var baseHref: String?
    /// When the page was saved (SingleFile's `saved date:`), as `YYYY-MM-DD`.
    var saved: String?

    /// Reads the metadata of `document`; `head` is the start of the page's text (for the comments
    /// saving tools leave), `location` an MHTML archive's source URL.
    static func read(_ document: HTMLNode, head: Substring, location: String? = nil) -> HTMLMetadata {
        var page = PageFacts()
        page.collect(document)
        var metadata = HTMLMetadata()
        metadata.lang = page.lang
        metadata.baseHref = page.baseHref
        let values = page.metaValues
        let documentTitle = articleTitle(page.title ?? "", headings: page.headings)
        let linked = page.jsonLD.lazy.compactMap { JSONLDArticle(json: $0, documentTitle: documentTitle) }.first
        let titleKeys = ["dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title", "title",
                         "twitter:title", "parsely-title"]
        metadata.title = clean(linked?.title ?? titleKeys.lazy.compactMap { values[$0] }.first ?? documentTitle)
        let articleAuthor = values["article:author"].flatMap { URLResolver.scheme(of: $0) == nil ? $0 : nil }
        metadata.byline = clean(linked?.byline ?? ["dc:creator", "dcterm:creator", "author", "parsely-author"].lazy
            .compactMap { values[$0] }.first ?? articleAuthor)
        metadata.siteName = clean(linked?.publisher ?? values["og:site_name"])
        if let site = metadata.siteName, let title = metadata.title { metadata.title = withoutSite(site, title) }
        for heading in page.headings where heading.tag == "h1" {
            guard let title = metadata.title, let h1 = clean(heading.text) else { continue }
            if isHeading(h1, of: title) {
                metadata.title = h1
                break
            }
        }
        let dates = [linked?.datePublished, values["article:published_time"], values["parsely-pub-date"],
                     values["pub-date"], page.itemDate, page.firstTime]
        metadata.date = dates.lazy.compactMap { $0.flatMap { MetadataScanner.date(in: $0) } }.first
        let saved = SavedPageComment(head)
        metadata.saved = saved.saved.flatMap { MetadataScanner.date(in: $0) }
        metadata.source = clean(saved.url ?? location ?? page.canonical ?? values["og:url"])
        return metadata
    }

    /// A metadata string as shown: entities some sites escape twice decoded, whitespace collapsed.
    static func clean(_ text: String?) -> String? {
        guard let text else { return nil }
        let line = Sanitizer.line(unescapeEntities(text))
            .split(whereSeparator: { $0.unicodeScalars.allSatisfy(HTMLText.isSpace) })
            .joined(separator: " ")
        return line.isEmpty ? nil : line
    }

    /// `&amp;`, `&quot;`, `&apos;`, `&lt;`, `&gt;` and numeric references, left in text escaped twice.
    static func unescapeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        let named = ["amp": "&", "quot": "\"", "apos": "'", "lt": "<", "gt": ">", "nbsp": "\u{A0}"]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(10).firstIndex(of: ";") {
                let name = after[..<semi]
                var value: String?
                if let known = named[String(name)] {
                    value = known
                } else if name.hasPrefix("#x") || name.hasPrefix("#X"), let code = UInt32(name.dropFirst(2), radix: 16) {
                    value = Unicode.Scalar(code).map { String($0) }
                } else if name.hasPrefix("#"), let code = UInt32(name.dropFirst()) {
                    value = Unicode.Scalar(code).map { String($0) }
                }
                if let value {
                    out += value
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        return out + rest
    }

    /// `title` without the site's own name before or after a separator (`Title - Site`,
    /// `Site: Title`, `Title_Site`, `Title | Site, the slogan`), when something is left.
    static func withoutSite(_ site: String, _ title: String) -> String {
        let separators = siteSeparators
        if let range = title.ranges(of: site).last, range.lowerBound > title.startIndex {
            let before = title[..<range.lowerBound]
            let trimmed = before.trimmedWhitespace
            if let last = trimmed.last, separators.contains(last) {
                let head = trimmed.dropLast().trimmedWhitespace
                if !head.isEmpty { return head }
            }
        }
        if title.hasPrefix(site) {
            let rest = title.dropFirst(site.count).trimmedWhitespace
            if let first = rest.first, separators.contains(first) {
                let tail = rest.dropFirst().trimmedWhitespace
                if !tail.isEmpty { return tail }
            }
        }
        return title
    }

    /// What stands between a title and its site's name.
    static let siteSeparators: Set<Character> = ["|", "-", "–", "—", ":", "_", "·", "｜", "/", "»"]

    /// Whether `title` is the page's `<h1>` with the site's name after a separator, or before one
    /// when the name is the shorter part (an `<h1>` that is the site's logo is not the title).
    static func isHeading(_ h1: String, of title: String) -> Bool {
        guard title != h1, !h1.isEmpty else { return false }
        if title.hasPrefix(h1) {
            return title.dropFirst(h1.count).trimmedWhitespace.first.map(siteSeparators.contains) ?? false
        }
        if title.hasSuffix(h1) {
            let rest = title.dropLast(h1.count).trimmedWhitespace
            return rest.count < h1.count && (rest.last.map(siteSeparators.contains) ?? false)
        }
        return false
    }

    // MARK: - The title from <title>

    /// `<title>` without the site's name: cut at the last ` | `, ` - `, ` – `, ` — `, ` / `, ` > `
    /// or ` » ` (the first one if that leaves under three words), or after `: ` unless a heading
    /// says it whole, or before the last `_` of a CJK title; a title under 15 or over 150
    /// characters gives way to the page's only `<h1>`. Readability's rules, with CJK words counted.
    static func articleTitle(_ original: String, headings: [(tag: String, text: String)]) -> String? {
        let original = original.trimmedWhitespace
        guard !original.isEmpty else { return nil }
        var title = original
        var hierarchical = false
        let separators: Set<Character> = ["|", "-", "–", "—", "\\", "/", ">", "»"]
        let spaced = spacedSeparators(in: original, separators)
        if let last = spaced.last {
            hierarchical = spaced.contains { ["\\", "/", ">", "»"].contains(original[$0]) }
            title = String(original[..<original.index(before: last)])
            if wordCount(title) < 3, let first = spaced.first {
                title = String(original[original.index(first, offsetBy: 2)...])
            }
        } else if original.includes(": ") {
            if !headings.contains(where: { $0.text.trimmedWhitespace == original }) {
                let lastColon = original.lastIndex(of: ":")!, firstColon = original.firstIndex(of: ":")!
                title = String(original[original.index(after: lastColon)...])
                if wordCount(title) < 3 {
                    title = String(original[original.index(after: firstColon)...])
                } else if wordCount(String(original[..<firstColon])) > 5 {
                    title = original
                }
            }
        } else if let cut = cjkSiteCut(original) {
            return cut
        } else if original.unicodeScalars.count > 150 || original.unicodeScalars.count < 15 {
            let ones = headings.filter { $0.tag == "h1" }
            if ones.count == 1 { title = ones[0].text }
        }
        title = title.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let words = wordCount(title)
        let originalWords = wordCount(original.filter { !separators.contains($0) })
        if words <= 4 && (!hierarchical || words != originalWords - 1) { return original }
        return title
    }

    /// The positions of separators with a space on each side.
    private static func spacedSeparators(in text: String, _ separators: Set<Character>) -> [String.Index] {
        var found: [String.Index] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if separators.contains(text[index]), index > text.startIndex, next < text.endIndex,
               text[text.index(before: index)] == " ", text[next] == " " {
                found.append(index)
            }
            index = next
        }
        return found
    }

    /// A CJK title before its site's name: `标题_栏目_网站` → `标题`, when what follows the first `_`
    /// is short and CJK.
    static func cjkSiteCut(_ title: String) -> String? {
        guard let underscore = title.firstIndex(of: "_") else { return nil }
        let head = title[..<underscore].trimmedWhitespace
        let tail = title[title.index(after: underscore)...]
        guard head.unicodeScalars.contains(where: HTMLText.isWideNonHangul), tail.count <= 24,
              tail.unicodeScalars.contains(where: HTMLText.isWideNonHangul), head.count >= 4 else { return nil }
        return head
    }

    /// Words split at whitespace, with each two CJK characters counting as one more.
    static func wordCount(_ text: String) -> Int {
        var words = 0, cjk = 0, inWord = false
        for scalar in text.unicodeScalars {
            if scalar.isWhite {
                inWord = false
                continue
            }
            if !inWord { words += 1 }
            inWord = true
            if HTMLText.isWideNonHangul(scalar) { cjk += 1 }
        }
        return max(words, 1) + cjk / 2
    }
}
