/// Reads a Markdown clipping into blocks: ATX headings, paragraphs (soft breaks joined),
/// list items, quotes, fenced and indented code, with inline markup shown as text and
/// `[label](url)` links kept as inline links for numbering. Full CommonMark is out of scope.
public enum MarkdownParser {
    /// The blocks of a Markdown body (front matter already removed), all in the body role.
    public static func blocks(_ text: Substring) -> [Block] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let definitions = linkDefinitions(lines)
        var blocks: [Block] = []
        var paragraph: [String] = []
        var paragraphKind = Block.Kind.paragraph
        func flush() {
            guard !paragraph.isEmpty else { return }
            blocks.append(inline(PlainTextParser.joinLines(paragraph), kind: paragraphKind, definitions: definitions))
            paragraph.removeAll()
            paragraphKind = .paragraph
        }
        var i = 0
        while i < lines.count {
            let raw = lines[i]
            let line = PlainTextParser.trimmed(raw)
            i += 1
            if line.hasPrefix("```") || line.hasPrefix("~~~") {
                flush()
                let fence = String(line.prefix(3))
                var code: [Substring] = []
                while i < lines.count, !PlainTextParser.trimmed(lines[i]).hasPrefix(fence) { code.append(lines[i]); i += 1 }
                i += 1
                blocks.append(Block(kind: .preformatted, text: code.joined(separator: "\n")))
                continue
            }
            if line.isEmpty || isDefinition(line) || isRule(line) { flush(); continue }
            if raw.hasPrefix("    ") && paragraph.isEmpty && blocks.last?.kind != .listItem {
                var code = [raw.dropFirst(4)]
                while i < lines.count, lines[i].hasPrefix("    ") || PlainTextParser.trimmed(lines[i]).isEmpty && i + 1 < lines.count && lines[i + 1].hasPrefix("    ") {
                    code.append(lines[i].dropFirst(min(4, lines[i].count))); i += 1
                }
                blocks.append(Block(kind: .preformatted, text: code.joined(separator: "\n")))
                continue
            }
            if line.hasPrefix("#") {
                let hashes = line.prefix { $0 == "#" }.count
                let rest = line.dropFirst(hashes)
                if hashes <= 6, rest.isEmpty || rest.first == " " {
                    flush()
                    var title = PlainTextParser.trimmed(rest)
                    while title.hasSuffix("#") { title = PlainTextParser.trimmed(Substring(title.dropLast())) }
                    blocks.append(inline(title, kind: .heading, definitions: definitions))
                    continue
                }
            }
            if line.hasPrefix(">") {
                if paragraphKind != .quote { flush() }
                paragraphKind = .quote
                paragraph.append(PlainTextParser.trimmed(line.drop { $0 == ">" }))
                continue
            }
            if let marker = listMarker(line) {
                flush()
                paragraphKind = .listItem
                let bullet = "-*+".contains(marker) ? "•" : String(marker)
                paragraph.append(bullet + " " + PlainTextParser.trimmed(line.dropFirst(marker.count)))
                continue
            }
            if paragraphKind == .quote { flush() }
            paragraph.append(line)
        }
        flush()
        return blocks
    }

    private static func listMarker(_ line: String) -> Substring? {
        if let first = line.first, "-*+".contains(first), line.dropFirst().first == " " { return line.prefix(1) }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9, let mark = line.dropFirst(digits.count).first, mark == "." || mark == ")",
           line.dropFirst(digits.count + 1).first == " " {
            return line.prefix(digits.count + 1)
        }
        return nil
    }

    private static func isRule(_ line: String) -> Bool {
        guard line.utf8.count <= 80, let first = line.first, first == "-" || first == "*" || first == "_" else { return false }
        let compact = line.filter { $0 != " " }
        return compact.count >= 3 && (compact.allSatisfy { $0 == "-" } || compact.allSatisfy { $0 == "*" } || compact.allSatisfy { $0 == "_" })
    }

    private static func isDefinition(_ line: String) -> Bool { definition(line) != nil }

    /// `[id]: url "title"` → (id, url).
    private static func definition(_ line: String) -> (String, String)? {
        guard line.hasPrefix("["), let close = line.firstIndex(of: "]") else { return nil }
        let after = line[line.index(after: close)...]
        guard after.hasPrefix(":") else { return nil }
        let id = line[line.index(after: line.startIndex)..<close].lowercased()
        guard let url = after.dropFirst().split(separator: " ").first, !id.isEmpty else { return nil }
        return (id, String(url.trimmingPrefix("<").prefix { $0 != ">" }))
    }

    private static func linkDefinitions(_ lines: [Substring]) -> [String: String] {
        var result: [String: String] = [:]
        for line in lines {
            if let (id, url) = definition(PlainTextParser.trimmed(line)) { result[id] = url }
        }
        return result
    }

    // MARK: - Inline markup

    /// A block of `kind` from Markdown inline text: links become labels with inline links,
    /// images their alt text, emphasis and code markers are dropped, escapes resolved.
    static func inline(_ source: String, kind: Block.Kind, definitions: [String: String]) -> Block {
        let chars = Array(source)
        var out = ""
        var outUTF16 = 0
        var links: [InlineLink] = []
        var i = 0
        func emit(_ text: String) { out += text; outUTF16 += text.utf16.count }
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count, chars[i + 1].isPunctuation || chars[i + 1].isSymbol {
                emit(String(chars[i + 1])); i += 2; continue
            }
            if c == "`" {
                let ticks = chars[i...].prefix { $0 == "`" }.count
                if let end = find(String(repeating: "`", count: ticks), in: chars, from: i + ticks) {
                    emit(String(chars[(i + ticks)..<end]).trimmingCharacters(in: .whitespaces)); i = end + ticks; continue
                }
                emit(String(repeating: "`", count: ticks)); i += ticks; continue
            }
            if c == "<", let close = chars[i...].firstIndex(of: ">") {
                let inner = String(chars[(i + 1)..<close])
                if !URLScanner.urls(in: inner).isEmpty, !inner.contains(" ") { emit(inner); i = close + 1; continue }
            }
            let isImage = c == "!" && i + 1 < chars.count && chars[i + 1] == "["
            if c == "[" || isImage, let link = bracketLink(chars, at: isImage ? i + 1 : i, definitions: definitions) {
                let label = inline(link.label, kind: kind, definitions: definitions).text
                if isImage {
                    if !label.isEmpty { emit(label) }
                } else {
                    emit(label)
                    links.append(InlineLink(url: link.url, label: label, markerOffset: outUTF16))
                }
                i = link.end
                continue
            }
            if c == "*" || c == "_" || c == "~" {
                let run = chars[i...].prefix { $0 == c }.count
                let prev = i > 0 ? chars[i - 1] : " "
                let next = i + run < chars.count ? chars[i + run] : " "
                // "_" inside a word (snake_case) is text; "*" and "~~" markers are dropped.
                if c == "_" && prev.isLetter && next.isLetter || c == "~" && run < 2 || next == " " && prev == " " {
                    emit(String(repeating: String(c), count: run))
                }
                i += run
                continue
            }
            emit(String(c))
            i += 1
        }
        return Block(kind: kind, text: out, inlineLinks: links)
    }

    private static func find(_ needle: String, in chars: [Character], from start: Int) -> Int? {
        let n = Array(needle)
        guard start + n.count <= chars.count else { return nil }
        for k in start...(chars.count - n.count) where Array(chars[k..<(k + n.count)]) == n { return k }
        return nil
    }

    /// `[label](url "title")`, `[label][id]` or `[label]` with a definition, starting at `start`.
    private static func bracketLink(_ chars: [Character], at start: Int, definitions: [String: String]) -> (label: String, url: String, end: Int)? {
        var depth = 0, k = start
        while k < chars.count {
            if chars[k] == "\\" { k += 2; continue }
            if chars[k] == "[" { depth += 1 } else if chars[k] == "]" { depth -= 1; if depth == 0 { break } }
            k += 1
        }
        guard k < chars.count else { return nil }
        let label = String(chars[(start + 1)..<k])
        let after = k + 1
        if after < chars.count, chars[after] == "(" {
            var depth = 0, e = after
            while e < chars.count {
                if chars[e] == "(" { depth += 1 } else if chars[e] == ")" { depth -= 1; if depth == 0 { break } }
                e += 1
            }
            guard e < chars.count else { return nil }
            var target = String(chars[(after + 1)..<e]).trimmingCharacters(in: .whitespaces)
            if target.hasPrefix("<"), let close = target.firstIndex(of: ">") { target = String(target[target.index(after: target.startIndex)..<close]) }
            let url = String(target.prefix { $0 != " " })
            return url.isEmpty ? nil : (label, url, e + 1)
        }
        if after < chars.count, chars[after] == "[", let close = chars[after...].firstIndex(of: "]") {
            let id = String(chars[(after + 1)..<close]).lowercased()
            if let url = definitions[id.isEmpty ? label.lowercased() : id] { return (label, url, close + 1) }
        }
        if let url = definitions[label.lowercased()] { return (label, url, after) }
        return nil
    }
}
