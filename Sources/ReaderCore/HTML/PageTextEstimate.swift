/// The reading time of a saved web page from a quick scan of its UTF-8 bytes, for the list,
/// without reader mode: the text outside tags and comments, less the contents of `script`,
/// `style`, `noscript`, `template`, `svg` and of the chrome elements `nav`, `header`, `footer`,
/// `aside` and `form`, counted as `ReadingTime` counts (CJK characters by their lead bytes,
/// words as runs of letters). An estimate: chrome in plain `div`s still counts.
enum PageTextEstimate {
    /// Elements whose contents are skipped, as lowercase bytes.
    static let skipped: [[UInt8]] = ["script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside",
                                     "form", "head"].map { Array($0.utf8) }

    /// The page's reading time in minutes, nil when it has no text.
    static func minutes(of html: String) -> Int? {
        var html = html
        return html.withUTF8 { bytes in
            var counter = Counter()
            var index = 0, depth = 0
            var skipping: [UInt8]?
            while index < bytes.count {
                let byte = bytes[index]
                guard byte == 0x3C else {  // "<"
                    if skipping == nil { counter.add(bytes, at: index) }
                    index += 1
                    continue
                }
                // A comment ends at "-->", anything else at ">".
                if index + 3 < bytes.count, bytes[index + 1] == 0x21, bytes[index + 2] == 0x2D, bytes[index + 3] == 0x2D {
                    index += 4
                    while index + 2 < bytes.count, !(bytes[index] == 0x2D && bytes[index + 1] == 0x2D && bytes[index + 2] == 0x3E) {
                        index += 1
                    }
                    index += 3
                    continue
                }
                let closing = index + 1 < bytes.count && bytes[index + 1] == 0x2F
                let nameStart = index + (closing ? 2 : 1)
                var nameEnd = nameStart
                while nameEnd < bytes.count, nameEnd - nameStart < 16,
                      (0x61...0x7A).contains(bytes[nameEnd] | 0x20) || (0x30...0x39).contains(bytes[nameEnd]) {
                    nameEnd += 1
                }
                let name = bytes[nameStart..<nameEnd]
                func isNamed(_ element: [UInt8]) -> Bool {
                    element.count == name.count && zip(element, name).allSatisfy { $0 == $1 | 0x20 }
                }
                var end = nameEnd
                while end < bytes.count, bytes[end] != 0x3E { end += 1 }
                let selfClosing = end > 0 && end < bytes.count && bytes[end - 1] == 0x2F
                index = end + 1
                if let current = skipping {
                    if isNamed(current) { depth += closing ? -1 : (selfClosing ? 0 : 1) }
                    if depth == 0 { skipping = nil }
                } else if !closing, !selfClosing, let element = skipped.first(where: isNamed) {
                    (skipping, depth) = (element, 1)
                } else {
                    counter.inWord = false
                }
            }
            return ReadingTime.minutes(han: counter.han, kana: counter.kana, hangul: counter.hangul, words: counter.words)
        }
    }

    /// Counts, byte by byte, what `ReadingTime` reads: kana, Han and Hangul by their UTF-8 lead
    /// and second bytes, words as runs of ASCII letters, digits and other scripts' letters.
    struct Counter {
        var han = 0, kana = 0, hangul = 0, words = 0
        var inWord = false

        mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) {
            let byte = bytes[index]
            var isWord = false
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0xC3...0xDF: isWord = true  // ASCII, Latin, Greek, Cyrillic…
            case 0x80...0xBF: isWord = inWord  // a continuation byte keeps what its lead began
            case 0xE3:
                guard index + 1 < bytes.count else { break }
                if (0x81...0x83).contains(bytes[index + 1]) { kana += 1 } else if bytes[index + 1] >= 0x90 { han += 1 }
            case 0xE4...0xE9: han += 1
            case 0xEA...0xED: hangul += 1
            default: break
            }
            if isWord && !inWord { words += 1 }
            inWord = isWord
        }
    }
}
