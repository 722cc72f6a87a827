import Foundation
import CGumbo

/// Parses HTML text into `HTMLNode`s with gumbo (HTML5 tree construction: implied tags, entities,
/// misnested markup), keeping the elements and attributes reader mode reads and none of the bytes
/// it does not: scripts (but JSON-LD), styles, embedded objects and `data:` URLs are dropped while
/// the tree is copied, and gumbo's own tree is freed at once.
enum HTMLParser {
    /// Deeper elements are flattened into their ancestor at this depth, so every walk of the tree
    /// stays shallow.
    static let maximumDepth = 256

    /// The attributes kept on elements.
    static let keptAttributes: Set<String> = [
        "id", "class", "href", "src", "alt", "title", "lang", "name", "property", "content", "rel", "itemprop",
        "datetime", "role", "colspan", "start", "value", "type", "checked", "reversed", "summary", "datatable",
        "http-equiv", "charset", "aria-modal", "width", "height", "itemtype",
    ]

    /// Elements dropped with everything in them: never text a reader reads.
    static let droppedElements: Set<String> = [
        "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "select", "datalist",
        "textarea", "button", "audio", "video", "frameset", "frame", "applet", "map",
    ]

    /// The document node of `html`; its child is the `html` element.
    static func parse(_ html: String) -> HTMLNode {
        // Sanitized before gumbo, which turns control characters into U+FFFD and so would leave
        // the rest of an escape sequence (`[31m`) behind; entities that make controls are
        // sanitized again in each text and attribute.
        let pruned = HTMLPayloadPruner.pruned(Array(html.utf8))
        var bytes = Array(Sanitizer.clean(String(decoding: pruned, as: UTF8.self)).utf8)
        if let limited = HTMLNestingGuard.limited(bytes) { bytes = limited }
        let document = HTMLNode(tag: "#document")
        var options = kGumboDefaultOptions
        options.max_errors = 0  // keep no error list: a hostile page could make millions
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                let empty: [CChar] = [0]
                let output = empty.withUnsafeBufferPointer { fallback in
                    gumbo_parse_with_options(&options, chars.baseAddress ?? fallback.baseAddress, chars.count)
                }
                guard let output else { return }
                defer { gumbo_destroy_output(&options, output) }
                copy(output.pointee.root, into: document)
            }
        }
        return document
    }

    /// Copies gumbo's tree below `root` (depth first, in document order, without recursion).
    private static func copy(_ root: UnsafeMutablePointer<GumboNode>, into document: HTMLNode) {
        guard let top = element(root) else { return }
        document.append(top)
        var stack: [(node: UnsafeMutablePointer<GumboNode>, into: HTMLNode, depth: Int, next: Int)] = [(root, top, 1, 0)]
        while !stack.isEmpty {
            let index = stack.count - 1
            let (gumbo, target, depth, next) = stack[index]
            let children = gumbo.pointee.v.element.children
            guard next < Int(children.length) else { stack.removeLast(); continue }
            stack[index].next = next + 1
            guard let child = children.data[next]?.assumingMemoryBound(to: GumboNode.self) else { continue }
            switch child.pointee.type {
            case GUMBO_NODE_TEXT, GUMBO_NODE_WHITESPACE, GUMBO_NODE_CDATA:
                guard let text = child.pointee.v.text.text else { continue }
                target.append(HTMLNode(text: Sanitizer.clean(String(cString: text))))
            case GUMBO_NODE_ELEMENT, GUMBO_NODE_TEMPLATE:
                if depth >= maximumDepth {
                    // Too deep: its children go to the deepest element kept.
                    if element(child) != nil { stack.append((child, target, depth, 0)) }
                    continue
                }
                guard let node = element(child) else { continue }
                target.append(node)
                stack.append((child, node, depth + 1, 0))
            default:
                continue
            }
        }
    }

    /// A copy of one gumbo element without its children, or nil for an element that is dropped.
    private static func element(_ gumbo: UnsafeMutablePointer<GumboNode>) -> HTMLNode? {
        let element = gumbo.pointee.v.element
        let name = tagName(element)
        if droppedElements.contains(name) { return nil }
        var attributes: [String: String] = [:]
        var hidden = false
        let list = element.attributes
        for k in 0..<Int(list.length) {
            guard let attribute = list.data[k]?.assumingMemoryBound(to: GumboAttribute.self),
                  let rawName = attribute.pointee.name, let rawValue = attribute.pointee.value else { continue }
            let key = String(cString: rawName)
            switch key {
            case "hidden": hidden = true
            case "style": hidden = hidden || hidesElement(style: String(cString: rawValue))
            case "aria-hidden": attributes[key] = String(cString: rawValue)
            default:
                guard keptAttributes.contains(key) else { continue }
                // A data: URL can be megabytes of an inlined image: only its scheme is kept.
                if (key == "src" || key == "href") && strncasecmp(rawValue, "data:", 5) == 0 {
                    attributes[key] = "data:"
                } else {
                    attributes[key] = Sanitizer.line(String(cString: rawValue))
                }
            }
        }
        if name == "script" && !(attributes["type"]?.lowercased().includes("ld+json") ?? false) { return nil }
        if attributes["aria-hidden"] == "true" && !(attributes["class"]?.includes("fallback-image") ?? false) { hidden = true }
        // SingleFile keeps what it removed from view with this class (and `display: none` in its CSS).
        if attributes["class"]?.split(separator: " ").contains("sf-hidden") == true { hidden = true }
        let node = HTMLNode(tag: name, attributes: attributes)
        // A JSON-LD script is kept for its metadata, never as text.
        node.isHidden = hidden || name == "script"
        return node
    }

    /// The lowercase tag name, also for elements gumbo does not know (custom elements).
    private static func tagName(_ element: GumboElement) -> String {
        if element.tag != GUMBO_TAG_UNKNOWN, let known = gumbo_normalized_tagname(element.tag) {
            return String(cString: known)
        }
        var piece = element.original_tag
        gumbo_tag_from_original_text(&piece)
        guard let data = piece.data, piece.length > 0 else { return "unknown" }
        let bytes = UnsafeRawBufferPointer(start: data, count: min(piece.length, 64))
        return String(decoding: bytes, as: UTF8.self).lowercased()
    }

    /// Whether an inline style hides the element (`display: none`, `visibility: hidden`).
    static func hidesElement(style: String) -> Bool {
        let compact = style.lowercased().filter { !$0.isWhitespace }
        return compact.includes("display:none") || compact.includes("visibility:hidden")
    }
}
