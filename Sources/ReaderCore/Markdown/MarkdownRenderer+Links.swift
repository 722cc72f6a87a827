import CCmark

/// Bare `http(s)://` URLs made links, and autolinks cut, so that a URL ends at its first `isURLStop` character.
extension MarkdownRenderer {
    /// The schemes a bare URL starts with, as scalars.
    private static let schemes: [[Unicode.Scalar]] = ["https://", "http://"].map { Array($0.unicodeScalars) }

    /// Cuts a link cmark-gfm made from a bare URL (one whose text is its address with a scheme, or its address
    /// without `http://` or `mailto:`) before the first character that ends a URL, putting the rest back as
    /// text. A link whose host starts with such a character (fullwidth letters) is left alone.
    static func endAutolink(_ link: Node) {
        guard let label = cmark_node_first_child(link), cmark_node_next(label) == nil,
              cmark_node_get_type(label) == CMARK_NODE_TEXT, let address = cmark_node_get_url(link) else { return }
        let text = literal(of: label), url = String(cString: address)
        guard let prefix = ["", "http://", "mailto:"].first(where: { $0 + text == url }) else { return }
        let scalars = Array(text.unicodeScalars), host = hostStart(scalars)
        guard prefix != "" || host > 0, let stop = scalars.firstIndex(where: isURLStop) else { return }
        let end = trimmedEnd(scalars, from: 0, to: stop)
        guard end > host else { return }
        let kept = string(scalars[..<end])
        cmark_node_set_literal(label, kept)
        cmark_node_set_url(link, prefix + kept)
        cmark_node_insert_after(link, node(CMARK_NODE_TEXT, string(scalars[end...])))
    }

    /// Where the host starts in `scalars`: after a leading `scheme://`, or at 0.
    private static func hostStart(_ scalars: [Unicode.Scalar]) -> Int {
        let scheme = scalars.prefix { $0.isASCII && $0.properties.isAlphabetic }.count
        return scalars[scheme...].starts(with: "://".unicodeScalars) ? scheme + 3 : 0
    }

    /// Replaces the bare `http://` and `https://` URLs in `text` with links to them.
    static func linkBareURLs(in text: Node) {
        guard literal(of: text, contains: "://") else { return }
        let scalars = Array(literal(of: text).unicodeScalars)
        var pieces: [Node] = [], start = 0
        for url in bareURLs(in: scalars) {
            if url.lowerBound > start {
                pieces.append(node(CMARK_NODE_TEXT, string(scalars[start..<url.lowerBound])))
            }
            pieces.append(link(to: string(scalars[url])))
            start = url.upperBound
        }
        guard !pieces.isEmpty else { return }
        if start < scalars.count { pieces.append(node(CMARK_NODE_TEXT, string(scalars[start...]))) }
        replace(text, with: pieces)
    }

    /// The ranges of the bare URLs in `scalars`: `http://` or `https://` (any case) not preceded by an ASCII
    /// letter or digit (`xhttps://` is not a URL, as in cmark-gfm), then a letter or digit, up to the first
    /// `isURLStop` character, trailing punctuation left out.
    private static func bareURLs(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var urls: [Range<Int>] = [], i = 0
        while i < scalars.count {
            guard scalars[i] == "h" || scalars[i] == "H", i == 0 || !isASCIIAlphanumeric(scalars[i - 1]),
                  let host = schemeEnd(in: scalars, at: i) else {
                i += 1
                continue
            }
            var stop = host
            while stop < scalars.count, !isURLStop(scalars[stop]) { stop += 1 }
            let end = trimmedEnd(scalars, from: i, to: stop)
            if end > host, scalars[host].properties.isAlphabetic || scalars[host].properties.numericType != nil {
                urls.append(i..<end)
                i = end
            } else {
                i = host
            }
        }
        return urls
    }

    /// The end of the `http://` or `https://` (any case) at `i`, if one is there.
    private static func schemeEnd(in scalars: [Unicode.Scalar], at i: Int) -> Int? {
        for scheme in schemes where i + scheme.count <= scalars.count {
            let candidate = scalars[i..<i + scheme.count]
            if zip(scheme, candidate).allSatisfy({ $0 == $1 || $0.value == $1.value + 0x20 }) {
                return i + scheme.count
            }
        }
        return nil
    }

    /// `end` moved back over trailing `.,;:!?'"` (and `*_~`, as cmark-gfm does) and over `)`s and `]`s that
    /// close nothing opened in `start..<end`.
    private static func trimmedEnd(_ scalars: [Unicode.Scalar], from start: Int, to end: Int) -> Int {
        var end = end
        var parentheses = 0, brackets = 0
        for scalar in scalars[start..<end] {
            switch scalar {
            case "(": parentheses -= 1
            case ")": parentheses += 1
            case "[": brackets -= 1
            case "]": brackets += 1
            default: break
            }
        }
        while end > start {
            switch scalars[end - 1] {
            case ".", ",", ";", ":", "!", "?", "'", "\"", "*", "_", "~": break
            case ")" where parentheses > 0: parentheses -= 1
            case "]" where brackets > 0: brackets -= 1
            default: return end
            }
            end -= 1
        }
        return end
    }

    /// Whether `scalar` ends a URL: whitespace, a control, `<`, CJK or fullwidth punctuation, a curly quote,
    /// a dash or an ellipsis.
    private static func isURLStop(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value <= 0x20 || scalar.value == 0x7F || scalar == "<" }
        return scalar.properties.isWhitespace || isCJKPunctuation(scalar) || isSharedPunctuation(scalar)
    }

    /// Whether `scalar` is an ASCII letter or digit.
    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
    }
}
