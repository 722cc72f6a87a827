import CCmark

/// Obsidian syntax: wikilinks and embeds shown as text, `==text==` as highlights.
extension MarkdownRenderer {
    /// The file extensions of embeds shown as images.
    private static let imageExtensions = ["png", "jpg", "jpeg", "gif", "webp", "svg", "bmp", "avif", "heic", "tif",
                                          "tiff"]

    /// Resolves the wikilinks in `container`'s text children, then turns its `==…==` pairs into highlights.
    /// A pair may span other inlines (`==a *b* c==`) but not leave the container.
    static func rewriteObsidianSyntax(in container: Node) {
        var texts: [(node: Node, scalars: [Unicode.Scalar])] = []
        var child = cmark_node_first_child(container)
        while let node = child {
            child = cmark_node_next(node)
            guard cmark_node_get_type(node) == CMARK_NODE_TEXT else { continue }
            if literal(of: node, contains: "[["),
               let resolved = resolvingWikilinks(Array(literal(of: node).unicodeScalars)) {
                cmark_node_set_literal(node, string(resolved))
            }
            if literal(of: node, contains: "==") { texts.append((node, Array(literal(of: node).unicodeScalars))) }
        }
        highlight(texts)
    }

    /// `scalars` with each `[[target]]` or `[[target|alias]]` replaced by what Obsidian shows for it and each
    /// `![[file]]` by a placeholder, or nil if there are none. Targets hold no brackets.
    private static func resolvingWikilinks(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        var result: [Unicode.Scalar] = [], changed = false, i = 0
        while i < scalars.count {
            guard scalars[i] == "[", i + 1 < scalars.count, scalars[i + 1] == "[" else {
                result.append(scalars[i])
                i += 1
                continue
            }
            var close = i + 2
            while close < scalars.count, scalars[close] != "[", scalars[close] != "]" { close += 1 }
            let embed = i > 0 && scalars[i - 1] == "!"
            guard close + 1 < scalars.count, scalars[close] == "]", scalars[close + 1] == "]",
                  let shown = wikilinkText(string(scalars[(i + 2)..<close]), embed: embed) else {
                result.append(contentsOf: scalars[i..<close])
                i = close
                continue
            }
            if embed { result.removeLast() }
            result.append(contentsOf: shown.unicodeScalars)
            changed = true
            i = close + 2
        }
        return changed ? result : nil
    }

    /// What a wikilink with `inner` between its brackets shows: the alias, or the target with `#` sections as
    /// `Page > Heading`; an embed shows `[image: file.png]` or `[embed: Note]`. Nil for an empty target.
    private static func wikilinkText(_ inner: String, embed: Bool) -> String? {
        let parts = inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
        let target = trimmed(parts[0])
        guard !target.isEmpty else { return nil }
        if embed {
            let fileExtension = target.split(separator: ".").last.map { $0.lowercased() } ?? ""
            return imageExtensions.contains(fileExtension) ? "[image: \(target)]" : "[embed: \(target)]"
        }
        if parts.count > 1 {
            let alias = trimmed(parts[1])
            if !alias.isEmpty { return String(alias) }
        }
        let sections = target.split(separator: "#").map(trimmed)
        let shown = sections.filter { !$0.isEmpty }.joined(separator: " > ")
        return shown.isEmpty ? nil : shown
    }

    /// Turns `==…==` pairs among `texts` (sibling text nodes, in order) into `<mark>` and `</mark>`. A `==`
    /// (exactly two) opens when no whitespace follows it and closes when none precedes it; it pairs with the
    /// next `==` that can close, and `====` or an unclosed `==` stays text.
    private static func highlight(_ texts: [(node: Node, scalars: [Unicode.Scalar])]) {
        var cuts = Array(repeating: [(offset: Int, opens: Bool)](), count: texts.count)
        var opener: (text: Int, offset: Int)?
        for (index, text) in texts.enumerated() {
            for offset in delimiters(in: text.scalars) {
                if let open = opener, closes(text, at: offset), open.text != index || open.offset + 2 != offset {
                    cuts[open.text].append((open.offset, true))
                    cuts[index].append((offset, false))
                    opener = nil
                } else if opener == nil, opens(text, at: offset) {
                    opener = (index, offset)
                }
            }
        }
        for (text, textCuts) in zip(texts, cuts) where !textCuts.isEmpty {
            var pieces: [Node] = [], start = 0
            for cut in textCuts {
                if cut.offset > start {
                    pieces.append(node(CMARK_NODE_TEXT, string(text.scalars[start..<cut.offset])))
                }
                pieces.append(node(CMARK_NODE_HTML_INLINE, cut.opens ? "<mark>" : "</mark>"))
                start = cut.offset + 2
            }
            if start < text.scalars.count { pieces.append(node(CMARK_NODE_TEXT, string(text.scalars[start...]))) }
            replace(text.node, with: pieces)
        }
    }

    /// The offsets of the runs of exactly two `=` in `scalars`.
    private static func delimiters(in scalars: [Unicode.Scalar]) -> [Int] {
        var offsets: [Int] = [], i = 0
        while i < scalars.count {
            guard scalars[i] == "=" else {
                i += 1
                continue
            }
            var end = i
            while end < scalars.count, scalars[end] == "=" { end += 1 }
            if end - i == 2 { offsets.append(i) }
            i = end
        }
        return offsets
    }

    /// Whether the `==` at `offset` in `text` can open a highlight: something other than whitespace or a line
    /// break follows it.
    private static func opens(_ text: (node: Node, scalars: [Unicode.Scalar]), at offset: Int) -> Bool {
        if offset + 2 < text.scalars.count { return !text.scalars[offset + 2].properties.isWhitespace }
        guard let next = cmark_node_next(text.node) else { return false }
        return !isBreak(next)
    }

    /// Whether the `==` at `offset` in `text` can close a highlight: something other than whitespace or a
    /// line break precedes it.
    private static func closes(_ text: (node: Node, scalars: [Unicode.Scalar]), at offset: Int) -> Bool {
        if offset > 0 { return !text.scalars[offset - 1].properties.isWhitespace }
        guard let previous = cmark_node_previous(text.node) else { return false }
        return !isBreak(previous)
    }

    /// Whether `node` is a soft or hard line break.
    private static func isBreak(_ node: Node) -> Bool {
        let type = cmark_node_get_type(node)
        return type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK
    }
}
