import Foundation

/// The word lists reader mode reads a page's element names with (class and id), as data: what
/// names chrome, what names content, and the tags that count as paragraphs. They follow Mozilla
/// Readability's, with `cookie` and MediaWiki's `editsection` added.
enum PageNames {
    /// Names of nodes that are left out of the article unless they also match `maybeCandidate`.
    static let unlikely = [
        "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap", "disqus", "extra",
        "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar",
        "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
        "yom-remote", "cookie", "editsection",
    ]

    /// Unlikely names that a `maybeCandidate` name does not save: an article's footer, comments,
    /// related links are never its text (a sidebar may be: `contentWithSidebar`).
    static let alwaysUnlikely = ["footer", "comment", "related", "editsection"]

    /// Names that keep an unlikely-named node.
    static let maybeCandidate = ["and", "article", "body", "column", "content", "main", "mathjax", "shadow"]

    /// ARIA roles of chrome.
    static let unlikelyRoles: Set<String> = ["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"]

    /// Names that add 25 to a candidate.
    static let positive = [
        "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post", "text", "blog",
        "story",
    ]

    /// Names that take 25 from a candidate (and the word `hid`).
    static let negative = [
        "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead", "media", "meta",
        "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping",
        "tags", "widget",
    ]

    /// Names of a byline.
    static let byline = ["byline", "author", "dateline", "writtenby", "p-author"]

    /// The tags scored as paragraphs.
    static let tagsToScore: Set<String> = ["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"]

    /// Tags that keep a `div` from counting as a paragraph.
    static let divToParagraphBlocks: Set<String> = ["blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"]

    /// Inline content.
    static let phrasing: Set<String> = [
        "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em", "embed", "i",
        "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object", "output", "progress", "q",
        "ruby", "samp", "script", "select", "small", "span", "strong", "sub", "sup", "textarea", "time", "var", "wbr",
        "font", "u", "s", "strike", "tt", "big", "picture",
    ]

    /// What counts as a comma: Latin and Arabic commas, and CJK `，。、；！？`.
    static let commas: Set<Unicode.Scalar> = [",", "\u{060C}", "\u{FE50}", "\u{FE10}", "\u{FE11}", "\u{2E41}", "\u{2E34}",
                                              "\u{2E32}", "，", "。", "、", "；", "！", "？"]

    static func isNegative(_ names: String) -> Bool {
        negative.contains { names.includes($0) } || words(names).contains("hid")
    }

    /// Names of a share bar: the word `share` or `sharedaddy`.
    static func isShare(_ names: String) -> Bool {
        words(names).contains { $0 == "share" || $0 == "sharedaddy" }
    }

    /// Text that is only an ad label or a loading notice.
    static func isAdOrLoading(_ text: String) -> Bool {
        let lower = text.lowercased().trimmedWhitespace
        let bare = lower.hasSuffix("…") ? String(lower.dropLast()) : lower.hasSuffix("...") ? String(lower.dropLast(3)) : lower
        return adWords.contains(lower) || loadingWords.contains(bare)
    }

    static let adWords: Set<String> = ["ad", "advertising", "advertisement", "pub", "publicité", "werb", "werbung", "广告",
                                       "реклама", "anuncio", "広告", "광고"]
    static let loadingWords: Set<String> = ["loading", "正在加载", "загрузка", "chargement", "cargando", "読み込み中"]

    /// The words of a class or id string, split at anything but letters and digits.
    private static func words(_ names: String) -> [Substring] {
        names.split { !($0.isLetter || $0.isNumber) }
    }
}
