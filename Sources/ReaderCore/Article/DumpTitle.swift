/// Finds a page dump's title among the lines around the start of its article (`ArticleRegion`):
/// the line that best matches the article's first words (its longer words, its CJK character
/// pairs), is long enough to name it, is repeated in the page (a title appears in the header,
/// the breadcrumb or a share text too), or has a byline or date right after it. Closer to the
/// start is better. Lines that cannot be titles: captions and credits, bylines, dates, list
/// items, bracketed stand-ins, chrome, and sentences ending in a period with no byline or date
/// under them.
enum DumpTitle {
    /// How far before the article's start the title is looked for, in blocks.
    static let lookBack = 25

    /// The index of the title in `blocks`, if a line qualifies.
    static func index(in blocks: [Block], likelihood: [Double], region: Range<Int>) -> Int? {
        let window = max(0, region.lowerBound - lookBack)..<min(region.upperBound, region.lowerBound + 3)
        let candidates = window.filter { isCandidate(blocks[$0], likelihood: likelihood[$0]) }
        guard !candidates.isEmpty else { return nil }
        let bodyFeatures = features(of: start(of: region.prefix(40).map { blocks[$0].text }, bytes: 768))
        // Repeats are looked for in the page's head and the article's start, among lines of the
        // same length in bytes.
        var byLength: [Int: [Int]] = [:]
        for index in 0..<min(blocks.count, region.lowerBound + 60) {
            byLength[blocks[index].text.utf8.count, default: []].append(index)
        }
        var isMetadata: [Int: Bool] = [:]
        func metadata(_ index: Int) -> Bool {
            if let known = isMetadata[index] { return known }
            let answer = ReaderMode.isMetadataLine(blocks[index].text)
            isMetadata[index] = answer
            return answer
        }
        var best: (index: Int, score: Double)?
        for index in candidates {
            let text = blocks[index].text
            let repeated = byLength[text.utf8.count, default: []].contains { $0 != index && blocks[$0].text == text }
            let hasByline = (index + 1..<min(index + 3, blocks.count)).contains(where: metadata)
            // A title may ask or exclaim; it ends a sentence only with its byline or date under it.
            if PageChrome.endsSentence(text), let last = text.last, !"?!？！".contains(last), !hasByline { continue }
            let own = features(of: text)
            let overlap = own.isEmpty ? 0 : Double(own.filter(bodyFeatures.contains).count) / Double(own.count)
            let counts = ArticleRegion.Counts(text)
            var score = overlap * 4 + Double(min(counts.weight, 12)) / 3
            if repeated { score += 2 }
            if hasByline { score += 2 }
            score -= Double(abs(region.lowerBound - index)) * 0.05
            if index >= region.lowerBound { score -= 1 }
            // A line with two or more clause marks reads as a sentence (a standfirst, a caption).
            if counts.marks >= 2 { score -= 2 }
            if score > best?.score ?? -.infinity { best = (index, score) }
        }
        return best?.index
    }

    /// A `Title:` line among the first blocks (`标题：`, `タイトル：`, `제목:` too): its index and the title it gives.
    static func labelled(in blocks: [Block]) -> (index: Int, title: String)? {
        for (index, block) in blocks.prefix(10).enumerated() where block.kind == .paragraph {
            for label in titleLabels where block.text.hasPrefix(label) {
                let title = block.text.dropFirst(label.count).trimmedSpaces
                if !title.isEmpty { return (index, title) }
            }
        }
        return nil
    }

    static let titleLabels = ["Title:", "TITLE:", "标题：", "標題：", "题目：", "タイトル：", "제목:", "제목 :"]

    /// Whether `block` may be a title: one line of 8 to 160 columns, not chrome, navigation, a
    /// list item, bracketed text, a caption, credit, byline or date.
    static func isCandidate(_ block: Block, likelihood: Double) -> Bool {
        let text = block.text
        let width = DisplayWidth.of(text)
        guard likelihood > ArticleRegion.chrome, (8...160).contains(width), block.kind == .paragraph || block.kind == .heading
        else { return false }
        if let first = text.first, "[(".contains(first) { return false }
        // Navigation, or columns set apart by runs of spaces, is no title.
        if PageChrome.isBreadcrumb(text) || text.includes("   ") { return false }
        let lower = text.utf8Prefix(24).lowercasedFast
        if captionStarts.contains(where: { lower.hasPrefix($0) }) { return false }
        if MetadataScanner.author(in: text) != nil || MetadataScanner.isDateLine(text) { return false }
        return !(MetadataScanner.date(in: text) != nil && ArticleRegion.Counts(text).words <= 8)
    }

    /// How captions, credits and interface labels near an article's start begin.
    static let captionStarts = ["media caption", "caption", "credit", "illustration for", "gallery:", "photo", "image",
                                "bild", "foto", "reviewed by", "supported by", "from:", "source:", "advertisement",
                                "view photos", "print", "图片", "圖片", "写真", "사진", "来源", "출처"]

    /// What a title shares with its article: Latin words of four letters or more, lowercased, and
    /// pairs of adjacent CJK characters.
    /// Each feature is a number: a CJK pair as its two scalars, a word as its hash.
    /// A word is hashed as its scalars come, not gathered into a string.
    static func features(of text: String) -> Set<UInt64> {
        var out: Set<UInt64> = [], word = Hash64(), length = 0
        var previous: UInt32?
        func flush() {
            if length >= 4 { out.insert(word.value | 1 << 63) }
            (word, length) = (Hash64(), 0)
        }
        for scalar in text.lowercasedFast.unicodeScalars {
            if PageChrome.isCJK(scalar) {
                flush()
                if let previous { out.insert(UInt64(previous) << 32 | UInt64(scalar.value)) }
                previous = scalar.value
                continue
            }
            previous = nil
            if ArticleRegion.isWordScalar(scalar) {
                word.mix(UInt64(scalar.value))
                length += 1
            } else {
                flush()
            }
        }
        flush()
        return out
    }

    /// `texts` joined by spaces, up to `bytes` UTF-8 bytes (cut back to a scalar boundary),
    /// joined only as far as that needs.
    static func start(of texts: [String], bytes: Int) -> String {
        var joined = ""
        for text in texts {
            if !joined.isEmpty { joined += " " }
            joined += text
            if joined.utf8.count > bytes { break }
        }
        return joined.utf8Prefix(bytes)
    }
}
