/// The three panes of the reader.
public enum Pane: String, Sendable, CaseIterable {
    case list, body, links
}
