/// A line being typed at the bottom of the screen, edited as in a shell: the cursor moves with
/// Left, Right, Home, End (Ctrl-A, Ctrl-E); Backspace and Delete remove a character, Ctrl-W
/// the word before the cursor, Ctrl-U everything before it; Up and Down recall earlier lines.
public struct PromptLine: Sendable, Equatable {
    /// What the line is for: a search, or a `:` command (`:50%`, `:120`, `:q`).
    public enum Purpose: Sendable, Equatable { case search, command }

    /// The pane the line searches or moves in.
    public var pane: Pane
    public var purpose: Purpose
    public private(set) var text: [Character] = []
    /// Where the cursor is, in characters from the start.
    public private(set) var cursor = 0
    /// Lines typed before, oldest first, and which one is shown (nil: the line being typed).
    var history: [String] = []
    var recalled: Int?
    private var draft: [Character] = []

    public init(pane: Pane, purpose: Purpose = .search, history: [String] = []) {
        self.pane = pane
        self.purpose = purpose
        self.history = history
    }

    /// The text as a string.
    public var string: String { String(text) }

    /// Applies an editing key; false when `key` does not edit the line.
    public mutating func edit(_ key: Key) -> Bool {
        switch key {
        case .character(let c):
            text.insert(c, at: cursor)
            cursor += 1
        case .backspace:
            guard cursor > 0 else { return true }
            text.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .control("d"):
            if cursor < text.count { text.remove(at: cursor) }
        case .left, .control("b"): cursor = max(0, cursor - 1)
        case .right, .control("f"): cursor = min(text.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = text.count
        case .control("u"):
            text.removeSubrange(0..<cursor)
            cursor = 0
        case .control("k"): text.removeSubrange(cursor...)
        case .control("w"):
            var start = cursor
            while start > 0, text[start - 1] == " " { start -= 1 }
            while start > 0, text[start - 1] != " " { start -= 1 }
            text.removeSubrange(start..<cursor)
            cursor = start
        case .up: recall(-1)
        case .down: recall(1)
        default: return false
        }
        return true
    }

    /// Shows the line `step` away in the history (the line being typed after the newest).
    private mutating func recall(_ step: Int) {
        guard !history.isEmpty else { return }
        if recalled == nil { draft = text }
        let next = (recalled ?? history.count) + step
        guard next >= 0, next <= history.count else { return }
        recalled = next == history.count ? nil : next
        text = recalled.map { Array(history[$0]) } ?? draft
        cursor = text.count
    }
}
