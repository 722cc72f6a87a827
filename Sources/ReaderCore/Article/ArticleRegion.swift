/// Finds the article in a plain-text page dump as the best contiguous run of blocks, the way
/// boilerplate detectors such as jusText and BTE do: each block gets a score from what a dump
/// still shows, and the article is the run whose scores add up to the most (a maximum-sum
/// segment). The rules, language-independent, are all here; the word lists are in `PageChrome`.
///
/// - **How likely a block is article text** (`likelihood`, 0…1): interface lines (share bars,
///   counters, menus of interface words), form fields and bracketed stand-ins are near 0; a line with several sentences
///   (Latin `. , ; : ! ?` before a space, CJK `。！？；，、`) near 1; a long CJK line without
///   punctuation, or a short sentence, a little over ½; other short lines under ½.
/// - **Its score** is its length in words (a CJK character counts half) times `2p − 1`, so prose
///   adds and chrome takes away; a short line that is not prose weighs at least `shortLineWeight`
///   words, which makes a run of menu items or related links cost more than its few words.
/// - **No clear article:** when the best run scores under `minimumScore`, there is none, and
///   the caller shows the whole dump.
enum ArticleRegion {
    /// The best run of `blocks` (nil when no run stands out), with every block's likelihood and score.
    static func find(_ blocks: [Block]) -> (range: Range<Int>?, likelihood: [Double], scores: [Double]) {
        var likelihood: [Double] = [], scores: [Double] = []
        likelihood.reserveCapacity(blocks.count)
        scores.reserveCapacity(blocks.count)
        var best = 0.0, bestRange = 0..<0
        var sum = 0.0, start = 0
        for (index, block) in blocks.enumerated() {
            let counts = Counts(block.text)
            let p = Self.likelihood(block, counts)
            likelihood.append(p)
            scores.append(score(words: counts.weight, likelihood: p))
            if sum <= 0 {
                sum = 0
                start = index
            }
            sum += scores[index]
            if sum > best {
                best = sum
                bestRange = start..<(index + 1)
            }
        }
        return (best >= minimumScore ? bestRange : nil, likelihood, scores)
    }

    /// The least a run must score to be the article: a sentence or two of prose.
    static let minimumScore = 5.0
    /// The least weight of a block that is not likely prose: a menu item costs as much as a short sentence.
    static let shortLineWeight = 8.0
    /// A likelihood for blocks that are surely chrome; such blocks never join the body.
    static let chrome = 0.02

    /// What a block of `words` words adds to a run: its weight times `2p − 1`.
    static func score(words: Int, likelihood p: Double) -> Double {
        (p < 0.5 ? max(Double(words), shortLineWeight) : Double(words)) * (p - 0.5) * 2
    }

    /// What scoring counts in a line, in one pass over its scalars: runs of letters and digits
    /// (a run of CJK characters is one), CJK characters, and sentence and clause marks (Latin
    /// `. , ; : ! ?` before a space or the end, CJK `。！？；，、` anywhere).
    struct Counts {
        var words = 0, cjk = 0, marks = 0
        /// Words with each CJK character half a word.
        var weight: Int { words + cjk / 2 }

        init(_ text: String) {
            var inWord = false, pendingMark = false
            for scalar in text.unicodeScalars {
                let v = scalar.value
                if pendingMark && v == 0x20 { marks += 1 }
                pendingMark = false
                let isWord: Bool
                switch v {
                case 0x2E, 0x21, 0x3F, 0x3B, 0x2C, 0x3A:  // . ! ? ; , :
                    pendingMark = true
                    isWord = false
                case 0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0xFF0C, 0x3001:  // 。！？；，、
                    marks += 1
                    isWord = false
                case 0x3040...0x30FF, 0x3400...0x9FFF, 0xAC00...0xD7A3, 0xF900...0xFAFF:  // PageChrome.isCJK
                    cjk += 1
                    isWord = true
                default:
                    isWord = ArticleRegion.isWordScalar(scalar)
                }
                if isWord && !inWord { words += 1 }
                inWord = isWord
            }
            if pendingMark { marks += 1 }
        }
    }

    /// How likely `block` is article text, from its length, punctuation and words.
    static func likelihood(_ block: Block) -> Double { likelihood(block, Counts(block.text)) }

    private static func likelihood(_ block: Block, _ counts: Counts) -> Double {
        let text = block.text
        if block.kind == .rule { return 0.3 }
        let (words, cjk, marks) = (counts.words, counts.cjk, counts.marks)
        let ends = PageChrome.endsSentence(text)
        if cjk >= 20 && marks >= 2 || words >= 15 && marks >= 2 { return 0.95 }
        // Interface lines, form fields and bare URLs are short and end no sentence: prose is
        // not asked about them.
        let isProse = words >= 10 && (marks >= 1 || ends) || cjk >= 10 && ends
        if !isProse {
            if isFormOrPlaceholder(text) || PageChrome.isInterfaceLine(text) { return chrome }
            if ReaderMode.isURLOnly(text) || isCitationOnly(text) { return 0.1 }
        }
        if isProse { return 0.85 }
        if cjk >= 12 { return 0.55 }
        // A short sentence (a step of a list, a line of dialogue) is more likely text than chrome.
        if ends && counts.weight >= 4 { return 0.6 }
        if counts.weight >= 8 { return 0.45 }
        return isImageName(text) ? 0.4 : 0.3
    }

    /// A letter, a digit or `_` (Unicode's Alphabetic, or a Numeric_Type): ASCII and CJK
    /// answered by their ranges, the rest of the scripts and punctuation before CJK
    /// (U+0080–U+33FF) and the halfwidth and fullwidth forms by `wordBits`.
    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return (0x61...0x7A).contains(v | 0x20) || (0x30...0x39).contains(v) || v == 0x5F }
        if v < 0x3400 || v >= 0xFF00 && v <= 0xFFFF {
            let index = Int(v < 0x3400 ? v : v - 0xFF00 + 0x3400)
            return wordBits[index >> 6] & (1 << UInt64(index & 63)) != 0
        }
        if PageChrome.isCJK(scalar) { return true }
        return isLetterOrDigit(scalar)
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// `isLetterOrDigit` of U+0000–U+33FF, then of U+FF00–U+FFFF, a bit each: made once, at the
    /// first scalar that needs it.
    private static let wordBits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: (0x3400 + 0x100) / 64)
        for index in 0..<(0x3400 + 0x100) {
            let value = UInt32(index < 0x3400 ? index : index - 0x3400 + 0xFF00)
            guard let scalar = Unicode.Scalar(value), isLetterOrDigit(scalar) else { continue }
            bits[index >> 6] |= 1 << UInt64(index & 63)
        }
        return bits
    }()

    /// A form field or a stand-in a text browser draws: `[          ]`, `[ ] Remember me`,
    /// `( ) Option`, `[cnn-logo]`, `[]`.
    static func isFormOrPlaceholder(_ text: String) -> Bool {
        guard let first = text.first, first == "[" || first == "(" else { return false }
        if text.hasPrefix("[ ]") || text.hasPrefix("( )") || text.hasPrefix("[]") { return true }
        guard let close = text.firstIndex(of: first == "[" ? "]" : ")") else { return false }
        let inside = text[text.index(after: text.startIndex)..<close]
        let after = text[text.index(after: close)...].trimmedSpaces
        if inside.allSatisfy({ $0 == " " || $0 == "_" }) { return DisplayWidth.of(after) <= 12 }
        // A bracketed name alone on its line, as w3m and lynx draw an image's alt text.
        return first == "[" && after.isEmpty && DisplayWidth.of(inside) <= 40 && !inside.allSatisfy(\.isNumber)
    }

    /// A line that is only a citation number with little after it: `[3]`, `[12] ↑`.
    private static func isCitationOnly(_ text: String) -> Bool {
        guard text.hasPrefix("["), let close = text.firstIndex(of: "]") else { return false }
        let inside = text[text.index(after: text.startIndex)..<close]
        return !inside.isEmpty && inside.allSatisfy(\.isNumber) && DisplayWidth.of(text) <= 12
    }

    /// An image's file name shown in place of the image (`IMG_3886.jpg`).
    private static func isImageName(_ text: String) -> Bool {
        !text.includes(" ") && HTMLBlockBuilder.isFileName(text)
    }
}
