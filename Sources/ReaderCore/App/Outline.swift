/// The open article's headings, as `t` lists them: each with where it starts, and the one selected.
public struct Outline: Sendable, Equatable {
    /// A heading: its text and its offset in the document.
    public struct Item: Sendable, Equatable {
        public var text: String
        public var offset: Int
    }

    public var items: [Item]
    public var selected = 0
    public var top = 0

    /// The title and headings of `document`, the one at or above `offset` (the view) selected.
    public init(_ document: ArticleDocument, at offset: Int) {
        items = document.pieces.filter { $0.style == .heading || $0.style == .title }
            .map { Item(text: Sanitizer.line($0.text), offset: $0.offset) }
        selected = items.lastIndex { $0.offset <= offset } ?? 0
    }
}
