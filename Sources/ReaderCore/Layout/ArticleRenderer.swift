/// Lays an article out at a width: the pieces of its `ArticleDocument` (title, metadata line,
/// body blocks — or every block for the full page), each wrapped by its kind's policy.
public struct ArticleRenderer {
    public let wrapper: Wrapper

    public init(wrapper: Wrapper) {
        self.wrapper = wrapper
    }

    /// The article's lines at `width` columns; `full` shows the whole saved page.
    public func layout(_ article: Article, width: Int, full: Bool = false) -> ArticleLayout {
        layout(ArticleDocument(article, full: full), width: width)
    }

    /// The document's lines at `width` columns: all of them, or only those of the pieces in
    /// `window` (an incomplete layout, to show at once while the rest is wrapped).
    public func layout(_ document: ArticleDocument, width: Int, window: Range<Int>? = nil) -> ArticleLayout {
        let width = max(width, 2)
        var lines: [RenderedLine] = []
        for piece in document.pieces[window ?? document.pieces.indices] {
            if piece.separated, !lines.isEmpty, lines.last?.style != .blank {
                lines.append(RenderedLine(text: "", width: 0, style: .blank, offset: piece.offset))
            }
            var wrapped = wrap(piece, width: width)
            if !piece.highlights.isEmpty && piece.kind != .table { Self.mark(piece, in: &wrapped) }
            lines.append(contentsOf: wrapped)
        }
        let isComplete = (window?.count ?? document.pieces.count) == document.pieces.count
        return ArticleLayout(lines: lines, width: width, document: document, isComplete: isComplete)
    }

    /// One piece's lines: nested blocks are indented, list items hang under their marker, quotes
    /// get a bar, code keeps its lines, tables their columns; a line break in a block starts a line.
    private func wrap(_ piece: ArticleDocument.Piece, width: Int) -> [RenderedLine] {
        let text = piece.text, style = piece.style, offset = piece.offset
        let depth = piece.kind == .quote ? max(piece.depth - 1, 0) : piece.depth
        let indent = String(repeating: "  ", count: min(depth, width / 8))
        switch piece.kind {
        case .preformatted:
            var lines: [RenderedLine] = []
            var start = 0
            let room = width - DisplayWidth.of(indent)
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                for part in wrapper.split(String(line), width: room) {
                    var rendered = RenderedLine(text: indent + part.text, width: DisplayWidth.of(indent) + part.width,
                                                style: style,
                                                offset: offset + start + part.start, textStart: indent.utf16.count)
                    if indent.isEmpty { rendered.textStart = 0 }
                    lines.append(rendered)
                }
                start += line.utf16.count + 1
            }
            return lines
        case .rule:
            let rule = indent + String(repeating: "─", count: max(1, min(width - DisplayWidth.of(indent), 24)))
            return [RenderedLine(text: rule, width: DisplayWidth.of(rule), style: style, offset: offset,
                                 textStart: rule.utf16.count)]
        case .table:
            return TableLayout(text: text, wrapper: wrapper).lines(width: width, indent: indent, style: style, offset: offset)
        case .quote:
            return segments(text, offset: offset) { segment, at in
                indented(segment, first: indent + "│ ", rest: indent + "│ ", style: style, width: width, offset: at)
            }
        case .listItem:
            let marker = text.prefix { $0 != " " }
            let hang = indent + String(repeating: " ", count: min(DisplayWidth.of(marker) + 1, 6))
            let body = String(text.dropFirst(marker.count).drop { $0 == " " })
            let bodyOffset = offset + marker.utf16.count + 1
            return segments(body, offset: bodyOffset) { segment, at in
                at == bodyOffset
                    ? indented(segment, first: indent + marker + " ", rest: hang, style: style, width: width, offset: at,
                               prefixLength: marker.utf16.count + 1)
                    : indented(segment, first: hang, rest: hang, style: style, width: width, offset: at)
            }
        case .paragraph, .heading:
            if indent.isEmpty, style != .metadata, let line = Wrapper.shortPrintableASCII(text, width: width) {
                return [RenderedLine(text: line.text, width: line.width, style: style, offset: offset)]
            }
            return segments(text, offset: offset) { segment, at in
                indent.isEmpty
                    ? wrapper.wrap(segment, width: width,
                                   unbroken: style == .metadata ? ArticleMetadata.unbrokenRanges(in: segment) : []).map {
                        RenderedLine(text: $0.text, width: $0.width, style: style, offset: at + $0.start)
                    }
                    : indented(segment, first: indent, rest: indent, style: style, width: width, offset: at)
            }
        }
    }

    /// The lines of each line of `text` (split at its line breaks), each laid out by `lay` with
    /// its own offset.
    private func segments(_ text: String, offset: Int, _ lay: (String, Int) -> [RenderedLine]) -> [RenderedLine] {
        guard text.includes("\n") else { return lay(text, offset) }
        var lines: [RenderedLine] = []
        var start = offset
        for segment in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines += lay(String(segment), start)
            start += segment.utf16.count + 1
        }
        return lines
    }

    /// Lines wrapped at `width` less the indent, the first prefixed by `first`, the rest by `rest`.
    /// `prefixLength` is how much of `first` is document text (a list marker), at `offset` less it.
    private func indented(_ text: String, first: String, rest: String, style: RenderedLine.Style, width: Int,
                          offset: Int, prefixLength: Int = 0) -> [RenderedLine] {
        let indent = max(DisplayWidth.of(first), DisplayWidth.of(rest))
        guard width - indent >= 6 else {
            // Too narrow to indent: the block's own text wrapped plainly (a list marker is part of it).
            let own = prefixLength > 0 ? String(first.drop { $0 == " " }) + text : text
            let shift = prefixLength > 0 ? own.utf16.count - text.utf16.count : 0
            return wrapper.wrap(own, width: width).map {
                RenderedLine(text: $0.text, width: $0.width, style: style, offset: offset - shift + $0.start)
            }
        }
        return wrapper.wrap(text, width: width - indent).enumerated().map { index, line in
            let prefix = index == 0 ? first : rest
            // A list marker on the first line is document text too: the line starts with it.
            let markerIsText = index == 0 && prefixLength > 0
            return RenderedLine(text: prefix + line.text, width: DisplayWidth.of(prefix) + line.width, style: style,
                                offset: offset + line.start - (markerIsText ? prefixLength : 0),
                                textStart: markerIsText ? prefix.utf16.count - prefixLength : prefix.utf16.count)
        }
    }

    /// Puts a piece's highlighted spans on the lines that show them.
    private static func mark(_ piece: ArticleDocument.Piece, in lines: inout [RenderedLine]) {
        for index in lines.indices {
            let line = lines[index]
            let start = line.offset - piece.offset
            let length = line.text.utf16.count - line.textStart
            for span in piece.highlights {
                let from = max(span.lowerBound, start), to = min(span.upperBound, start + length)
                if from < to { lines[index].highlights.append((from - start + line.textStart)..<(to - start + line.textStart)) }
            }
        }
    }
}
