/// One node of a parsed page: an element with its tag, the attributes reader mode reads and its
/// children, or a run of text. Reader mode marks nodes rather than removing them, so the whole
/// page can still be shown as it was.
final class HTMLNode {
    /// The lowercase tag name; empty for a text node.
    let tag: String
    /// A text node's text, sanitized, whitespace as written.
    let text: String
    /// The attributes kept (`HTMLParser.keptAttributes`); a `data:` URL is kept as `data:` alone.
    var attributes: [String: String]
    var children: [HTMLNode] = []
    unowned(unsafe) var parent: HTMLNode?

    // MARK: Reader mode's marks

    /// Not shown at all: `hidden`, `display: none`, `aria-hidden="true"`.
    var isHidden = false
    /// Left out of the article (site chrome), but shown with the whole page.
    var isRemoved = false
    /// A `div` without block children, scored as a paragraph.
    var isParagraph = false
    /// The candidate score, once the node is a candidate.
    var score: Double?
    /// Its text's measure, while no removal below it has changed it.
    var measured: ArticleExtractor.Measure?
    /// The role its blocks take, when reader mode set one; otherwise inherited from the parent.
    var role: Block.Role?

    init(tag: String, attributes: [String: String] = [:]) {
        self.tag = tag
        self.text = ""
        self.attributes = attributes
    }

    init(text: String) {
        self.tag = ""
        self.text = text
        self.attributes = [:]
    }

    var isText: Bool { tag.isEmpty }

    subscript(attribute: String) -> String? { attributes[attribute] }

    /// The class and id, for the name rules.
    var classAndID: String {
        let names = (attributes["class"] ?? "") + " " + (attributes["id"] ?? "")
        return names.count > 1 ? names : ""
    }

    /// The element children, text left out.
    var elements: [HTMLNode] { children.filter { !$0.isText } }

    func append(_ child: HTMLNode) {
        child.parent = self
        children.append(child)
    }

    /// Every descendant element with one of `tags`, in document order.
    func descendants(_ tags: Set<String>) -> [HTMLNode] {
        var found: [HTMLNode] = []
        var stack = Array(children.reversed())
        while let node = stack.popLast() {
            if tags.contains(node.tag) { found.append(node) }
            stack.append(contentsOf: node.children.reversed())
        }
        return found
    }

    /// The first descendant element (or self) with `tag`.
    func first(_ tag: String) -> HTMLNode? {
        var stack = [self]
        while let node = stack.popLast() {
            if node.tag == tag { return node }
            stack.append(contentsOf: node.children.reversed())
        }
        return nil
    }

    /// Whether an ancestor has `tag`.
    func hasAncestor(_ tag: String) -> Bool {
        var node = parent
        while let current = node {
            if current.tag == tag { return true }
            node = current.parent
        }
        return false
    }

    /// All the text below, hidden nodes left out, whitespace runs collapsed to one space and trimmed.
    var innerText: String {
        var out = ""
        var space = false
        var stack = [self]
        while let node = stack.popLast() {
            if node.isHidden { continue }
            if node.isText {
                for scalar in node.text.unicodeScalars {
                    if HTMLText.isSpace(scalar) {
                        space = !out.isEmpty
                    } else {
                        if space { out.unicodeScalars.append(" "); space = false }
                        out.unicodeScalars.append(scalar)
                    }
                }
            } else {
                stack.append(contentsOf: node.children.reversed())
            }
        }
        return out
    }
}
