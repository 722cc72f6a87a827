/// Draws the reader's state into a `Screen`: panes, borders, status line, prompt and help.
/// A pure function of the state and the key map; the front end only copies cells out.
public struct ScreenRenderer {
    public let keyMap: KeyMap

    public init(keyMap: KeyMap = .standard) {
        self.keyMap = keyMap
    }

    public func render(_ state: AppState) -> Screen {
        var screen = Screen(width: state.width, height: state.height)
        guard state.width >= PaneLayout.minimumWidth, state.height >= PaneLayout.minimumHeight else {
            let text = DisplayWidth.truncate("terminal too small", to: state.width)
            screen.put(text, x: max(0, (state.width - DisplayWidth.of(text)) / 2), y: state.height / 2, style: .error)
            return screen
        }
        let panes = PaneLayout(width: state.width, height: state.height, focus: state.focus)
        for border in panes.borders { drawBorder(border, &screen) }
        if let rect = panes.list { drawList(state, rect, &screen) }
        if let rect = panes.body { drawBody(state, rect, &screen) }
        if let rect = panes.links { drawLinks(state, rect, &screen) }
        drawStatus(state, row: panes.statusRow, &screen)
        if state.showHelp { drawHelp(&screen) }
        return screen
    }

    // MARK: - Panes

    private func drawBorder(_ rect: Rect, _ screen: inout Screen) {
        for y in rect.y..<(rect.y + rect.height) { screen.put("│", x: rect.x, y: y, limit: 1, style: .border) }
    }

    private func drawTitle(_ text: String, pane: Pane, focus: Pane, _ rect: Rect, _ screen: inout Screen) {
        let style: Style = pane == focus ? .focusedPaneTitle : .paneTitle
        screen.fill(x: rect.x, y: rect.y, width: rect.width, height: 1, style: style)
        screen.put(DisplayWidth.truncate(" " + text, to: rect.width), x: rect.x, y: rect.y, limit: rect.width, style: style)
    }

    private func drawList(_ state: AppState, _ rect: Rect, _ screen: inout Screen) {
        var title = "Library \(state.visible.count)"
        if let search = state.librarySearch { title += " · /\(search.query)" }
        if state.filter != .all { title += " · \(state.filter.rawValue) only" }
        if state.sort != .date { title += " · by \(state.sort.rawValue)" }
        drawTitle(title, pane: .list, focus: state.focus, rect, &screen)
        let rows = rect.height - 1
        if state.visible.isEmpty {
            screen.put(DisplayWidth.truncate(" no articles", to: rect.width), x: rect.x, y: rect.y + 1, limit: rect.width, style: .chrome)
            return
        }
        let showDate = rect.width >= 36
        for row in 0..<rows {
            let index = state.listTop + row
            guard index < state.visible.count else { break }
            let entry = state.entries[state.visible[index]]
            let y = rect.y + 1 + row
            let isSelected = index == state.selected
            let base: Style = isSelected ? (state.focus == .list ? .selected : .selectedUnfocused) : entry.read ? .listItem : .listUnread
            screen.fill(x: rect.x, y: y, width: rect.width, height: 1, style: base)
            screen.put(entry.read ? " " : "N", x: rect.x + 1, y: y, limit: 1, style: isSelected ? base : .marker)
            screen.put(entry.bookmarked ? "*" : " ", x: rect.x + 2, y: y, limit: 1, style: isSelected ? base : .marker)
            let dateWidth = showDate ? 12 : 0
            let titleWidth = max(1, rect.width - 4 - dateWidth)
            screen.put(DisplayWidth.truncate(entry.title, to: titleWidth), x: rect.x + 4, y: y, limit: titleWidth, style: base)
            if showDate, let date = entry.saved {
                screen.put(date, x: rect.x + rect.width - 11, y: y, limit: 10, style: isSelected ? base : .date)
            }
        }
    }

    private func drawBody(_ state: AppState, _ rect: Rect, _ screen: inout Screen) {
        guard let open = state.article else {
            drawTitle("Article", pane: .body, focus: state.focus, rect, &screen)
            let hint = state.visible.isEmpty ? "" : "Enter opens the selected article · ? help"
            screen.put(DisplayWidth.truncate(" " + hint, to: rect.width), x: rect.x, y: rect.y + 1, limit: rect.width, style: .chrome)
            return
        }
        var title = positionText(open, rows: rect.height - 1, separator: " · ")
        if open.full { title += " · full page" }
        if let search = open.search {
            title += search.matches.isEmpty ? " · no match" : " · \((open.currentMatch ?? 0) + 1)/\(search.matches.count)"
        }
        drawTitle(title, pane: .body, focus: state.focus, rect, &screen)
        var matchPieces: [Int: [(Range<Int>, Bool)]] = [:]
        if let search = open.search {
            for (index, match) in search.matches.enumerated() {
                for piece in match.pieces where piece.line >= open.top && piece.line < open.top + rect.height - 1 {
                    matchPieces[piece.line, default: []].append((piece.range, index == open.currentMatch))
                }
            }
        }
        let textWidth = rect.width - 2
        for row in 0..<(rect.height - 1) {
            let index = open.top + row
            guard index < open.layout.lines.count else { break }
            let line = open.layout.lines[index]
            let y = rect.y + 1 + row
            screen.put(line.text, x: rect.x + 1, y: y, limit: textWidth, style: style(of: line.style))
            let spans = line.highlights.map { ($0, Style.highlight) }
                + (matchPieces[index] ?? []).map { ($0.0, $0.1 ? Style.currentMatch : Style.match) }
            for (range, look) in spans {
                let units = Array(line.text.utf16)
                let from = DisplayWidth.of(String(decoding: units[..<min(range.lowerBound, units.count)], as: UTF16.self))
                let width = DisplayWidth.of(String(decoding: units[min(range.lowerBound, units.count)..<min(range.upperBound, units.count)], as: UTF16.self))
                screen.restyle(x: rect.x + 1 + from, y: y, count: min(width, textWidth - from), style: look)
            }
        }
    }

    /// Where the view is in the article: `37% page 3/9`; while only the lines around the view
    /// are wrapped, the share of the text above it and `wrapping…`.
    private func positionText(_ open: OpenArticle, rows: Int, separator: String) -> String {
        guard open.layout.isComplete else {
            return "\(open.position * 100 / max(1, open.layout.length))%\(separator)wrapping…"
        }
        let pages = Paginator(lineCount: open.layout.lines.count, rows: rows)
        return "\(pages.percent(forTop: open.top))%\(separator)page \(pages.page(forTop: open.top))/\(pages.pageCount)"
    }

    private func style(of style: RenderedLine.Style) -> Style {
        switch style {
        case .title: return .title
        case .metadata: return .metadata
        case .heading: return .heading
        case .body, .blank: return .body
        case .quote: return .quote
        case .code: return .code
        case .chrome: return .chrome
        case .references: return .body
        }
    }

    private func drawLinks(_ state: AppState, _ rect: Rect, _ screen: inout Screen) {
        guard let open = state.article else {
            drawTitle("Links", pane: .links, focus: state.focus, rect, &screen)
            return
        }
        let links = open.article.links
        drawTitle("Links \(links.count)", pane: .links, focus: state.focus, rect, &screen)
        for row in 0..<(rect.height - 1) {
            let index = open.linksTop + row
            guard index < links.count else { break }
            let link = links[index]
            let y = rect.y + 1 + row
            let isSelected = index == open.selectedLink && state.focus == .links
            let style: Style = isSelected ? .selected : link.openable ? .link : .linkDisabled
            screen.fill(x: rect.x, y: y, width: rect.width, height: 1, style: isSelected ? .selected : .normal)
            var text = " [\(link.n)] "
            if let label = link.label { text += label + " — " }
            text += link.url
            if !link.openable { text += " (not openable)" }
            screen.put(DisplayWidth.truncate(text, to: rect.width), x: rect.x, y: y, limit: rect.width, style: style)
        }
    }

    // MARK: - Status line, prompt, help

    private func drawStatus(_ state: AppState, row: Int, _ screen: inout Screen) {
        screen.fill(x: 0, y: row, width: state.width, height: 1, style: .status)
        if let prompt = state.prompt {
            let label = prompt.pane == .list ? "search library: " : "search article: "
            let used = screen.put(label, x: 0, y: row, style: .prompt)
            // Show the end of a long query.
            var text = prompt.text
            while DisplayWidth.of(text) > state.width - used - 1, !text.isEmpty { text.removeFirst() }
            let typed = screen.put(text, x: used, y: row, style: .prompt)
            screen.cursor = (min(state.width - 1, used + typed), row)
            return
        }
        var right = "\(state.unreadCount)/\(state.entries.count) unread"
        if state.filter != .all { right += " · \(state.filter.rawValue) only" }
        if let search = state.librarySearch { right += " · /\(search.query)" }
        if let message = state.message {
            right = message
        } else if let open = state.article {
            let rows = PaneLayout.contentRows(PaneLayout(width: state.width, height: state.height, focus: .body).body)
            right = positionText(open, rows: rows, separator: " ") + " · " + right
        }
        let rightText = DisplayWidth.truncate(right, to: max(0, state.width - 2))
        let rightWidth = DisplayWidth.of(rightText)
        let title = state.article?.article.title ?? "reader · ? for help"
        screen.put(DisplayWidth.truncate(" " + title, to: max(0, state.width - rightWidth - 2)), x: 0, y: row, style: .status)
        screen.put(rightText, x: state.width - rightWidth - 1, y: row, style: state.message != nil ? .message : .status)
    }

    /// The help box: every binding with its keys, centered over the panes.
    private func drawHelp(_ screen: inout Screen) {
        var seen = Set<String>()
        var lines = ["Keys (any key closes this)", ""]
        for binding in keyMap.bindings where seen.insert(binding.label + binding.help).inserted {
            let panes = binding.panes.count == Pane.allCases.count ? "" : " (" + Pane.allCases.filter(binding.panes.contains).map(\.rawValue).joined(separator: ", ") + ")"
            lines.append(binding.label.padding(toLength: max(binding.label.count, 11), withPad: " ", startingAt: 0) + binding.help + panes)
        }
        let width = min(screen.width - 2, (lines.map { DisplayWidth.of($0) }.max() ?? 0) + 4)
        let height = min(screen.height - 1, lines.count + 2)
        let x = max(0, (screen.width - width) / 2), y = max(0, (screen.height - 1 - height) / 2)
        screen.fill(x: x, y: y, width: width, height: height, style: .help)
        for (index, line) in lines.prefix(height - 2).enumerated() {
            screen.put(DisplayWidth.truncate(line, to: width - 4), x: x + 2, y: y + 1 + index, limit: width - 4, style: .help)
        }
    }
}
