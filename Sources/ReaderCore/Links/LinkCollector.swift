/// Numbers an article's links in reading order, without duplicates: the front-matter source,
/// then links in the body and the references (Markdown links and bare URLs), and puts a
/// citation marker (`[3]`) after each labelled link in the body. A script pseudo-link
/// (`javascript:`, `vbscript:`) leads nowhere: it is listed, never openable, and not cited.
public enum LinkCollector {
    /// The numbered links of `page`, with markers inserted into its body blocks.
    public static func collect(page: inout [Block], source: String?) -> [Link] {
        var links: [Link] = []
        var numbers: [String: Int] = [:]
        func add(_ url: String, label: String?) -> Int {
            let label = label.flatMap { $0.isEmpty ? nil : $0 }
            if let n = numbers[url] {
                if links[n - 1].label == nil { links[n - 1].label = label }
                return n
            }
            links.append(Link(n: links.count + 1, url: url, label: label))
            numbers[url] = links.count
            return links.count
        }
        if let source { _ = add(source, label: "source") }
        for index in page.indices where page[index].role == .body || page[index].role == .references || page[index].role == .metadata {
            let block = page[index]
            var found: [(offset: Int, url: String, label: String?, inline: Int?)] = []
            for (k, link) in block.inlineLinks.enumerated() { found.append((link.markerOffset, link.url, link.label, k)) }
            let isReference = block.role == .references
            // A URL written as a link's own label (an autolink) is that link, not a second one.
            let labels = block.inlineLinks.map { ($0.markerOffset - $0.label.utf16.count)..<$0.markerOffset }
            for (url, range) in URLScanner.urls(in: block.text) where !labels.contains(where: { $0.overlaps(range) }) {
                found.append((range.lowerBound, url, isReference ? referenceLabel(block.text, without: range) : nil, nil))
            }
            var markers: [(offset: Int, n: Int)] = []
            for item in found.sorted(by: { $0.offset < $1.offset }) {
                let label = item.label.map { Sanitizer.line($0) }
                let n = add(Sanitizer.line(item.url), label: label)
                if item.inline != nil && block.role == .body && !isScript(item.url) { markers.append((item.offset, n)) }
            }
            if !markers.isEmpty { page[index].text = insert(markers, into: block.text) }
        }
        return links
    }

    /// Whether `url` runs a script rather than naming a place: `javascript:` or `vbscript:`.
    static func isScript(_ url: String) -> Bool {
        let scheme = url.prefix { $0 != ":" }.lowercased().filter { !$0.isWhitespace }
        return scheme.count < url.count && (scheme == "javascript" || scheme == "vbscript")
    }

    /// The text of a reference line around its URL, without numbering and separators.
    static func referenceLabel(_ text: String, without range: Range<Int>) -> String? {
        var units = Array(text.utf16)
        units.removeSubrange(range)
        var label = String(decoding: units, as: UTF16.self)
        for url in URLScanner.urls(in: label).reversed() {
            var u = Array(label.utf16); u.removeSubrange(url.range); label = String(decoding: u, as: UTF16.self)
        }
        label = PlainTextParser.trimmed(Substring(label))
        if let marker = PlainTextParser.listMarker(in: label) { label = String(label.dropFirst(marker.count)) }
        if label.hasPrefix("["), let close = label.firstIndex(of: "]"), label[label.index(after: label.startIndex)..<close].allSatisfy(\.isNumber) {
            label = String(label[label.index(after: close)...])
        }
        let leading: Set<Character> = [" ", "^", ":", "：", "-", "—", "–", ",", "，", ".", "。", "|", ">", ")", "•", "\u{3000}"]
        let trailing: Set<Character> = [" ", ":", "：", "-", "—", "–", ",", "，", ".", "。", "|", "<", "(", "（", "\u{3000}"]
        while let first = label.first, leading.contains(first) { label.removeFirst() }
        while let last = label.last, trailing.contains(last) { label.removeLast() }
        // A reference's number alone ("1." once its URL is gone) is no label.
        return label.isEmpty || label.allSatisfy(\.isNumber) ? nil : label
    }

    /// `text` with "[n]" inserted at each UTF-16 offset, in one pass; markers that share an
    /// offset go in the reverse of their order in `markers`.
    private static func insert(_ markers: [(offset: Int, n: Int)], into text: String) -> String {
        let units = Array(text.utf16)
        var out: [UInt16] = []
        out.reserveCapacity(units.count + markers.count * 4)
        var copied = 0
        let ordered = markers.enumerated().sorted { ($0.element.offset, $1.offset) < ($1.element.offset, $0.offset) }
        for (_, marker) in ordered {
            let offset = min(marker.offset, units.count)
            out += units[copied..<offset]
            out += "[\(marker.n)]".utf16
            copied = offset
        }
        out += units[copied...]
        return String(decoding: out, as: UTF16.self)
    }
}
