/// The help pane's text and size: a line per binding of the key map (its keys, what it does,
/// and the panes it works in), over the whole screen but the status line.
public enum HelpPane {
    /// The help's lines, generated from `keyMap`.
    public static func lines(_ keyMap: KeyMap) -> [String] {
        var seen = Set<String>()
        var lines: [String] = []
        for binding in keyMap.bindings where seen.insert(binding.label + binding.help).inserted {
            let panes = binding.panes.count == Pane.allCases.count ? ""
                : " (" + Pane.allCases.filter(binding.panes.contains).map(\.rawValue).joined(separator: ", ") + ")"
            let label = binding.label + String(repeating: " ", count: max(1, 15 - DisplayWidth.of(binding.label)))
            lines.append(label + binding.help + panes)
        }
        return lines
    }

    /// Rows of help text shown at a terminal `height`: all but the title row and the status line.
    public static func rows(height: Int) -> Int { max(1, height - 2) }
}
