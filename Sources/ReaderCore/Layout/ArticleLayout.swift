/// An article wrapped at one width: its lines, and the length of the document they cover.
///
/// The document is the title, the metadata line and the shown blocks, in that order, each
/// followed by one separator; offsets count UTF-16 units of it, so the same offset names the
/// same text at every width.
public struct ArticleLayout: Equatable, Sendable {
    public var lines: [RenderedLine]
    public var width: Int
    /// The document the offsets count in: each shown text followed by a newline.
    public var document: String
    /// The document's length in UTF-16 units: offsets run from 0 up to it.
    public var length: Int

    /// The index of the line holding `offset`: the last line starting at or before it.
    public func lineIndex(forOffset offset: Int) -> Int {
        var lo = 0, hi = lines.count - 1, found = 0
        while lo <= hi {
            let mid = (lo + hi) / 2
            if lines[mid].offset <= offset { found = mid; lo = mid + 1 } else { hi = mid - 1 }
        }
        return found
    }

    /// The layout as plain text, a line each, as `reader show` prints it.
    public var text: String {
        var out = ""
        out.reserveCapacity(lines.reduce(0) { $0 + $1.text.utf8.count + 1 })
        for line in lines {
            out += line.text
            out += "\n"
        }
        return out
    }
}
