/// Read marks, bookmarks and reading positions: changed in the state and handed on to be saved.
extension Reducer {
    func currentEntry(_ state: AppState) -> LibraryEntry? {
        state.focus == .list ? state.selectedEntry : state.article?.entry ?? state.selectedEntry
    }

    func setRead(_ read: Bool, id: String, _ state: inout AppState) -> [Effect] {
        change(id, &state) { entry in
            entry.read = read
            return .read(entry.key, read)
        }
    }

    func setBookmarked(_ bookmarked: Bool, id: String, _ state: inout AppState) -> [Effect] {
        let effects = change(id, &state) { entry in
            entry.bookmarked = bookmarked
            return .bookmarked(entry.key, bookmarked)
        }
        state.message = bookmarked ? "bookmarked" : "bookmark removed"
        return effects
    }

    /// Changes an entry's marks with `edit`, records the change in the state, and asks for it
    /// to be saved.
    func change(_ id: String, _ state: inout AppState, _ edit: (inout LibraryEntry) -> StateChange) -> [Effect] {
        guard let index = state.entries.firstIndex(where: { $0.id == id }) else { return [] }
        let change = edit(&state.entries[index])
        state.state.apply(change, at: clock(), liveFingerprints: { [entries = state.entries] in Set(entries.map(\.fingerprint)) })
        if state.article?.entry.id == id { state.article?.entry = state.entries[index] }
        state.refreshVisible()
        return [.save([change])]
    }

    /// Marks every unread article of the list read, in one save.
    func markAllRead(_ state: inout AppState) -> [Effect] {
        let live = Set(state.entries.map(\.fingerprint)), now = clock()
        var changes: [StateChange] = []
        for index in state.visible where !state.entries[index].read {
            state.entries[index].read = true
            let change = StateChange.read(state.entries[index].key, true)
            state.state.apply(change, at: now, liveFingerprints: { live })
            changes.append(change)
            if state.article?.entry.id == state.entries[index].id { state.article?.entry = state.entries[index] }
        }
        state.refreshVisible()
        scrollListToSelection(&state)
        state.message = "marked \(changes.count) article\(changes.count == 1 ? "" : "s") read"
        return changes.isEmpty ? [] : [.save(changes)]
    }

    /// The reading position of the open article, to save when leaving it or quitting.
    func savePosition(_ state: inout AppState) -> [Effect] {
        guard let open = state.article else { return [] }
        let saved = state.state.state(for: open.entry.key)
        // While only the lines around the view are wrapped, the share of the text above it.
        let percent = open.layout.isComplete
            ? Paginator(lineCount: open.layout.lines.count, rows: bodyRows(state)).percent(forTop: open.top)
            : open.position * 100 / max(1, open.layout.length)
        guard saved.position != open.position || saved.progress != percent else { return [] }
        let changes = [StateChange.position(open.entry.key, open.position), .progress(open.entry.key, percent)]
        for change in changes { state.state.apply(change, at: clock()) }
        if let index = state.entries.firstIndex(where: { $0.id == open.entry.id }) { state.entries[index].progress = percent }
        return [.save(changes)]
    }

    func leaveArticle(_ state: inout AppState) -> [Effect] {
        let effects = savePosition(&state)
        state.article = nil
        return effects
    }

    func quit(_ state: inout AppState) -> [Effect] {
        savePosition(&state) + [.quit]
    }
}
