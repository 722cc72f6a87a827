import Foundation

/// The text of one block as it is gathered from inline content: whitespace collapsed as HTML
/// does (a line break between two CJK characters joins them), line breaks kept, and the links
/// and highlights in it, all at UTF-16 offsets.
struct InlineText {
    private(set) var text = ""
    /// `text`'s length in UTF-16 units.
    private(set) var length = 0
    var links: [InlineLink] = []
    var highlights: [Range<Int>] = []
    /// Counts the times the text was taken, so a span that started before can tell.
    private(set) var generation = 0
    private var pendingSpace = false
    private var pendingBreak = false
    /// The pending space goes before a word, not before punctuation (after an image).
    private var pendingWeak = false
    private var last: Unicode.Scalar?

    var isEmpty: Bool { text.isEmpty }

    /// Appends text whose whitespace collapses: each run between spaces goes in at once.
    mutating func append(_ source: String) {
        let scalars = source.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if HTMLText.isSpace(scalar) {
                if !text.isEmpty && last != "\n" { pendingSpace = true }
                if scalar == "\n" { pendingBreak = true }
                scalars.formIndex(after: &index)
                continue
            }
            if pendingSpace, let last, !(pendingBreak && HTMLText.joins(last, scalar)),
               !(pendingWeak && scalar.properties.generalCategory.isPunctuation) { emit(" ") }
            pendingSpace = false
            pendingBreak = false
            pendingWeak = false
            var end = index, units = 0
            while end < scalars.endIndex, !HTMLText.isSpace(scalars[end]) {
                units += scalars[end].utf16.count
                last = scalars[end]
                scalars.formIndex(after: &end)
            }
            text += Substring(scalars[index..<end])
            length += units
            index = end
        }
    }

    /// Ends the current line (`<br>`); nothing at the start of the text.
    mutating func lineBreak() {
        guard !text.isEmpty else { return }
        pendingSpace = false
        pendingBreak = false
        emit("\n")
    }

    /// Whether the text ends with a line break, so a second one ends the paragraph.
    var endsWithLineBreak: Bool { last == "\n" }

    /// A collapsible space, as before an image; `weak`, after one, it gives way to punctuation.
    mutating func space(weak: Bool = false) {
        if !text.isEmpty && last != "\n" && !pendingSpace {
            pendingSpace = true
            pendingWeak = weak
        }
    }

    /// Where the text ends now, in UTF-8 bytes: the start of what comes next, for `suffix(from:)`.
    var utf8End: Int { text.utf8.count }

    /// The text from UTF-8 offset `start` (a `utf8End` of before) on, trimmed.
    func suffix(from start: Int) -> String {
        let bytes = text.utf8
        let from = bytes.index(bytes.startIndex, offsetBy: min(start, bytes.count))
        let scalars = text[from...].unicodeScalars
        guard let first = scalars.firstIndex(where: { !HTMLText.isSpace($0) }),
              let last = scalars.lastIndex(where: { !HTMLText.isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }

    /// Takes the gathered text without trailing line breaks, with its links and highlights, and
    /// starts again; nil when there was none.
    mutating func take() -> (text: String, links: [InlineLink], highlights: [Range<Int>])? {
        defer { self = InlineText(generation: generation + 1) }
        while text.hasSuffix("\n") { text.removeLast(); length -= 1 }
        guard !text.isEmpty else { return nil }
        let end = length
        // The text's units, only when a highlight needs them (most blocks have none).
        let units = highlights.isEmpty ? [] : Array(text.utf16)
        let spans = highlights.compactMap { span -> Range<Int>? in
            // A span opened before a collapsed space starts after it.
            var from = span.lowerBound, to = min(span.upperBound, end)
            while from < to, units[from] == 0x20 || units[from] == 0x0A { from += 1 }
            while to > from, units[to - 1] == 0x20 || units[to - 1] == 0x0A { to -= 1 }
            return from < to ? from..<to : nil
        }
        return (text, links.map { var link = $0; link.markerOffset = min(link.markerOffset, end); return link }, spans)
    }

    private init(generation: Int) {
        self.generation = generation
    }

    init() {}

    private mutating func emit(_ scalar: Unicode.Scalar) {
        text.unicodeScalars.append(scalar)
        length += scalar.utf16.count
        last = scalar
    }
}

private extension Unicode.GeneralCategory {
    var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .closePunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }
}
