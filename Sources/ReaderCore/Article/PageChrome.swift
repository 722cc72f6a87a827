import Foundation

/// The documented heuristics that tell page chrome from content, across languages and sites.
///
/// - A **references heading** (参考资料, References, 참고 자료…) starts the references.
/// - A **tail marker** (disclaimers, "related"/"hot" lists, copyright footers, `END`) ends the body.
/// - A **UI line** is made only of interface words (share, follow, 分享至, 공유하기…) and counters.
/// - A **breadcrumb** is two or more short segments joined by `>`, `›`, `»`, `/` or `|`, or a
///   menu of three or more short items set apart by wide gaps.
/// Matching ignores case, surrounding punctuation and a trailing colon.
public enum PageChrome {
    /// Headings that start a list of references or sources.
    static let referenceHeadings: Set<String> = [
        "参考内容", "参考资料", "参考文献", "参考链接", "参考来源", "参考", "资料来源", "引用", "注释", "延伸阅读",
        "參考資料", "參考文獻", "參考", "資料來源",
        "参考リンク", "参考サイト", "出典", "脚注", "注",
        "참고 자료", "참고자료", "참고 문헌", "참고문헌", "참고", "출처", "각주",
        "references", "reference", "sources", "source", "notes", "footnotes", "citations", "bibliography",
        "further reading", "external links", "links", "see also",
    ]

    /// Words that start a disclaimer, a related or hot list, or a footer: the body is over.
    static let tailMarkers: [String] = [
        "特别声明", "免责声明", "声明：", "声明:", "版权声明", "本文来自", "本文转载", "转载请", "未经授权", "责任编辑",
        "相关推荐", "热点推荐", "相关阅读", "推荐阅读", "相关文章", "相关新闻", "热门推荐", "热门文章", "猜你喜欢", "往期回顾",
        "往期推荐", "更多精彩", "精彩推荐", "大家都在看", "点击“阅读原文”", "阅读原文", "版权所有", "end", "- end -", "— end —",
        "關聯文章", "相關文章", "延伸閱讀", "熱門",
        "関連記事", "関連ニュース", "おすすめ記事", "人気記事", "ご注意", "免責事項", "※本記事",
        "관련 기사", "관련기사", "많이 본 뉴스", "인기 기사", "추천 기사", "이 블로그 인기글", "알림:", "저작권자", "무단 전재",
        "notice:", "disclaimer", "related", "related articles", "related stories", "related posts", "more from", "more stories",
        "you may also like", "you might also like", "read more", "recommended", "most popular", "most read", "trending",
        "popular now", "read next", "up next", "categories:", "category:", "tags:", "copyright", "©", "all rights reserved",
        "about the author", "comments", "leave a comment", "newsletter", "sign up for",
    ]

    /// Words of a page's interface: a line of nothing but these (and counts) is chrome.
    static let interfaceWords: Set<String> = [
        "分享", "分享至", "分享到", "分享到微博", "分享到微信", "微信", "微博", "朋友圈", "qq空间", "收藏", "举报", "评论", "点赞", "赞",
        "在看", "关注", "已关注", "打印", "字号", "大", "中", "小", "阅读", "浏览", "听全文", "返回顶部", "上一篇", "下一篇", "申请入驻",
        "正文", "首页", "登录", "注册", "下载app", "打开app", "原创", "转发", "复制链接", "扫码", "阅读全文", "展开全文", "全部",
        "分享至微博", "写留言", "留言", "客户端下载", "客户端", "下载客户端", "app下载", "归档", "标签", "关于", "分类", "订阅", "投稿",
        "シェア", "ツイート", "はてブ", "lineで送る", "ポケット", "pocket", "note", "続きを読む", "ポスト", "いいね", "ブックマーク", "この記事をシェア", "印刷", "コメント", "フォロー", "広告", "保存",
        "공유하기", "공유", "공감", "댓글", "이웃추가", "구독", "좋아요", "스크랩", "광고", "인쇄", "글씨 크기", "url 복사",
        "share", "shares", "tweet", "email", "print", "save", "comment", "comments", "like", "likes", "reply", "follow", "following",
        "subscribe", "sign in", "log in", "sign up", "login", "menu", "search", "listen", "advertisement", "ad", "sponsored",
        "share on x", "share on facebook", "share on twitter", "share on linkedin", "copy link", "copy", "link", "facebook",
        "twitter", "linkedin", "reddit", "whatsapp", "x", "skip to main content", "skip to content", "back to top", "home",
        "previous", "next", "close", "open", "more", "view comments", "gift this article", "listen to this article",
        "min read", "views", "clap", "claps", "top", "bookmark", "newsletter", "toggle navigation",
    ]

    /// Line starts that make a line metadata: author, source and date labels.
    static let authorLabels = ["作者：", "作者:", "作者 ", "文／", "文/", "文|", "撰文：", "撰文:", "记者：", "记者 ", "編集：",
                               "著者：", "筆者：", "投稿者：", "投稿者:", "文：", "文:", "글쓴이", "글 ", "by ", "written by ", "author: ", "author:"]
    static let sourceLabels = ["来源：", "来源:", "來源：", "原文链接：", "原文链接:", "原文：", "出典：", "出典:", "출처:", "출처 :",
                               "source:", "source :", "original:", "via "]

    // MARK: - Predicates

    /// Scalars trimmed from both ends of a line before it is compared with the word lists.
    static let keyTrim: Set<Unicode.Scalar> = Set(":：-—–|•·*#>»›[]【】()（） 　\t\u{A0}".unicodeScalars)

    /// The line lowercased, trimmed of spaces, bullets and surrounding punctuation.
    static func key(_ line: String) -> String {
        line.lowercasedFast.trimmingScalars { keyTrim.contains($0) }
    }

    /// Tail markers by their first UTF-8 byte, so a line is compared with a few, not all.
    private static let tailMarkersByFirstByte: [UInt8: [String]] = Dictionary(grouping: tailMarkers) { $0.utf8.first! }
    private static let tailMarkerSet = Set(tailMarkers)

    /// True for a line that heads the references.
    public static func isReferencesHeading(_ line: String) -> Bool {
        guard line.utf8.count <= 120, DisplayWidth.of(line) <= 30 else { return false }
        return referenceHeadings.contains(key(line))
    }

    /// True for a line that opens a disclaimer, a related list or a footer.
    public static func isTailMarker(_ line: String) -> Bool {
        // Markers start a line, so only its first bytes are read.
        let lower = line.utf8Prefix(96).lowercasedFast
        if line.utf8.count <= 96, tailMarkerSet.contains(lower.trimmingScalars { keyTrim.contains($0) }) { return true }
        guard let byte = lower.utf8.first, let candidates = tailMarkersByFirstByte[byte] else { return false }
        for marker in candidates where lower.utf8.starts(with: marker.utf8) {
            // A marker that starts a longer line counts when it is followed by a colon, or the
            // line is short; "Related" in "Related work shows…" does not, "end" not "endless".
            let next = lower.unicodeScalars.dropFirst(marker.unicodeScalars.count).first
            if let next, next.properties.isAlphabetic || next.isDigit, marker.utf8.last.map({ $0 >= 0x61 && $0 <= 0x7A }) == true {
                continue
            }
            if marker.hasSuffix(":") || marker.hasSuffix("：") || marker == "©" || marker.unicodeScalars.first.map(isCJK) == true {
                return true
            }
            if next == ":" || next == "：" || (DisplayWidth.of(line) <= 40 && !endsSentence(line)) { return true }
        }
        return false
    }

    /// True for a line made only of interface words, counts and separators.
    public static func isInterfaceLine(_ line: String) -> Bool {
        guard line.utf8.count <= 240, !hasLongRun(line), DisplayWidth.of(line) <= 70, !endsSentence(line) else { return false }
        let k = key(line)
        if k.isEmpty { return !line.trimmedSpaces.isEmpty && DisplayWidth.of(line) <= 8 }
        if interfaceWords.contains(stripCounts(k)) || isCounter(k) { return true }
        // Most lines fail at their first token: no interface word, count, or first word of an
        // interface phrase ("skip to content", "5 min read").
        guard let first = firstToken(of: k) else { return true }
        if !interfaceWords.contains(first) && !isCounter(first) && !phraseStarts.contains(first) && !k.includes("read") {
            return false
        }
        let tokens = k.unicodeScalars.split(whereSeparator: { tokenSeparators.contains($0) })
            .map { stripCounts(String($0)) }.filter { !$0.isEmpty }
        guard !tokens.isEmpty else { return true }
        var words = 0
        for token in tokens {
            if interfaceWords.contains(token) { words += 1 } else if !isCounter(token) { return joinedPhraseIsInterface(tokens) }
        }
        return words > 0
    }

    /// Whether the line has a run of more than 16 scalars between spaces: longer than any
    /// interface word, so the line is text (a CJK sentence without spaces).
    private static func hasLongRun(_ line: String) -> Bool {
        var run = 0
        for scalar in line.unicodeScalars {
            run = scalar == " " || scalar == "\u{3000}" || scalar == "|" ? 0 : run + 1
            if run > 16 { return true }
        }
        return false
    }

    private static let tokenSeparators: Set<Unicode.Scalar> = [" ", "|", "·", "•", "/", ",", "，", "、", "　", "：", ":"]

    /// The first token of a key that has something left once counts are stripped.
    private static func firstToken(of key: String) -> String? {
        var current = String.UnicodeScalarView()
        for scalar in key.unicodeScalars {
            if tokenSeparators.contains(scalar) {
                let token = stripCounts(String(current))
                if !token.isEmpty { return token }
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        let token = stripCounts(String(current))
        return token.isEmpty ? nil : token
    }

    /// The first words of the interface phrases ("skip" of "skip to content").
    private static let phraseStarts = Set(interfaceWords.filter { $0.contains(" ") }
        .compactMap { $0.split(separator: " ").first.map(String.init) })

    /// Multi-word interface phrases such as "share on x" or "5 min read".
    private static func joinedPhraseIsInterface(_ tokens: [String]) -> Bool {
        let phrase = tokens.joined(separator: " ")
        if interfaceWords.contains(phrase) { return true }
        if phrase.hasSuffix("min read") || phrase.hasSuffix("minute read") || phrase.hasSuffix("minutes read") { return true }
        return false
    }

    /// A token with its digits, counts and count units removed ("阅读1234" → "阅读", "12 comments" → "comments").
    static func stripCounts(_ token: String) -> String {
        let isCountChar = { (s: Unicode.Scalar) in s.isDigit || s == "." || s == "," || s == "+" }
        guard token.unicodeScalars.contains(where: isCountChar) else { return token.trimmedSpaces }
        var kept = String.UnicodeScalarView(token.unicodeScalars.filter { !isCountChar($0) })
        // A unit follows a number: "copy link" keeps its k.
        if kept.count > 1, let last = kept.last, countUnits.contains(last), token.unicodeScalars.contains(where: \.isDigit) {
            kept.removeLast()
        }
        return String(kept).trimmedSpaces
    }

    /// The units a count may end in: "1.2万", "12k".
    private static let countUnits: Set<Unicode.Scalar> = ["万", "千", "k", "m", "次", "人", "条"]

    /// True for a bare count: "0", "1.2万", "3,402", "12k".
    static func isCounter(_ token: String) -> Bool {
        let t = token.trimmedSpaces
        guard let first = t.unicodeScalars.first, first.isDigit else { return false }
        return stripCounts(t).isEmpty && DisplayWidth.of(t) <= 10
    }

    /// True when the line has two spaces in a row.
    private static func hasWideGap(_ line: String) -> Bool {
        var previous: UInt8 = 0
        for byte in line.utf8 {
            if byte == 0x20 && previous == 0x20 { return true }
            previous = byte
        }
        return false
    }

    /// The items of a menu line: the parts between ideographic spaces or runs of two spaces.
    private static func menuItems(_ line: String) -> [String] {
        var items: [String] = [], current = "", spaces = 0
        for scalar in line.unicodeScalars {
            if scalar == "\u{3000}" || scalar == " " {
                spaces += scalar == " " ? 1 : 2
                if spaces >= 2, !current.isEmpty { items.append(current); current = "" }
                continue
            }
            if spaces == 1, !current.isEmpty { current += " " }
            spaces = 0
            current.unicodeScalars.append(scalar)
        }
        if !current.isEmpty { items.append(current) }
        return items
    }

    /// Scalars a breadcrumb or menu needs: separators, or the wide gaps between menu items.
    private static let breadcrumbScalars: Set<Unicode.Scalar> = Set(">›»|/＞｜　".unicodeScalars)

    /// True for navigation: two or more short segments joined by `>`, `›`, `»`, `/` or `|`.
    public static func isBreadcrumb(_ line: String) -> Bool {
        guard line.utf8.count <= 300, DisplayWidth.of(line) <= 100,
              line.unicodeScalars.contains(where: { breadcrumbScalars.contains($0) }) || hasWideGap(line)
        else { return false }
        // A menu: three or more short items set apart by wide gaps ("Reviews   Guides   Deals").
        let items = menuItems(line)
        if items.count >= 3, items.allSatisfy({ DisplayWidth.of($0) <= 16 && !endsSentence($0) }) { return true }
        for separator in [">", "›", "»", "|", "/", "＞", "｜"] where line.includes(separator) {
            let parts = line.split(separator: Character(separator), omittingEmptySubsequences: false).map { $0.trimmedSpaces }
            guard parts.count >= 2, parts.filter({ !$0.isEmpty }).count >= 2 else { continue }
            if separator == "/" && line.includes("://") { continue }
            if parts.allSatisfy({ DisplayWidth.of($0) <= 24 && $0.split(separator: " ").count <= 4 && !endsSentence($0) }) {
                return true
            }
        }
        return false
    }

    /// True when the line ends a sentence: 。！？.!?… possibly followed by closing quotes or brackets.
    public static func endsSentence(_ line: String, countingPeriods: Bool = true) -> Bool {
        var scalars = line.unicodeScalars.reversed().drop { $0 == " " || $0 == "\u{3000}" }
        scalars = scalars.drop { closingQuotes.contains($0) }
        guard let last = scalars.first else { return false }
        return sentenceEnds.contains(last) && (countingPeriods || last != ".")
    }

    private static let closingQuotes = Set("”’」』）)\"'》】".unicodeScalars)
    private static let sentenceEnds = Set("。！？.!?…；;:：".unicodeScalars)

    static func isCJK(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x3040...0x30FF).contains(v) || (0x3400...0x9FFF).contains(v) || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v)
    }
}
