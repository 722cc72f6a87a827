/// Decides which blocks of a Markdown clipping are title, metadata, body, references and chrome.
/// Text dumps go through `DumpReaderMode`, which shares the predicates below.
///
/// The page is read in four zones, each by documented, language-independent rules
/// (the word lists live in `PageChrome`):
/// 1. **Lead:** breadcrumbs, navigation, interface lines, counters, dates and bylines are chrome
///    or metadata; other lines short enough to be a title are title candidates.
/// 2. **Body start:** the first paragraph that reads as prose (ends a sentence, or is longer than
///    any title). Before it, the title is the longest candidate ahead of the first byline or date
///    (site names are short), else the first; the other lead lines are metadata or chrome.
/// 3. **Tail:** the first references heading, source line (`Source: URL`) or tail marker
///    (disclaimer, related list, footer) ends the body. Lines with URLs or citation numbers after a references heading are references;
///    the rest of the tail is chrome. URL-only lines right at the end of the body are references.
/// 4. **Body:** interface lines and counters inside it (ads, share bars) are chrome; a short line
///    that does not end a sentence and is followed by a paragraph is a heading.
public enum ReaderMode {
    /// What reader mode learned about the page's head.
    public struct Result: Equatable, Sendable {
        public var title: String?
        public var metadata: ArticleMetadata
    }

    /// Assigns a role to every block; `knownTitle` is a title given by front matter.
    public static func classify(_ blocks: inout [Block], knownTitle: String? = nil) -> Result {
        var result = Result(title: knownTitle, metadata: ArticleMetadata())
        let n = blocks.count
        let i = lead(&blocks, knownTitle: knownTitle, into: &result)
        let bodyStart = i

        // 3. Tail
        var tailStart = n
        for k in bodyStart..<n where startsTail(blocks[k]) && k > bodyStart {
            tailStart = k
            break
        }
        var inReferences = false
        for k in tailStart..<n {
            if PageChrome.isReferencesHeading(blocks[k].text) || MetadataScanner.source(in: blocks[k].text) != nil {
                blocks[k].role = .references
                inReferences = true
                continue
            }
            if inReferences, isReferenceLine(blocks[k]) {
                blocks[k].role = .references
                continue
            }
            inReferences = false
            blocks[k].role = .chrome
        }
        var bodyEnd = tailStart
        while bodyEnd > bodyStart, isURLOnly(blocks[bodyEnd - 1].text) {
            bodyEnd -= 1
            blocks[bodyEnd].role = .references
        }

        // 4. Body
        for k in bodyStart..<bodyEnd {
            let text = blocks[k].text
            let isProseKind = ![.preformatted, .table, .rule].contains(blocks[k].kind)
            if isProseKind, PageChrome.isInterfaceLine(text) || PageChrome.isBreadcrumb(text) && DisplayWidth.of(text) <= 40 {
                blocks[k].role = .chrome
            } else if let source = MetadataScanner.source(in: text) {
                blocks[k].role = .references
                if result.metadata.source == nil { result.metadata.source = source }
            } else if blocks[k].kind == .paragraph, isHeadingLike(text), k + 1 < bodyEnd, blocks[k + 1].kind != .heading,
                      !isHeadingLike(blocks[k + 1].text) || blocks[k + 1].kind == .listItem {
                blocks[k].kind = .heading
            }
        }
        return result
    }

    /// Reads the lead (zones 1-2): marks the title, metadata and chrome before the body, fills
    /// in the title and metadata, and returns where the body starts. `ArticleParser.head` uses
    /// it alone, so the list shows the same title as the article.
    static func lead(_ blocks: inout [Block], knownTitle: String?, into result: inout Result) -> Int {
        var i = 0
        if let knownTitle {
            if let index = blocks.prefix(3).firstIndex(where: { $0.kind == .heading && sameTitle($0.text, knownTitle) }) {
                for k in 0..<index { mark(&blocks[k], into: &result.metadata) }
                blocks[index].role = .title
                i = index + 1
            }
            while i < blocks.count, isHeadChrome(blocks[i]) { mark(&blocks[i], into: &result.metadata); i += 1 }
            return i
        }
        let (start, chrome) = bodyStart(blocks)
        let title = titleIndex(blocks, chrome: chrome, before: start)
        for k in 0..<start where k != title { mark(&blocks[k], into: &result.metadata) }
        if let title {
            blocks[title].role = .title
            result.title = blocks[title].text
            if result.metadata.author == nil { result.metadata.author = bylineAfter(title, in: blocks, chrome: chrome, before: start).map(Sanitizer.line) }
        }
        return start
    }

    /// How many blocks the lead may take at most: the title and body start are found among them.
    static let leadLimit = 40

    // MARK: - Rules

    /// Where the body starts: the first paragraph that reads as prose (ends a sentence, or is
    /// longer than any title), unless lead lines (bylines, dates, share bars) follow it, which
    /// makes it a title that ends with `?` or `!`. A block before any title candidate is a title.
    /// Returns it with which blocks before it are lead chrome (bylines, dates, share bars…).
    static func bodyStart(_ blocks: [Block]) -> (start: Int, chrome: [Bool]) {
        var chrome: [Bool] = []
        var sawCandidate = false
        while chrome.count < min(blocks.count, leadLimit) {
            let k = chrome.count
            let block = blocks[k]
            chrome.append(isLeadChrome(block))
            if chrome[k] { continue }
            if isProse(block) && sawCandidate {
                let nextIsByline = k + 1 < blocks.count && isMetadataLine(blocks[k + 1].text)
                if !(nextIsByline && isTitleCandidate(block)) { return (k, chrome) }
            }
            if !isTitleCandidate(block) { return (k, chrome) }
            sawCandidate = true
        }
        // No prose up front: everything after the first candidate is body.
        return (chrome.firstIndex(of: false).map { min($0 + 1, blocks.count) } ?? 0, chrome)
    }

    /// The title among the lead's candidates: the longest one before the first byline or date
    /// that follows a candidate (site names are short), else the first candidate.
    static func titleIndex(_ blocks: [Block], chrome: [Bool], before start: Int) -> Int? {
        let candidates = (0..<start).filter { !chrome[$0] && isTitleCandidate(blocks[$0]) }
        guard let first = candidates.first else { return nil }
        if let meta = (first..<start).first(where: { isMetadataLine(blocks[$0].text) }) {
            let before = candidates.filter { $0 < meta }
            return before.max { DisplayWidth.of(blocks[$0].text) < DisplayWidth.of(blocks[$1].text) } ?? first
        }
        return first
    }

    /// A bare name right after the title (a byline without "By"): short, a few words, no digits.
    static func bylineAfter(_ title: Int, in blocks: [Block], chrome: [Bool], before start: Int) -> String? {
        for k in (title + 1)..<max(title + 1, start) {
            let text = blocks[k].text
            if chrome[k] { continue }
            let words = text.split(separator: " ")
            if DisplayWidth.of(text) <= 24, words.count <= 4, !text.contains(where: \.isNumber), !PageChrome.endsSentence(text),
               !text.contains(",") { return text }
            return nil
        }
        return nil
    }

    static func isMetadataLine(_ text: String) -> Bool {
        MetadataScanner.isDateLine(text) || MetadataScanner.author(in: text) != nil || MetadataScanner.source(in: text) != nil
            || MetadataScanner.sourceName(in: text) != nil
    }

    /// A paragraph that reads as prose: it ends a sentence, or is too long for a title.
    static func isProse(_ block: Block) -> Bool {
        guard block.kind == .paragraph else { return block.kind != .heading }
        // Over 640 bytes is over 160 scalars: wider than 160 columns but for zero-width marks.
        if block.text.utf8.count > 640 { return true }
        let width = DisplayWidth.of(block.text)
        return width > 160 || PageChrome.endsSentence(block.text) && width >= 16
    }

    /// A block that ends the body: a references heading, a source line, or a tail marker.
    static func startsTail(_ block: Block) -> Bool {
        let text = block.text
        if PageChrome.isTailMarker(text) || MetadataScanner.source(in: text) != nil { return true }
        return PageChrome.isReferencesHeading(text) && (block.kind == .paragraph || block.kind == .heading)
    }

    /// Chrome or metadata that may come before the title.
    static func isLeadChrome(_ block: Block) -> Bool {
        let text = block.text
        // Every rule below wants a short line; most lines of a page are not.
        guard text.utf8.count <= 300, DisplayWidth.of(text) <= 100 else { return false }
        return PageChrome.isBreadcrumb(text) || PageChrome.isInterfaceLine(text) || MetadataScanner.isDateLine(text)
            || MetadataScanner.author(in: text) != nil || PageChrome.isTailMarker(text) && DisplayWidth.of(text) <= 20
    }

    /// Chrome or metadata between the title and the body.
    static func isHeadChrome(_ block: Block) -> Bool {
        let text = block.text
        if [.listItem, .preformatted, .quote, .table, .rule].contains(block.kind) { return false }
        if isLeadChrome(block) || MetadataScanner.source(in: text) != nil { return true }
        return block.kind == .paragraph && DisplayWidth.of(text) <= 50 && !PageChrome.endsSentence(text)
    }

    /// A line that can be a title: one line of at most 160 columns that is not a URL or list item.
    static func isTitleCandidate(_ block: Block) -> Bool {
        let width = DisplayWidth.of(block.text)
        guard block.kind == .paragraph || block.kind == .heading, width <= 160, !isURLOnly(block.text) else { return false }
        return !(width > 100 && PageChrome.endsSentence(block.text))
    }

    /// A short line that does not end a sentence: a section heading inside the body.
    static func isHeadingLike(_ text: String) -> Bool {
        // 60 columns take at most 240 bytes, but for zero-width marks: longer lines are not measured.
        guard text.utf8.count <= 240 else { return false }
        let width = DisplayWidth.of(text)
        return width > 0 && width <= 60 && !PageChrome.endsSentence(text) && !isURLOnly(text)
            && !PageChrome.isInterfaceLine(text)
    }

    /// A line of a reference list: it holds a URL, or starts with a citation number.
    static func isReferenceLine(_ block: Block) -> Bool {
        if !block.inlineLinks.isEmpty || !URLScanner.urls(in: block.text).isEmpty { return true }
        let text = block.text
        return text.hasPrefix("[") && text.dropFirst().first?.isNumber == true || text.hasPrefix("^")
    }

    static func isURLOnly(_ text: String) -> Bool {
        // The URL starts within six units of the start, so its scheme's colon, after a letter,
        // is in the first bytes.
        let head = Array(text.utf8.prefix(40))
        guard head.indices.dropFirst().contains(where: { head[$0] == 0x3A && (0x61...0x7A).contains(head[$0 - 1] | 0x20) })
        else { return false }
        let urls = URLScanner.urls(in: text)
        guard urls.count == 1, let range = urls.first?.range else { return false }
        return range.count >= text.utf16.count - 6 && DisplayWidth.of(text) - range.count <= 6
    }

    /// Marks a lead or head block as metadata (recording what it says) or chrome.
    static func mark(_ block: inout Block, into metadata: inout ArticleMetadata) {
        let text = block.text
        var isMetadata = false
        if let date = MetadataScanner.date(in: text), MetadataScanner.isDateLine(text) || DisplayWidth.of(text) <= 80 {
            if metadata.date == nil { metadata.date = date }
            isMetadata = true
        }
        if let author = MetadataScanner.author(in: text) {
            // A byline with a line break in it (`<br>`) is still one line.
            if metadata.author == nil { metadata.author = Sanitizer.line(author) }
            isMetadata = true
        }
        if let source = MetadataScanner.source(in: text) {
            if metadata.source == nil { metadata.source = source }
            isMetadata = true
        } else if let site = MetadataScanner.sourceName(in: text) {
            if metadata.site == nil { metadata.site = Sanitizer.line(site) }
            isMetadata = true
        }
        block.role = isMetadata ? .metadata : .chrome
    }

    private static func sameTitle(_ a: String, _ b: String) -> Bool {
        PageChrome.key(a) == PageChrome.key(b)
    }
}
