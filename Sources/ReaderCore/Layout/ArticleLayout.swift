/// An article wrapped at one width: its lines, each with the offset in the document
/// (`ArticleDocument`) where it starts, so the same offset names the same text at every width.
/// An incomplete layout holds only the lines of some pieces around the view.
public struct ArticleLayout: Sendable {
    public var lines: [RenderedLine]
    public var width: Int
    public var document: ArticleDocument
    /// False while only a window of the document is wrapped.
    public var isComplete: Bool

    /// The document's length in UTF-16 units: offsets run from 0 up to it.
    public var length: Int { document.length }

    /// The index of the line holding `offset`: the last line starting at or before it.
    public func lineIndex(forOffset offset: Int) -> Int {
        lines.lastIndex(notAfter: offset, by: \.offset)
    }

    /// The layout as plain text, a line each, as `reader show` prints it.
    public var text: String {
        var out = ""
        out.reserveCapacity(lines.reduce(0) { $0 + $1.text.utf8.count + 1 })
        write(to: { out += $0 })
        return out
    }

    /// The layout as `text` has it, handed to `sink` in pieces of about 64 KiB.
    public func write(to sink: (String) -> Void) {
        var piece = ""
        for line in lines {
            piece += line.text
            piece += "\n"
            if piece.utf8.count >= 64 << 10 {
                sink(piece)
                piece = ""
            }
        }
        if !piece.isEmpty { sink(piece) }
    }
}
