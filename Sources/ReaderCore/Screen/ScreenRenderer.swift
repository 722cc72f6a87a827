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
            drawTooSmall(state, &screen)
            return screen
        }
        let panes = PaneLayout(width: state.width, height: state.height, focus: state.focus)
        for border in panes.borders { drawBorder(border, &screen) }
        if let rect = panes.list { drawList(state, rect, &screen) }
        if let rect = panes.body { drawBody(state, rect, &screen) }
        if let rect = panes.links { drawLinks(state, rect, &screen) }
        drawStatus(state, row: panes.statusRow, &screen)
        if let help = state.help { drawHelp(help, state, &screen) }
        if let outline = state.outline { drawOutline(outline, state, &screen) }
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
        // The first screens shown while the whole list is read: its count is not known yet.
        let early = state.loadingLibrary && !state.visible.isEmpty
        var title = early ? "Library · reading the list…" : "Library \(state.visible.count)"
        if let search = state.librarySearch { title += " · /\(search.query)" }
        if state.filter != .all { title += " · \(state.filter.rawValue) only" }
        if state.sort != .date { title += " · by \(state.sort.rawValue)" }
        drawTitle(title, pane: .list, focus: state.focus, rect, &screen)
        let rows = rect.height - 1
        if state.visible.isEmpty {
            let text = state.loadingLibrary ? " reading the library…" : " no articles"
            screen.put(DisplayWidth.truncate(text, to: rect.width), x: rect.x, y: rect.y + 1, limit: rect.width, style: .chrome)
            return
        }
        // Columns from the right, as room allows: the date (whole from 40 columns, `yy-mm-dd` from
        // 28), the progress (`37%`) from 50, the site from 70; the title takes the rest, its tags after it.
        let dateWidth = rect.width >= 40 ? 12 : rect.width >= 28 ? 10 : 0
        let progressWidth = rect.width >= 50 ? 5 : 0
        let siteWidth = rect.width >= 70 ? min(18, rect.width / 5) : 0
        for row in 0..<rows {
            let index = state.listTop + row
            guard index < state.visible.count else { break }
            let entry = state.entries[state.visible[index]]
            let y = rect.y + 1 + row
            let isSelected = index == state.selected
            let base: Style = isSelected ? (state.focus == .list ? .selected : .selectedUnfocused)
                : entry.read ? .listItem : .listUnread
            let quiet: Style = isSelected ? base : .date
            screen.fill(x: rect.x, y: y, width: rect.width, height: 1, style: base)
            screen.put(entry.read ? " " : "N", x: rect.x + 1, y: y, limit: 1, style: isSelected ? base : .marker)
            screen.put(entry.bookmarked ? "*" : " ", x: rect.x + 2, y: y, limit: 1, style: isSelected ? base : .marker)
            let titleWidth = max(1, rect.width - 4 - dateWidth - progressWidth - siteWidth)
            // The tags take up to a third of the title's room, from 60 columns.
            let tags = entry.tags.map { "#" + $0 }.joined(separator: " ")
            let tagRoom = tags.isEmpty || rect.width < 60 ? 0 : min(DisplayWidth.of(tags) + 1, titleWidth / 3)
            let title = DisplayWidth.truncate(entry.title, to: titleWidth - tagRoom)
            let used = screen.put(title, x: rect.x + 4, y: y, limit: titleWidth - tagRoom, style: base)
            if tagRoom > 0 {
                let room = titleWidth - used
                screen.put(DisplayWidth.truncate(" " + tags, to: room), x: rect.x + 4 + used, y: y, limit: room, style: quiet)
            }
            var x = rect.x + 4 + titleWidth
            if siteWidth > 0, let site = entry.site {
                screen.put(DisplayWidth.truncate(" " + site, to: siteWidth), x: x, y: y, limit: siteWidth, style: quiet)
            }
            x += siteWidth
            if progressWidth > 0, let progress = entry.progress, progress > 0 {
                let text = "\(progress)%"
                screen.put(text, x: x + progressWidth - text.count - 1, y: y, limit: text.count, style: quiet)
            }
            if dateWidth > 0, let date = entry.saved {
                let shown = dateWidth == 12 ? date : String(date.dropFirst(2))
                screen.put(shown, x: rect.x + rect.width - shown.count - 1, y: y, limit: shown.count, style: quiet)
            }
        }
    }

    private func drawBody(_ state: AppState, _ rect: Rect, _ screen: inout Screen) {
        guard let open = state.article ?? state.preview else {
            drawTitle("Article", pane: .body, focus: state.focus, rect, &screen)
            let hint = state.visible.isEmpty ? "" : "Enter opens the selected article · ? help"
            screen.put(DisplayWidth.truncate(" " + hint, to: rect.width), x: rect.x, y: rect.y + 1, limit: rect.width, style: .chrome)
            return
        }
        var title = state.article == nil ? "Preview · Enter opens it" : positionText(open, rows: rect.height - 1, separator: " · ")
        if open.full { title += " · full page" }
        if let search = open.search {
            let count = search.matches.count
            title += count == 0 ? " · no match"
                : open.currentMatch.map { " · \($0 + 1)/\(count)" } ?? " · \(count) match\(count == 1 ? "" : "es")"
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
            drawPrompt(prompt, state, row: row, &screen)
            return
        }
        if let question = state.question {
            screen.put(DisplayWidth.truncate(" " + question.text, to: state.width), x: 0, y: row, style: .message)
            return
        }
        var right = "\(state.unreadCount)/\(state.entries.count) unread"
        if state.filter != .all { right += " · \(state.filter.rawValue) only" }
        if let search = state.librarySearch { right += " · /\(search.query)" }
        if let opening = state.opening {
            right = "opening \(opening.title)… · " + right
        } else if let query = state.pendingSearch {
            right = (state.busy ?? "searching for '\(query)'…") + " · Esc cancels"
        } else if let busy = state.busy {
            right = busy + " · " + right
        }
        if let message = state.message {
            right = message
        } else if let open = state.article {
            let rows = PaneLayout.contentRows(PaneLayout(width: state.width, height: state.height, focus: .body).body)
            right = positionText(open, rows: rows, separator: " ") + " · " + right
        }
        // In the links pane the selected link's whole URL has the line, a message aside.
        if state.focus == .links, state.message == nil, let open = state.article, open.article.links.indices.contains(open.selectedLink) {
            let link = open.article.links[open.selectedLink]
            let text = Self.middleTruncated(" [\(link.n)] \(link.url)", to: state.width - 1)
            screen.put(text, x: 0, y: row, style: .status)
            return
        }
        let rightText = DisplayWidth.truncate(right, to: max(0, state.width - 2))
        let rightWidth = DisplayWidth.of(rightText)
        // The open article's title in the body, the keys of the pane elsewhere.
        let room = max(0, state.width - rightWidth - 3)
        let left = state.focus == .body ? state.article?.article.title ?? "" : keyMap.hints(for: state.focus, fitting: room)
        screen.put(DisplayWidth.truncate(" " + left, to: max(0, state.width - rightWidth - 2)), x: 0, y: row, style: .status)
        screen.put(rightText, x: state.width - rightWidth - 1, y: row, style: state.message != nil ? .message : .status)
    }

    /// `text` cut in the middle to `columns`, so a URL keeps its host and its end.
    static func middleTruncated(_ text: String, to columns: Int) -> String {
        guard DisplayWidth.of(text) > columns, columns > 8 else { return DisplayWidth.truncate(text, to: columns) }
        let head = String(DisplayWidth.prefix(text, fitting: (columns - 1) / 2).text)
        var tail = Substring(text)
        while DisplayWidth.of(tail) > columns - 1 - DisplayWidth.of(head) { tail = tail.dropFirst() }
        return head + "…" + tail
    }

    /// The prompt: its label, the end of a long line kept in view, and the cursor where it is.
    private func drawPrompt(_ prompt: PromptLine, _ state: AppState, row: Int, _ screen: inout Screen) {
        let label = prompt.purpose == .command ? ":" : prompt.pane == .list ? "search library: " : "search article: "
        let used = screen.put(label, x: 0, y: row, style: .prompt)
        let room = max(1, state.width - used - 1)
        var start = 0
        while DisplayWidth.of(String(prompt.text[start..<prompt.cursor])) > room { start += 1 }
        var shown = String(prompt.text[start...])
        shown = String(DisplayWidth.prefix(shown, fitting: room).text)
        screen.put(shown, x: used, y: row, style: .prompt)
        let before = DisplayWidth.of(String(prompt.text[start..<prompt.cursor]))
        screen.cursor = (min(state.width - 1, used + before), row)
    }

    /// A terminal under the smallest size: what is needed, on as many lines as fit.
    private func drawTooSmall(_ state: AppState, _ screen: inout Screen) {
        let needed = "\(PaneLayout.minimumWidth)×\(PaneLayout.minimumHeight)"
        let words = ["terminal", "too small:", "needs", needed]
        var lines: [String] = []
        for word in words {
            if let last = lines.last, DisplayWidth.of(last) + 1 + DisplayWidth.of(word) <= state.width {
                lines[lines.count - 1] += " " + word
            } else {
                lines.append(word)
            }
        }
        let top = max(0, (state.height - lines.count) / 2)
        for (index, line) in lines.prefix(state.height).enumerated() {
            let text = DisplayWidth.truncate(line, to: state.width)
            screen.put(text, x: max(0, (state.width - DisplayWidth.of(text)) / 2), y: top + index, style: .error)
        }
    }

    /// The outline over the panes: the headings, the selected one marked.
    private func drawOutline(_ outline: Outline, _ state: AppState, _ screen: inout Screen) {
        let rows = HelpPane.rows(height: state.height)
        screen.fill(x: 0, y: 0, width: state.width, height: rows + 1, style: .help)
        let title = DisplayWidth.truncate(" Outline · \(outline.selected + 1)/\(outline.items.count) · Enter goes there · q closes",
                                          to: state.width)
        screen.put(title, x: 0, y: 0, limit: state.width, style: .focusedPaneTitle)
        for row in 0..<rows {
            let index = outline.top + row
            guard index < outline.items.count else { break }
            let style: Style = index == outline.selected ? .selected : .help
            screen.fill(x: 0, y: 1 + row, width: state.width, height: 1, style: style)
            let text = DisplayWidth.truncate(outline.items[index].text, to: state.width - 4)
            screen.put(text, x: 2, y: 1 + row, limit: state.width - 4, style: style)
        }
    }

    /// The help pane over the panes, scrolled to `help.top`, with where it is in its title.
    private func drawHelp(_ help: AppState.Help, _ state: AppState, _ screen: inout Screen) {
        let lines = HelpPane.lines(keyMap)
        let rows = HelpPane.rows(height: state.height)
        let last = min(lines.count, help.top + rows)
        screen.fill(x: 0, y: 0, width: state.width, height: rows + 1, style: .help)
        let more = lines.count > rows ? " · lines \(help.top + 1)-\(last) of \(lines.count), j k PgDn scroll" : ""
        let title = DisplayWidth.truncate(" Keys" + more + " · q closes", to: state.width)
        screen.put(title, x: 0, y: 0, limit: state.width, style: .focusedPaneTitle)
        for (row, line) in lines[help.top..<last].enumerated() {
            screen.put(DisplayWidth.truncate(line, to: state.width - 2), x: 2, y: 1 + row, limit: state.width - 2, style: .help)
        }
    }
}
