/// What a cell is, for the theme to colour: the roles of the reader's screen.
public enum Style: String, Sendable, CaseIterable, Hashable {
    case normal, border, paneTitle, focusedPaneTitle
    case title, metadata, heading, body, quote, code, chrome
    case listItem, listUnread, selected, selectedUnfocused, marker, date
    case link, linkDisabled, match, currentMatch
    /// Text the page itself highlights (`<mark>`, `==…==`).
    case highlight
    case status, message, error, help, prompt
}
