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

    /// The line lowercased, trimmed of spaces, bullets and surrounding punctuation.
    static func key(_ line: String) -> String {
        let trimmed = line.lowercased().trimmingCharacters(in: .whitespaces)
        return trimmed.trimmingCharacters(in: CharacterSet(charactersIn: ":：-—–|•·*#>»›[]【】()（） 　"))
    }

    /// True for a line that heads the references.
    public static func isReferencesHeading(_ line: String) -> Bool {
        guard DisplayWidth.of(line) <= 30 else { return false }
        return referenceHeadings.contains(key(line))
    }

    /// True for a line that opens a disclaimer, a related list or a footer.
    public static func isTailMarker(_ line: String) -> Bool {
        let lower = line.lowercased().trimmingCharacters(in: .whitespaces)
        let k = key(line)
        for marker in tailMarkers {
            if k == marker || lower == marker { return true }
            guard lower.hasPrefix(marker) else { continue }
            // A marker that starts a longer line counts when it is followed by a colon or space,
            // or the line is short; "Related" in "Related work shows…" does not.
            let rest = lower.dropFirst(marker.count)
            if let first = rest.first, first.isLetter || first.isNumber, marker.last?.isLetter == true, marker.last?.isASCII == true {
                continue  // "end" must not match "endless"
            }
            if marker.hasSuffix(":") || marker.hasSuffix("：") || marker == "©" || marker.unicodeScalars.first.map(isCJK) == true {
                return true
            }
            if let first = rest.first, first == ":" || first == "：" || (DisplayWidth.of(line) <= 40 && !endsSentence(line)) {
                return true
            }
        }
        return false
    }

    /// True for a line made only of interface words, counts and separators.
    public static func isInterfaceLine(_ line: String) -> Bool {
        let k = key(line)
        if k.isEmpty { return !line.trimmingCharacters(in: .whitespaces).isEmpty && DisplayWidth.of(line) <= 8 }
        guard DisplayWidth.of(k) <= 60 else { return false }
        if interfaceWords.contains(stripCounts(k)) { return true }
        if isCounter(k) { return true }
        let tokens = k.split(whereSeparator: { " |·•/,，、　".contains($0) }).map { stripCounts(String($0)) }.filter { !$0.isEmpty }
        guard !tokens.isEmpty else { return true }
        var words = 0
        for token in tokens {
            if interfaceWords.contains(token) { words += 1 } else if !isCounter(token) { return joinedPhraseIsInterface(tokens) }
        }
        return words > 0
    }

    /// Multi-word interface phrases such as "share on x" or "5 min read".
    private static func joinedPhraseIsInterface(_ tokens: [String]) -> Bool {
        let phrase = tokens.joined(separator: " ")
        if interfaceWords.contains(phrase) { return true }
        if phrase.hasSuffix("min read") || phrase.hasSuffix("minute read") || phrase.hasSuffix("minutes read") { return true }
        return false
    }

    /// A token with its digits, counts and count units removed ("阅读1234" → "阅读", "12 comments" → "comments").
    static func stripCounts(_ token: String) -> String {
        var t = token.trimmingCharacters(in: .whitespaces)
        t = String(t.unicodeScalars.filter { !CharacterSet.decimalDigits.contains($0) && $0 != "." && $0 != "," && $0 != "+" }.map(Character.init))
        for unit in ["万", "千", "k", "m", "次", "人", "条"] where t.hasSuffix(unit) && t.count > unit.count {
            t = String(t.dropLast(unit.count))
        }
        return t.trimmingCharacters(in: .whitespaces)
    }

    /// True for a bare count: "0", "1.2万", "3,402", "12k".
    static func isCounter(_ token: String) -> Bool {
        let t = token.trimmingCharacters(in: .whitespaces)
        guard let first = t.unicodeScalars.first, CharacterSet.decimalDigits.contains(first) else { return false }
        return stripCounts(t).isEmpty && DisplayWidth.of(t) <= 10
    }

    /// True for navigation: two or more short segments joined by `>`, `›`, `»`, `/` or `|`.
    public static func isBreadcrumb(_ line: String) -> Bool {
        guard DisplayWidth.of(line) <= 100 else { return false }
        // A menu: three or more short items set apart by wide gaps ("Reviews   Guides   Deals").
        let items = line.components(separatedBy: "  ").flatMap { $0.components(separatedBy: "　") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if items.count >= 3, items.allSatisfy({ DisplayWidth.of($0) <= 16 && !endsSentence($0) }) { return true }
        for separator in [">", "›", "»", "|", "/", "＞", "｜"] where line.contains(separator) {
            let parts = line.components(separatedBy: separator).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count >= 2, parts.filter({ !$0.isEmpty }).count >= 2 else { continue }
            if separator == "/" && line.contains("://") { continue }
            if parts.allSatisfy({ DisplayWidth.of($0) <= 24 && $0.split(separator: " ").count <= 4 && !endsSentence($0) }) {
                return true
            }
        }
        return false
    }

    /// True when the line ends a sentence: 。！？.!?… possibly followed by closing quotes or brackets.
    public static func endsSentence(_ line: String) -> Bool {
        var scalars = line.unicodeScalars.reversed().drop { " 　".unicodeScalars.contains($0) }
        scalars = scalars.drop { "”’」』）)\"'》】".unicodeScalars.contains($0) }
        guard let last = scalars.first else { return false }
        return "。！？.!?…；;:：".unicodeScalars.contains(last)
    }

    static func isCJK(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x3040...0x30FF).contains(v) || (0x3400...0x9FFF).contains(v) || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v)
    }
}
