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
            lines.append(contentsOf: wrap(piece.text, kind: piece.kind, style: piece.style, width: width, offset: piece.offset))
        }
        return ArticleLayout(lines: lines, width: width, document: document, isComplete: (window?.count ?? document.pieces.count) == document.pieces.count)
    }

    /// One block's lines: list items hang under their marker, quotes get a bar, code keeps its lines.
    private func wrap(_ text: String, kind: Block.Kind, style: RenderedLine.Style, width: Int, offset: Int) -> [RenderedLine] {
        switch kind {
        case .preformatted:
            var lines: [RenderedLine] = []
            var start = 0
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                for piece in wrapper.split(String(line), width: width) {
                    lines.append(RenderedLine(text: piece.text, width: piece.width, style: style, offset: offset + start + piece.start))
                }
                start += line.utf16.count + 1
            }
            return lines
        case .quote:
            return indented(text, first: "│ ", rest: "│ ", style: style, width: width, offset: offset)
        case .listItem:
            let marker = text.prefix { $0 != " " }
            let hang = String(repeating: " ", count: min(DisplayWidth.of(marker) + 1, 6))
            let body = String(text.dropFirst(marker.count).drop { $0 == " " })
            return indented(body, first: marker + " ", rest: hang, style: style, width: width,
                            offset: offset + marker.utf16.count + 1, prefixLength: marker.utf16.count + 1)
        case .paragraph, .heading:
            return wrapper.wrap(text, width: width).map {
                RenderedLine(text: $0.text, width: $0.width, style: style, offset: offset + $0.start)
            }
        }
    }

    /// Lines wrapped at `width` less the indent, the first prefixed by `first`, the rest by `rest`.
    /// `prefixLength` is how much of `first` is document text (a list marker), at `offset` less it.
    private func indented(_ text: String, first: String, rest: String, style: RenderedLine.Style, width: Int,
                          offset: Int, prefixLength: Int = 0) -> [RenderedLine] {
        let indent = max(DisplayWidth.of(first), DisplayWidth.of(rest))
        guard width - indent >= 6 else {
            // Too narrow to indent: the block's own text wrapped plainly (a list marker is part of it).
            let own = prefixLength > 0 ? first + text : text
            return wrapper.wrap(own, width: width).map {
                RenderedLine(text: $0.text, width: $0.width, style: style, offset: offset - prefixLength + $0.start)
            }
        }
        return wrapper.wrap(text, width: width - indent).enumerated().map { index, line in
            let prefix = index == 0 ? first : rest
            // A list marker on the first line is document text too: the line starts with it.
            let markerIsText = index == 0 && prefixLength > 0
            return RenderedLine(text: prefix + line.text, width: DisplayWidth.of(prefix) + line.width, style: style,
                                offset: offset + line.start - (markerIsText ? prefixLength : 0),
                                textStart: markerIsText ? 0 : prefix.utf16.count)
        }
    }
}
