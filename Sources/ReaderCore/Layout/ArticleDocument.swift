/// What an article shows, before any wrapping: the title, the metadata line and the shown
/// blocks in order, each with its offset in the document text. The same at every width, so a
/// resize re-wraps pieces without re-reading the article, and search folds it once.
public struct ArticleDocument: Sendable {
    /// One thing to wrap: a title, metadata line or block.
    public struct Piece: Sendable {
        public var text: String
        public var kind: Block.Kind
        public var style: RenderedLine.Style
        /// Where the piece starts in `text`, in UTF-16 units.
        public var offset: Int
        /// Whether a blank line comes before it (not between the items of a list).
        public var separated: Bool
        /// How deeply it is nested in lists and quotes.
        public var depth: Int = 0
        /// Highlighted spans of `text`, in UTF-16 offsets.
        public var highlights: [Range<Int>] = []
    }

    public let pieces: [Piece]
    /// Every piece's text followed by a newline: what offsets count in and search reads.
    public let text: String
    /// `text`'s length in UTF-16 units.
    public let length: Int
    /// Whether the whole saved page is shown, chrome included.
    public let full: Bool

    /// The article as the body pane shows it; `full` shows the whole saved page.
    public init(_ article: Article, full: Bool) {
        var pieces: [Piece] = []
        var text = ""
        var offset = 0
        func add(_ piece: String, kind: Block.Kind, style: RenderedLine.Style, separated: Bool, depth: Int = 0,
                 highlights: [Range<Int>] = []) {
            pieces.append(Piece(text: piece, kind: kind, style: style, offset: offset, separated: separated, depth: depth,
                                highlights: highlights))
            text += piece
            text += "\n"
            offset += piece.utf16Length + 1
        }
        add(article.title, kind: .paragraph, style: .title, separated: false)
        let meta = article.metadata.line
        if !meta.isEmpty { add(meta, kind: .paragraph, style: .metadata, separated: false) }
        var previous: Block?
        for block in article.page where full || block.role == .body {
            if full && block.role == .title { continue }
            let together = previous.map { Self.inList($0) && Self.inList(block) } ?? false
            add(block.text, kind: block.kind, style: Self.style(of: block), separated: !together, depth: block.depth,
                highlights: block.highlights)
            previous = block
        }
        self.pieces = pieces
        self.text = text
        self.length = offset
        self.full = full
    }

    /// The index of the piece holding `offset`: the last starting at or before it.
    public func pieceIndex(forOffset offset: Int) -> Int {
        pieces.lastIndex(notAfter: offset, by: \.offset)
    }

    /// A list item, or a paragraph nested under one (or a definition): no blank line between them.
    static func inList(_ block: Block) -> Bool {
        block.kind == .listItem || block.kind == .paragraph && block.depth > 0
    }

    static func style(of block: Block) -> RenderedLine.Style {
        switch block.role {
        case .chrome: return .chrome
        case .references: return .references
        case .metadata: return .metadata
        case .title: return .title
        case .body:
            switch block.kind {
            case .heading: return .heading
            case .quote: return .quote
            case .preformatted: return .code
            case .paragraph, .listItem, .table, .rule: return .body
            }
        }
    }
}
