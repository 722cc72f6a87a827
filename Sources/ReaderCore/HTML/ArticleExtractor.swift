import Foundation

/// Finds the article in a page's DOM, by rules in the spirit of Mozilla Readability (the code is
/// our own; the rules and thresholds are documented here and the word lists are in `PageNames`):
///
/// 1. **Prepare.** Hidden nodes never count. The byline (`rel=author`, `itemprop=author`, a
///    byline class) and the heading that repeats the title are taken out of the content. With
///    `stripUnlikely`, nodes whose class or id names chrome (`comment`, `sidebar`, `related`…,
///    unless they also say `article`, `content`, `main`…, which never saves a footer, comments
///    or related links: `article-footer`), navigation roles, microdata comments,
///    `<nav>` and `<aside>` are left out. A `div` without block children counts as a paragraph.
/// 2. **Score.** Each paragraph-like element (`p`, `pre`, `td`, `section`, `h2`–`h6`, such a
///    `div`) with at least 25 characters scores 1, plus one per comma (CJK `，。、；！？` count
///    too, or Chinese and Japanese paragraphs would score as one long sentence), plus one per 100
///    characters (at most 3). Its parent gets the score in full, the grandparent half, and the
///    next three levels a third, a sixth and a ninth. A candidate starts from its tag (`div` +5,
///    `pre`/`td`/`blockquote` +3, lists and forms −3, headings −5) and, with `weightClasses`, its
///    names and tag (±25 for positive or negative names, `<article>` +10, `<main>` +5).
/// 3. **Choose.** Scores are scaled by one less the link density. The best candidate wins; a
///    common ancestor of three near-equal runners-up, or a parent whose score rises, replaces
///    it; an only child gives way to its parent.
/// 4. **Siblings.** Its siblings join when they score at least a fifth of it (10 at least), or
///    are paragraphs of more than 80 characters with few links, or short link-free sentences.
/// 5. **Clean.** Inside, footers, asides, share bars (under 500 characters) and headings with
///    negative names are left out, and with `cleanConditionally` so are forms, tables that only
///    lay out, lists and `div`s with too many links, images, inputs or list items for their text.
/// 6. **Retry.** Under 500 characters, the rules run again with `stripUnlikely`, then
///    `weightClasses`, then `cleanConditionally` off; the longest result wins.
struct ArticleExtractor {
    /// The rules that the retries turn off one by one.
    struct Flags: OptionSet {
        let rawValue: Int
        static let stripUnlikely = Flags(rawValue: 1)
        static let weightClasses = Flags(rawValue: 2)
        static let cleanConditionally = Flags(rawValue: 4)
        static let all: Flags = [.stripUnlikely, .weightClasses, .cleanConditionally]
    }

    /// What the extractor found besides the marks it left on the nodes.
    struct Result {
        /// The byline written in the page, if any.
        var byline: String?
        /// Whether an article stood out: one attempt reached `charThreshold`. If not, the longest
        /// attempt is the body, or the whole page when every attempt came out empty.
        var found: Bool
    }

    let body: HTMLNode
    let title: String?
    /// How long a result must be to stop retrying.
    static let charThreshold = 500

    /// Marks the page's nodes: `.body` on the article's, `.chrome` on what cleaning took out of it,
    /// `.title` on the heading that repeats the title and `.metadata` on the byline.
    static func mark(body: HTMLNode, title: String?) -> Result {
        var extractor = ArticleExtractor(body: body, title: title)
        return extractor.run()
    }

    private var byline: String?
    private var bylineNode: HTMLNode?
    private var titleNode: HTMLNode?
    private var dataTables: [ObjectIdentifier: Bool] = [:]

    private init(body: HTMLNode, title: String?) {
        self.body = body
        self.title = title
    }

    private mutating func run() -> Result {
        Self.wrapPhrasingRuns(body)
        var attempts: [(flags: Flags, length: Int)] = []
        var flags = Flags.all
        while true {
            let length = attempt(flags).length
            if length >= Self.charThreshold { return finish(found: true) }
            attempts.append((flags, length))
            if flags.contains(.stripUnlikely) { flags.remove(.stripUnlikely) } else if flags.contains(.weightClasses) {
                flags.remove(.weightClasses)
            } else if flags.contains(.cleanConditionally) { flags.remove(.cleanConditionally) } else { break }
        }
        guard let best = attempts.max(by: { $0.length < $1.length }), best.length > 0 else {
            reset()
            body.role = .body
            return Result(byline: nil, found: false)
        }
        // No attempt reached the threshold: the longest is shown, with a word that it is a guess.
        _ = attempt(best.flags)
        return finish(found: false)
    }

    private mutating func finish(found: Bool) -> Result {
        titleNode?.role = .title
        bylineNode?.role = .metadata
        return Result(byline: byline ?? Self.authorLink(in: body), found: found)
    }

    // MARK: - One attempt

    /// Runs the rules with `flags`, leaving marks; returns the article's text length.
    private mutating func attempt(_ flags: Flags) -> (selected: [HTMLNode], length: Int) {
        reset()
        let toScore = prepare(flags)
        let candidates = score(toScore, flags)
        let selected = select(candidates)
        clean(selected, flags)
        var length = 0
        for node in selected {
            node.role = .body
            markRemoved(below: node)
            length += Self.measure(node).length
        }
        return (selected, length)
    }

    /// Clears every mark an attempt leaves.
    private mutating func reset() {
        byline = nil
        bylineNode = nil
        titleNode = nil
        var stack = [body]
        while let node = stack.popLast() {
            node.isRemoved = false
            node.measured = nil
            node.isParagraph = false
            node.score = nil
            node.role = nil
            stack.append(contentsOf: node.children)
        }
    }

    /// Removed nodes inside the article show as chrome with the whole page.
    private func markRemoved(below root: HTMLNode) {
        var stack = root.children
        while let node = stack.popLast() {
            if node.isRemoved { node.role = .chrome; continue }
            stack.append(contentsOf: node.children)
        }
    }

    // MARK: 1. Prepare

    /// Leaves out bylines, the title's heading and unlikely nodes; returns the elements to score.
    private mutating func prepare(_ flags: Flags) -> [HTMLNode] {
        var toScore: [HTMLNode] = []
        var lookForTitle = title != nil
        var stack = [body]
        while let node = stack.popLast() {
            if node.isText || node.isHidden { continue }
            let names = node.classAndID.lowercased()
            if node["aria-modal"] == "true" && node["role"] == "dialog" { remove(node); continue }
            if byline == nil, isByline(node, names), let text = Self.validByline(node.innerText) {
                byline = text
                bylineNode = node
                remove(node)
                continue
            }
            if lookForTitle, node.tag == "h1" || node.tag == "h2", let title,
               Self.similarity(title, node.innerText) > 0.75 {
                lookForTitle = false
                titleNode = node
                remove(node)
                continue
            }
            if flags.contains(.stripUnlikely) && isUnlikely(node, names) { remove(node); continue }
            if ["div", "section", "header", "h1", "h2", "h3", "h4", "h5", "h6"].contains(node.tag), isEmpty(node) {
                remove(node)
                continue
            }
            if PageNames.tagsToScore.contains(node.tag) && !(node.parent?.isParagraph ?? false) { toScore.append(node) }
            if node.tag == "div" {
                let elements = node.elements
                if elements.count == 1, elements[0].tag == "p", !Self.hasOwnText(node), Self.linkDensity(node) < 0.25 {
                    node.isParagraph = true
                    toScore.append(node)
                } else if !Self.hasBlockDescendant(node) {
                    node.isParagraph = true
                    toScore.append(node)
                }
            }
            stack.append(contentsOf: node.children.reversed())
        }
        return toScore
    }

    private func isByline(_ node: HTMLNode, _ names: String) -> Bool {
        node["rel"] == "author" || (node["itemprop"]?.includes("author") ?? false)
            || PageNames.byline.contains { names.includes($0) }
    }

    /// A byline's name: under 100 characters, cut before a date, a handle in brackets or a follow button.
    static func validByline(_ text: String) -> String? {
        var name = Substring(text.trimmedWhitespace)
        guard !name.isEmpty, name.count < 100 else { return nil }
        for stop in [" (", " + ", " · ", " | ", "（"] {
            if let range = name.range(of: stop) { name = name[..<range.lowerBound] }
        }
        if let digit = name.firstIndex(where: { $0.isNumber }), MetadataScanner.date(in: String(name[digit...])) != nil {
            name = name[..<digit]
        }
        let trimmed = name.trimmedWhitespace
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The first `rel=author` or `itemprop=author` in the page, for a byline the rules did not reach.
    static func authorLink(in body: HTMLNode) -> String? {
        var stack = [body]
        while let node = stack.popLast() {
            if node.isHidden { continue }
            if node["rel"] == "author" || node["itemprop"]?.split(separator: " ").contains("author") == true,
               let name = validByline(node.innerText) { return name }
            stack.append(contentsOf: node.children.reversed())
        }
        return nil
    }

    private func isUnlikely(_ node: HTMLNode, _ names: String) -> Bool {
        if node.tag == "body" || node.tag == "a" { return false }
        if node.tag == "nav" || node.tag == "aside" { return true }
        if let role = node["role"], PageNames.unlikelyRoles.contains(role) { return true }
        // Microdata that says comment: a reply in a thread, a reader's comment.
        if node["itemprop"]?.lowercased().includes("comment") == true || node["itemtype"]?.hasSuffix("/Comment") == true {
            return true
        }
        guard PageNames.unlikely.contains(where: { names.includes($0) }) else { return false }
        if PageNames.maybeCandidate.contains(where: { names.includes($0) }),
           !PageNames.alwaysUnlikely.contains(where: { names.includes($0) }) { return false }
        return !node.hasAncestor("table") && !node.hasAncestor("code")
    }

    /// No text, and no children but `br` and `hr`.
    private func isEmpty(_ node: HTMLNode) -> Bool {
        Self.measure(node).length == 0 && node.elements.allSatisfy { $0.tag == "br" || $0.tag == "hr" }
    }

    private static func hasOwnText(_ node: HTMLNode) -> Bool {
        node.children.contains { $0.isText && $0.text.unicodeScalars.contains { !HTMLText.isSpace($0) } }
    }

    /// Whether a block element (`p`, `div`, lists, tables, quotes, images, `pre`) is below.
    static func hasBlockDescendant(_ node: HTMLNode) -> Bool {
        var stack = node.children
        while let child = stack.popLast() {
            if PageNames.divToParagraphBlocks.contains(child.tag) { return true }
            stack.append(contentsOf: child.children)
        }
        return false
    }

    /// Wraps each run of inline content of a `div` that also holds blocks in a paragraph, so the run
    /// scores and joins as one; what the page shows does not change.
    static func wrapPhrasingRuns(_ root: HTMLNode) {
        var stack = [root]
        while let node = stack.popLast() {
            stack.append(contentsOf: node.children.filter { !$0.isText })
            guard node.tag == "div", node.children.contains(where: { !isPhrasing($0) }) else { continue }
            var children: [HTMLNode] = []
            var run: HTMLNode?
            for child in node.children {
                if isPhrasing(child) {
                    if let run { run.append(child); continue }
                    if child.isText && child.text.unicodeScalars.allSatisfy(HTMLText.isSpace) {
                        children.append(child)
                        continue
                    }
                    let paragraph = HTMLNode(tag: "p")
                    paragraph.parent = node
                    paragraph.append(child)
                    children.append(paragraph)
                    run = paragraph
                } else {
                    run = nil
                    children.append(child)
                }
            }
            node.children = children
        }
    }

    static func isPhrasing(_ node: HTMLNode) -> Bool {
        if node.isText || PageNames.phrasing.contains(node.tag) { return true }
        return ["a", "del", "ins"].contains(node.tag) && node.children.allSatisfy(isPhrasing)
    }

    // MARK: 2. Score

    private func score(_ elements: [HTMLNode], _ flags: Flags) -> [HTMLNode] {
        var candidates: [HTMLNode] = []
        for element in elements {
            guard let parent = element.parent, parent.tag != "#document" else { continue }
            let measure = Self.measure(element)
            guard measure.length >= 25 else { continue }
            let points = 1 + Double(measure.commas) + Double(min(measure.length / 100, 3))
            var ancestor: HTMLNode? = parent
            var level = 0
            while let current = ancestor, level < 5, let above = current.parent, above.tag != "#document" {
                if current.score == nil {
                    current.score = initialScore(current, flags)
                    candidates.append(current)
                }
                current.score! += points / (level == 0 ? 1 : level == 1 ? 2 : Double(level) * 3)
                ancestor = above
                level += 1
            }
        }
        return candidates
    }

    private func initialScore(_ node: HTMLNode, _ flags: Flags) -> Double {
        var score = classWeight(node, flags)
        switch node.tag {
        case "div": score += 5
        case "pre", "td", "blockquote": score += 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": score -= 3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": score -= 5
        default: break
        }
        return score
    }

    /// ±25 for names that say content or chrome, in the class and in the id; a bonus for `<article>`
    /// and `<main>`.
    private func classWeight(_ node: HTMLNode, _ flags: Flags) -> Double {
        guard flags.contains(.weightClasses) else { return 0 }
        var weight = 0.0
        for name in [node["class"], node["id"]] {
            guard let name = name?.lowercased(), !name.isEmpty else { continue }
            if PageNames.isNegative(name) { weight -= 25 }
            if PageNames.positive.contains(where: { name.includes($0) }) { weight += 25 }
        }
        if node.tag == "article" { weight += 10 } else if node.tag == "main" { weight += 5 }
        return weight
    }

    // MARK: 3–4. Choose, and join siblings

    private func select(_ candidates: [HTMLNode]) -> [HTMLNode] {
        for candidate in candidates { candidate.score! *= 1 - Self.linkDensity(candidate) }
        let ranked = candidates.sorted { $0.score! > $1.score! }
        guard var top = ranked.first, top.tag != "body" else { return [body] }
        let topScore = top.score!
        // A common ancestor of three runners-up close to the best.
        let close = ranked.dropFirst().prefix(4).filter { $0.score! / topScore >= 0.75 }
        if close.count >= 3 {
            var ancestor = top.parent
            while let current = ancestor, current.tag != "body" {
                if close.filter({ Self.isAncestor(current, of: $0) }).count >= 3 { top = current; break }
                ancestor = current.parent
            }
        }
        if top.score == nil { top.score = initialScore(top, .all) }
        // A parent whose score rises has more of the content.
        var lastScore = top.score!
        let threshold = lastScore / 3
        var parent = top.parent
        while let current = parent, current.tag != "body", current.tag != "#document" {
            guard let parentScore = current.score else { parent = current.parent; continue }
            if parentScore < threshold { break }
            if parentScore > lastScore { top = current; break }
            lastScore = parentScore
            parent = current.parent
        }
        while let parent = top.parent, parent.tag != "body", parent.tag != "#document",
              parent.elements.filter({ !$0.isHidden }).count == 1 {
            top = parent
        }
        if top.score == nil { top.score = initialScore(top, .all) }
        guard let parentOfTop = top.parent else { return [top] }
        let siblingThreshold = max(10, top.score! * 0.2)
        var selected: [HTMLNode] = []
        for sibling in parentOfTop.children where !sibling.isText && !sibling.isHidden && !sibling.isRemoved {
            if sibling === top { selected.append(sibling); continue }
            let sameClass = sibling["class"] != nil && sibling["class"] == top["class"]
            let bonus = sameClass ? top.score! * 0.2 : 0
            if let score = sibling.score, score + bonus >= siblingThreshold {
                selected.append(sibling)
            } else if sibling.tag == "p" || sibling.isParagraph {
                let measure = Self.measure(sibling)
                let density = measure.linkDensity
                if measure.length > 80 && density < 0.25 {
                    selected.append(sibling)
                } else if measure.length < 80 && measure.length > 0 && density == 0 && Self.endsSentence(sibling.innerText) {
                    selected.append(sibling)
                }
            }
        }
        return selected
    }

    private static func isAncestor(_ ancestor: HTMLNode, of node: HTMLNode) -> Bool {
        var current = node.parent
        while let up = current {
            if up === ancestor { return true }
            current = up.parent
        }
        return false
    }

    private static func endsSentence(_ text: String) -> Bool {
        text.includes(". ") || text.hasSuffix(".") || text.includes("。")
    }

    // MARK: 5. Clean

    private mutating func clean(_ selected: [HTMLNode], _ flags: Flags) {
        var all: [HTMLNode] = []
        for root in selected {
            var stack = [root]
            while let node = stack.popLast() {
                if node.isText || node.isHidden || node.isRemoved { continue }
                all.append(node)
                stack.append(contentsOf: node.children.reversed())
            }
        }
        if flags.contains(.cleanConditionally) {
            for tag in ["form", "fieldset"] { cleanConditionally(all.filter { $0.tag == tag }, flags) }
        }
        for node in all where ["footer", "aside", "link", "input"].contains(node.tag) { remove(node) }
        for root in selected {
            for node in all where node !== root && PageNames.isShare(node.classAndID.lowercased())
                && Self.isAncestor(root, of: node) {
                if Self.measure(node).length < 500 { remove(node) }
            }
        }
        for node in all where (node.tag == "h1" || node.tag == "h2") && classWeight(node, flags) < 0 { remove(node) }
        if flags.contains(.cleanConditionally) {
            for tag in ["table", "ul", "div"] { cleanConditionally(all.filter { $0.tag == tag }, flags) }
        }
    }

    /// Leaves out each of `nodes` (last first, as inner ones change the measures of outer ones)
    /// that looks like chrome for its text.
    private mutating func cleanConditionally(_ nodes: [HTMLNode], _ flags: Flags) {
        for node in nodes.reversed() where !node.isRemoved && !hasRemovedAncestor(node) {
            if shouldRemove(node, flags) { remove(node) }
        }
    }

    private func hasRemovedAncestor(_ node: HTMLNode) -> Bool {
        var current = node.parent
        while let up = current {
            if up.isRemoved { return true }
            current = up.parent
        }
        return false
    }

    private mutating func isDataTable(_ table: HTMLNode) -> Bool {
        let key = ObjectIdentifier(table)
        if let known = dataTables[key] { return known }
        let data = HTMLTable.isData(table)
        dataTables[key] = data
        return data
    }

    private mutating func shouldRemove(_ node: HTMLNode, _ flags: Flags) -> Bool {
        let measure = Self.measure(node)
        var isList = node.tag == "ul" || node.tag == "ol"
        if !isList, measure.length > 0 {
            let listLength = node.descendants(["ul", "ol"]).reduce(0) { $0 + Self.measure($1).length }
            isList = Double(listLength) / Double(measure.length) > 0.9
        }
        if node.tag == "table" && isDataTable(node) { return false }
        var up = node.parent
        while let current = up {
            if current.tag == "code" || current.tag == "table" && isDataTable(current) { return false }
            up = current.parent
        }
        if node.descendants(["table"]).contains(where: { isDataTable($0) }) { return false }
        let weight = classWeight(node, flags)
        if weight < 0 { return true }
        guard measure.commas < 10 else { return false }
        let inside = node.descendants(["p", "img", "li", "input", "div", "h1", "h2", "h3", "h4", "h5", "h6"])
        let paragraphs = Double(inside.filter { $0.tag == "p" || $0.isParagraph }.count)
        let images = Double(inside.filter { $0.tag == "img" }.count)
        let items = Double(inside.filter { $0.tag == "li" }.count) - 100
        let inputs = Double(inside.filter { $0.tag == "input" }.count)
        let headings = inside.filter { $0.tag.count == 2 && $0.tag.first == "h" }
        let headingLength = headings.reduce(0) { $0 + Self.measure($1).length }
        let headingDensity = measure.length > 0 ? Double(headingLength) / Double(measure.length) : 0
        if PageNames.isAdOrLoading(node.innerText) { return true }
        let isFigureChild = node.hasAncestor("figure")
        let density = measure.linkDensity
        let remove = (!isFigureChild && images > 1 && paragraphs / images < 0.5)
            || (!isList && items > paragraphs)
            || (inputs > (paragraphs / 3).rounded(.down))
            || (!isList && headingDensity < 0.9 && measure.length < 25 && (images == 0 || images > 2)
                && !isFigureChild && density > 0)
            || (!isList && weight < 25 && density > 0.2)
            || (weight >= 25 && density > 0.5)
        if isList && remove {
            if node.elements.contains(where: { $0.elements.count > 1 }) { return true }
            if images == items + 100 { return false }
        }
        return remove
    }

    // MARK: - Measures

    /// A node's visible text: its length (whitespace collapsed), commas, and the length inside
    /// links (a third, roughly, for links within the page).
    struct Measure {
        var length = 0
        var commas = 0
        var linkLength = 0.0
        var linkDensity: Double { length > 0 ? linkLength / Double(length) : 0 }
    }

    /// The measure of `node` (removed and hidden children left out), kept on the node until a
    /// removal below it clears it. A text node's trailing whitespace counts as the space before
    /// whatever follows it.
    static func measure(_ node: HTMLNode) -> Measure {
        if let known = node.measured { return known }
        var measure = Measure()
        if node.isText {
            var space = false
            for scalar in node.text.unicodeScalars {
                if HTMLText.isSpace(scalar) { space = measure.length > 0; continue }
                measure.length += space ? 2 : 1
                space = false
                if scalar.value == 0x2C || scalar.value >= 0x060C && PageNames.commas.contains(scalar) { measure.commas += 1 }
            }
            if space { measure.length += 1 }
        } else {
            for child in node.children where !child.isHidden && !child.isRemoved {
                let inner = Self.measure(child)
                measure.length += inner.length
                measure.commas += inner.commas
                measure.linkLength += inner.linkLength
            }
            if node.tag == "a" { measure.linkLength = Double(measure.length) * linkWeight(node) }
        }
        node.measured = measure
        return measure
    }

    /// Leaves `node` out of the article; the measures above it are taken again.
    private func remove(_ node: HTMLNode) {
        node.isRemoved = true
        var up = node.parent
        while let current = up, current.measured != nil {
            current.measured = nil
            up = current.parent
        }
    }

    private static func linkWeight(_ link: HTMLNode) -> Double {
        (link["href"]?.hasPrefix("#") ?? false) ? 0.3 : 1
    }

    static func linkDensity(_ node: HTMLNode) -> Double { measure(node).linkDensity }

    /// How much of `b`'s words `a` has too (Readability's text similarity; CJK characters count as words).
    static func similarity(_ a: String, _ b: String) -> Double {
        let wordsA = Set(words(a)), wordsB = words(b)
        guard !wordsB.isEmpty else { return 0 }
        let unique = wordsB.filter { !wordsA.contains($0) }
        let total = wordsB.joined(separator: " ").count
        return 1 - Double(unique.joined(separator: " ").count) / Double(max(total, 1))
    }

    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in text.lowercased().unicodeScalars {
            if HTMLText.isWideNonHangul(scalar) && scalar.properties.isAlphabetic {
                if !current.isEmpty { words.append(current); current = "" }
                words.append(String(scalar))
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_" {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
