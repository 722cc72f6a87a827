import CCmark
import Foundation

/// Renders a Markdown clipping's body (front matter already removed) to HTML with cmark-gfm.
///
/// Between parsing and rendering, the tree is fixed up for CJK text and Obsidian syntax; only text nodes
/// change, so code spans, code blocks and raw HTML are never touched:
/// - links to bare `http(s)://` URLs end before whitespace, CJK or fullwidth punctuation, curly quotes,
///   dashes, ellipses or `<`, keeping CJK letters in the path; links cmark-gfm made that run past such a
///   character are cut there (see `isURLStop`);
/// - a soft line break between two CJK characters is dropped, since an HTML renderer would show a space.
///   Hangul does not count: Korean puts spaces between words, so a break next to Hangul stays a space;
/// - `==text==` becomes `<mark>text</mark>`;
/// - `[[Page]]` shows as `Page`, `[[Page|alias]]` as `alias`, `[[Page#Heading]]` as `Page > Heading` (as
///   Obsidian's reading view shows it), `![[file.png]]` as `[image: file.png]` and other embeds as
///   `[embed: Note]`.
///
/// Debian 12's cmark-gfm (0.29.0.gfm.6) predates the 2023 fixes for its quadratic cases: deep nesting
/// followed by many lines, wide tables whose short rows it pads, and unclosed `<?`, `<![CDATA[`, `![[]()`,
/// `www._` or mixed emphasis delimiters repeated in one paragraph take minutes or all memory on a 1 MB
/// file. Input whose estimated cost on those paths is over budget is shown as preformatted text instead.
public enum MarkdownRenderer {
    /// The HTML of `markdown`: GFM tables, strikethrough (double tilde only), autolinks, task lists, footnotes,
    /// raw HTML kept, with the CJK and Obsidian fixes above.
    public static func html(_ markdown: String) -> String {
        var source = markdown
        return source.withUTF8 { bytes in
            MarkdownBudget.exceedsBudget(bytes) ? preformatted(markdown) : render(bytes)
        }
    }

    /// A cmark-gfm node.
    typealias Node = OpaquePointer

    /// Raw HTML kept (clippers leave `<sup>`, `<br>` and tables in HTML; the HTML pipeline sanitizes it).
    private static let options = CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE | CMARK_OPT_UNSAFE
        | CMARK_OPT_VALIDATE_UTF8
    /// The GFM extensions attached to every parser.
    private static let extensions = ["table", "strikethrough", "autolink", "tasklist"]
    /// cmark-gfm's extension registry is filled once.
    private static let registration: Void = cmark_gfm_core_extensions_ensure_registered()
    /// cmark-gfm sets and clears process-wide tables of special characters while it parses inlines, so two
    /// parses must not overlap.
    private static let lock = NSLock()
    /// Nodes deeper than this are left as cmark-gfm made them: every insertion walks all of a node's
    /// ancestors, and real clippings nest far less.
    private static let deepestFixed = 64

    /// `text` escaped in a `<pre>`: what over-budget input shows as.
    private static func preformatted(_ text: String) -> String {
        var html = "<pre>"
        html.reserveCapacity(text.utf8.count + 12)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": html += "&amp;"
            case "<": html += "&lt;"
            case ">": html += "&gt;"
            case "\0": html += "\u{FFFD}"
            default: html.unicodeScalars.append(scalar)
            }
        }
        return html + "</pre>\n"
    }

    // MARK: Rendering

    /// Parses `bytes`, fixes the tree up and renders it.
    private static func render(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        _ = registration
        lock.lock()
        defer { lock.unlock() }
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in extensions {
            guard let syntax = cmark_find_syntax_extension(name) else { continue }
            cmark_parser_attach_syntax_extension(parser, syntax)
        }
        bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        fixUp(document)
        guard let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return ""
        }
        defer { free(html) }
        return String(cString: html)
    }

    /// The CJK and Obsidian fixes. Autolinks are cut first, so that text nodes can then be merged (cmark
    /// splits `[[` and `]]` off as delimiters); then each inline container's children are fixed up, innermost
    /// containers first, so that the characters beside a soft break are final when it is looked at.
    private static func fixUp(_ document: Node) {
        let containers = inlineContainers(of: document)
        for (container, _) in containers where cmark_node_get_type(container) == CMARK_NODE_LINK {
            endAutolink(container)
        }
        cmark_consolidate_text_nodes(document)
        for (container, inLink) in containers {
            rewriteObsidianSyntax(in: container)
            if !inLink {
                for text in children(of: container, CMARK_NODE_TEXT) { linkBareURLs(in: text) }
            }
            for softBreak in children(of: container, CMARK_NODE_SOFTBREAK) where joinsCJK(softBreak) {
                cmark_node_free(softBreak)
            }
        }
    }

    /// The nodes of `document` whose children are inlines (paragraphs, headings, table cells, emphasis,
    /// links…), each after its descendants, with whether it is or is inside a link or image; those deeper than
    /// `deepestFixed` are left out. Walks with `cmark_iter`, not recursion.
    private static func inlineContainers(of document: Node) -> [(node: Node, inLink: Bool)] {
        var found: [(node: Node, inLink: Bool)] = []
        guard let iterator = cmark_iter_new(document) else { return found }
        defer { cmark_iter_free(iterator) }
        var depth = 0, links = 0
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let isLink = type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE
            if event == CMARK_EVENT_ENTER, !isLeaf(type) {
                depth += 1
                if isLink { links += 1 }
            } else if event == CMARK_EVENT_EXIT {
                if depth <= deepestFixed, let child = cmark_node_first_child(node),
                   isInline(cmark_node_get_type(child)) {
                    found.append((node, links > 0))
                }
                depth -= 1
                if isLink { links -= 1 }
            }
        }
        return found
    }

    /// The children of `node` of `type`, in order.
    private static func children(of node: Node, _ type: cmark_node_type) -> [Node] {
        var found: [Node] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            if cmark_node_get_type(current) == type { found.append(current) }
            child = cmark_node_next(current)
        }
        return found
    }

    /// Whether cmark's iterator gives `type` no exit event (its `S_is_leaf`).
    private static func isLeaf(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_CODE_BLOCK, CMARK_NODE_TEXT,
             CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
            return true
        default:
            return false
        }
    }

    /// Whether `type` is an inline node type (cmark's `CMARK_NODE_TYPE_INLINE_P`).
    static func isInline(_ type: cmark_node_type) -> Bool {
        type.rawValue & UInt32(CMARK_NODE_TYPE_MASK) == UInt32(CMARK_NODE_TYPE_INLINE)
    }

    // MARK: Nodes

    /// The literal of a text, code or HTML node.
    static func literal(of node: Node) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// Whether `node`'s literal contains `needle`, read in place.
    static func literal(of node: Node, contains needle: String) -> Bool {
        guard let literal = cmark_node_get_literal(node) else { return false }
        return strstr(literal, needle) != nil
    }

    /// A new node of `type` with `literal`.
    static func node(_ type: cmark_node_type, _ literal: String) -> Node {
        let node: Node = cmark_node_new(type)
        cmark_node_set_literal(node, literal)
        return node
    }

    /// A new link to `url` that shows `url`.
    static func link(to url: String) -> Node {
        let link: Node = cmark_node_new(CMARK_NODE_LINK)
        cmark_node_set_url(link, url)
        cmark_node_append_child(link, node(CMARK_NODE_TEXT, url))
        return link
    }

    /// Puts `replacements` where `node` is and frees `node`.
    static func replace(_ node: Node, with replacements: [Node]) {
        for replacement in replacements { cmark_node_insert_before(node, replacement) }
        cmark_node_free(node)
    }

    /// The text of `scalars`.
    static func string(_ scalars: some Collection<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `text` without leading and trailing whitespace.
    static func trimmed(_ text: Substring) -> Substring {
        let start = text.firstIndex { !$0.isWhitespace } ?? text.endIndex
        let end = text.lastIndex { !$0.isWhitespace }.map(text.index(after:)) ?? start
        return text[start..<max(start, end)]
    }
}
