import Foundation

/// Lays a page's DOM out as blocks, in document order: headings, paragraphs, nested lists with
/// their numbers, quotes, code kept as written, data tables, rules, images as `[image: alt]`,
/// `<ruby>` as `base(reading)`, and every `<a href>` as an inline link. Each block takes the role
/// reader mode gave the nearest marked node above it; a removed inline element inside an article
/// paragraph is left out of it.
struct HTMLBlockBuilder {
    let resolver: URLResolver
    private(set) var blocks: [Block] = []
    private var inline = InlineText()
    private var inlineRole = Block.Role.chrome
    private var context = Context()

    /// Where text goes: the kind and depth of the block it makes, and a list item's pending marker.
    private struct Context {
        var kind = Block.Kind.paragraph
        var depth = 0
        var marker: String?
        var listDepth = 0
    }

    init(resolver: URLResolver) {
        self.resolver = resolver
    }

    /// The blocks of `node`'s content, `role` being what its unmarked nodes take.
    static func blocks(of node: HTMLNode, role: Block.Role, resolver: URLResolver) -> [Block] {
        var builder = HTMLBlockBuilder(resolver: resolver)
        builder.visitChildren(node, role: node.role ?? role)
        builder.flush()
        return builder.blocks
    }

    /// Elements that start and end a block of their own.
    static let blockTags: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
        "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "ul", "noframes", "search", "option",
    ]

    /// Elements with no text a reader reads.
    static let silentTags: Set<String> = ["head", "title", "meta", "link", "script", "base", "input", "rp", "wbr", "param"]

    static func isBlock(_ node: HTMLNode) -> Bool {
        if blockTags.contains(node.tag) { return true }
        // A custom element that holds blocks is a block.
        return node.tag.contains("-") && node.children.contains { blockTags.contains($0.tag) }
    }

    // MARK: - Walking the tree

    private mutating func visitChildren(_ node: HTMLNode, role: Block.Role) {
        for child in node.children { visit(child, role: role) }
    }

    private mutating func visit(_ node: HTMLNode, role inherited: Block.Role) {
        if node.isHidden { return }
        let role = node.role ?? inherited
        if node.isText {
            if inline.isEmpty { inlineRole = role } else if inlineRole == .body && role != .body { return }
            inline.append(node.text)
            return
        }
        if Self.silentTags.contains(node.tag) { return }
        let block = Self.isBlock(node)
        if !block, !inline.isEmpty, inlineRole == .body, role != .body { return }
        switch node.tag {
        case "br":
            if inline.endsWithLineBreak { flush() } else { inline.lineBreak() }
        case "hr":
            flush()
            blocks.append(Block(kind: .rule, role: role, text: ""))
        case "img":
            image(node, role: role)
        case "picture":
            if let image = node.first("img") { self.image(image, role: role) }
        case "h1", "h2", "h3", "h4", "h5", "h6":
            within(node, role: role) { $0.kind = .heading }
        case "pre":
            preformatted(node, role: role)
        case "ul", "ol", "menu", "dir":
            list(node, role: role)
        case "li":
            within(node, role: role) { $0.kind = .listItem; $0.marker = $0.marker ?? "•" }
        case "dt":
            within(node, role: role) { $0.kind = .paragraph }
        case "dd":
            within(node, role: role) { $0.kind = .paragraph; $0.depth += 1 }
        case "blockquote":
            within(node, role: role) { $0.kind = .quote; $0.depth += 1 }
        case "table" where HTMLTable.isGrid(node):
            table(node, role: role)
        case "ruby":
            ruby(node, role: role)
        case "a":
            link(node, role: role)
        case "sup" where node.innerText.allSatisfy(\.isNumber) && !node.innerText.isEmpty:
            // A footnote reference: `^1`, so it does not read as part of the number before it.
            inline.append("^")
            visitChildren(node, role: role)
        case "mark":
            let start = inline.length, generation = inline.generation
            visitChildren(node, role: role)
            if inline.generation == generation, inline.length > start { inline.highlights.append(start..<inline.length) }
        default:
            if block {
                flush()
                visitChildren(node, role: role)
                flush()
            } else {
                visitChildren(node, role: role)
            }
        }
    }

    /// Visits a block-level element's content in a changed context, restored after it.
    private mutating func within(_ node: HTMLNode, role: Block.Role, _ change: (inout Context) -> Void) {
        flush()
        let saved = context
        change(&context)
        visitChildren(node, role: role)
        flush()
        context = saved
    }

    /// A list: each item gets its bullet, or its number (`start`, `value` and `reversed` honoured).
    private mutating func list(_ node: HTMLNode, role: Block.Role) {
        flush()
        let saved = context
        let nested = context.listDepth > 0
        context.listDepth += 1
        if nested { context.depth += 1 }
        let items = node.children.filter { $0.tag == "li" && !$0.isHidden }
        let reversed = node["reversed"] != nil
        // Numbers are kept to a sane range, so counting on from a hostile `start` cannot overflow.
        let sane = -1_000_000_000...1_000_000_000
        var number = Int(node["start"] ?? "").map { $0.clamped(to: sane) } ?? (reversed ? items.count : 1)
        let bullets = ["•", "◦", "▪"]
        let bullet = bullets[min(context.listDepth - 1, bullets.count - 1)]
        for child in node.children {
            guard child.tag == "li" else { visit(child, role: role); continue }
            if child.isHidden { continue }
            if let value = Int(child["value"] ?? "") { number = value.clamped(to: sane) }
            var marker = node.tag == "ol" ? "\(number)." : bullet
            if let box = child.elements.first, box.tag == "input", box["type"]?.lowercased() == "checkbox" {
                marker = box["checked"] != nil ? "☑" : "☐"
            }
            let itemRole = child.role ?? role
            within(child, role: itemRole) { $0.kind = .listItem; $0.marker = marker }
            number += reversed ? -1 : 1
        }
        flush()
        context = saved
    }

    private mutating func image(_ node: HTMLNode, role: Block.Role) {
        // Tracking pixels and spacers are not pictures.
        if let width = Int(node["width"] ?? ""), width <= 2 { return }
        if let height = Int(node["height"] ?? ""), height <= 2 { return }
        // An empty alt marks a decorative image.
        if let alt = node["alt"], alt.trimmedWhitespace.isEmpty { return }
        let alt = Sanitizer.line(node["alt"] ?? node["title"] ?? "").trimmedWhitespace
        if inline.isEmpty { inlineRole = role }
        inline.space()
        inline.append(alt.isEmpty || Self.isFileName(alt) ? "[image]" : "[image: \(alt)]")
        inline.space(weak: true)
    }

    /// Whether an image's alt is only its file name (`IMG_0042.JPG`), which describes nothing.
    static func isFileName(_ alt: String) -> Bool {
        guard let dot = alt.lastIndex(of: ".") else { return false }
        let imageExtensions: Set<String> = ["jpg", "jpeg", "png", "gif", "webp", "svg", "avif", "bmp", "tif", "tiff", "heic"]
        return imageExtensions.contains(alt[alt.index(after: dot)...].lowercased())
    }

    /// `<pre>`: the text as written, line breaks kept.
    private mutating func preformatted(_ node: HTMLNode, role: Block.Role) {
        flush()
        var text = ""
        var stack = [node]
        while let current = stack.popLast() {
            if current.isHidden { continue }
            if current.isText { text += current.text } else if current.tag == "br" { text += "\n" }
            stack.append(contentsOf: current.children.reversed())
        }
        if text.hasPrefix("\n") { text.removeFirst() }
        while let last = text.unicodeScalars.last, HTMLText.isSpace(last) { text.unicodeScalars.removeLast() }
        guard !text.isEmpty else { return }
        blocks.append(Block(kind: .preformatted, role: node.role ?? role, text: text, depth: context.depth))
    }

    /// A data table as one block: rows on lines, cells split by tabs, each cell's content on one line.
    private mutating func table(_ node: HTMLNode, role: Block.Role) {
        flush()
        if let caption = node.children.first(where: { $0.tag == "caption" }) {
            visit(caption, role: role)
            flush()
        }
        var text = ""
        var links: [InlineLink] = []
        var highlights: [Range<Int>] = []
        for (r, row) in HTMLTable.rows(node).enumerated() {
            if r > 0 { text += "\n" }
            for (c, cell) in row.enumerated() {
                if c > 0 { text += "\t" }
                let offset = text.utf16.count
                var cellText = ""
                for block in Self.blocks(of: cell, role: cell.role ?? role, resolver: resolver) {
                    let start = offset + cellText.utf16.count + (cellText.isEmpty ? 0 : 1)
                    cellText += (cellText.isEmpty ? "" : " ") + block.text.map { $0 == "\n" || $0 == "\t" ? " " : $0 }
                    links += block.inlineLinks.map { var link = $0; link.markerOffset += start; return link }
                    highlights += block.highlights.map { ($0.lowerBound + start)..<($0.upperBound + start) }
                }
                text += cellText
                let span = max(1, min(Int(cell["colspan"] ?? "") ?? 1, 50))
                text += String(repeating: "\t", count: span - 1)
            }
        }
        guard text.contains(where: { $0 != "\n" && $0 != "\t" }) else { return }
        blocks.append(Block(kind: .table, role: node.role ?? role, text: text, inlineLinks: links, depth: context.depth,
                            highlights: highlights))
    }

    /// `<ruby>`: the base text with its reading in brackets, `漢字(かんじ)`.
    private mutating func ruby(_ node: HTMLNode, role: Block.Role) {
        for child in node.children {
            switch child.tag {
            case "rt":
                let reading = child.innerText
                if !reading.isEmpty { inline.append("(" + reading + ")") }
            case "rp":
                continue
            default:
                visit(child, role: role)
            }
        }
    }

    /// `<a href>`: its content, then an inline link whose label is that content.
    private mutating func link(_ node: HTMLNode, role: Block.Role) {
        let start = inline.utf8End, generation = inline.generation
        visitChildren(node, role: role)
        guard let href = node["href"], let url = resolver.resolve(href) else { return }
        let from = inline.generation == generation ? start : 0
        let label = inline.suffix(from: from)
        guard !label.isEmpty else { return }
        inline.links.append(InlineLink(url: url, label: label, markerOffset: inline.length))
    }

    /// Ends the current block, if it has text.
    private mutating func flush() {
        guard var (text, links, highlights) = inline.take() else { return }
        var kind = context.kind
        var depth = context.depth
        if kind == .listItem {
            if let marker = context.marker {
                let shift = marker.utf16.count + 1
                text = marker + " " + text
                links = links.map { var link = $0; link.markerOffset += shift; return link }
                highlights = highlights.map { ($0.lowerBound + shift)..<($0.upperBound + shift) }
                context.marker = nil
            } else {
                // More of an item after a nested list: a paragraph under its text.
                kind = .paragraph
                depth += 1
            }
        }
        blocks.append(Block(kind: kind, role: inlineRole, text: text, inlineLinks: links, depth: depth, highlights: highlights))
    }
}

private extension Comparable {
    func clamped(to range: ClosedRange<Self>) -> Self { min(max(self, range.lowerBound), range.upperBound) }
}
