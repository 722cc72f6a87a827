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
    /// The best run of `blocks`, with every block's likelihood; nil when no run stands out.
    static func find(_ blocks: [Block]) -> (range: Range<Int>, likelihood: [Double])? {
        let likelihood = blocks.map(Self.likelihood)
        var best = 0.0, bestRange = 0..<0
        var sum = 0.0, start = 0
        for (index, block) in blocks.enumerated() {
            if sum <= 0 {
                sum = 0
                start = index
            }
            sum += score(block, likelihood: likelihood[index])
            if sum > best {
                best = sum
                bestRange = start..<(index + 1)
            }
        }
        return best >= minimumScore ? (bestRange, likelihood) : nil
    }

    /// The least a run must score to be the article: a sentence or two of prose.
    static let minimumScore = 5.0
    /// The least weight of a block that is not likely prose: a menu item costs as much as a short sentence.
    static let shortLineWeight = 8.0
    /// A likelihood for blocks that are surely chrome; such blocks never join the body.
    static let chrome = 0.02

    /// What `block` adds to a run: its weight in words times `2p − 1`.
    static func score(_ block: Block, likelihood p: Double) -> Double {
        let words = Double(wordCount(block.text))
        return (p < 0.5 ? max(words, shortLineWeight) : words) * (p - 0.5) * 2
    }

    /// How likely `block` is article text, from its length, punctuation and words.
    static func likelihood(_ block: Block) -> Double {
        let text = block.text
        if block.kind == .rule { return 0.3 }
        if isFormOrPlaceholder(text) || PageChrome.isInterfaceLine(text) { return chrome }
        if ReaderMode.isURLOnly(text) || isCitationOnly(text) { return 0.1 }
        let words = latinWords(text), cjk = text.unicodeScalars.lazy.filter(PageChrome.isCJK).count
        let marks = punctuationCount(text), ends = PageChrome.endsSentence(text)
        if cjk >= 20 && marks >= 2 || words >= 15 && marks >= 2 { return 0.95 }
        if words >= 10 && (marks >= 1 || ends) || cjk >= 10 && ends { return 0.85 }
        if cjk >= 12 { return 0.55 }
        // A short sentence (a step of a list, a line of dialogue) is more likely text than chrome.
        if ends && words + cjk / 2 >= 4 { return 0.6 }
        if words + cjk / 2 >= 8 { return 0.45 }
        return isImageName(text) ? 0.4 : 0.3
    }

    /// Words of `text` for scoring: runs of letters and digits, with each CJK character half a word.
    static func wordCount(_ text: String) -> Int {
        latinWords(text) + text.unicodeScalars.lazy.filter(PageChrome.isCJK).count / 2
    }

    /// Runs of letters, digits and `_` (a run of CJK characters is one).
    static func latinWords(_ text: String) -> Int {
        var count = 0, inWord = false
        for scalar in text.unicodeScalars {
            let isWord = scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_"
            if isWord && !inWord { count += 1 }
            inWord = isWord
        }
        return count
    }

    /// Sentence and clause marks: Latin ones before a space or the end, CJK ones anywhere.
    static func punctuationCount(_ text: String) -> Int {
        let scalars = Array(text.unicodeScalars)
        var count = 0
        for (index, scalar) in scalars.enumerated() {
            if cjkMarks.contains(scalar) {
                count += 1
            } else if latinMarks.contains(scalar), index + 1 == scalars.count || scalars[index + 1] == " " {
                count += 1
            }
        }
        return count
    }

    private static let cjkMarks = Set("。！？；，、".unicodeScalars)
    private static let latinMarks = Set(".!?;,:".unicodeScalars)

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
        !text.contains(" ") && HTMLBlockBuilder.isFileName(text)
    }
}
