/// Opening articles: the selected one, its neighbours in the list (`J`, `K`), and the next
/// unread one (`u`, and Space at the end of an article).
extension Reducer {
    /// Leaves the open article (its position saved) and asks for `entry`; it is marked read
    /// once it is loaded (`Action.loaded`), so a file that cannot be read stays unread.
    func open(_ entry: LibraryEntry, _ state: inout AppState) -> [Effect] {
        var effects = leaveArticle(&state)
        if let row = state.visible.firstIndex(where: { state.entries[$0].id == entry.id }) {
            state.selected = row
            scrollListToSelection(&state)
        }
        state.opening = (entry.id, entry.title)
        effects.append(.load(entry))
        return effects
    }

    /// The article `offset` rows from the open one (or the selected one) in the list.
    func openNeighbour(_ offset: Int, _ state: inout AppState) -> [Effect] {
        let id = state.article?.entry.id ?? state.selectedEntry?.id
        guard let row = state.visible.firstIndex(where: { state.entries[$0].id == id }) ?? (state.visible.isEmpty ? nil : 0)
        else { state.message = "no article here"; return [] }
        let target = row + offset
        guard state.visible.indices.contains(target) else {
            state.message = offset > 0 ? "this is the last article" : "this is the first article"
            return []
        }
        return open(state.entries[state.visible[target]], &state)
    }

    /// The first unread article after `id` in the list, wrapping around to the top (and to `id` last).
    func openNextUnread(after id: String?, _ state: inout AppState) -> [Effect] {
        let row = state.visible.firstIndex { state.entries[$0].id == id } ?? -1
        let order = state.visible.indices.map { (row + 1 + $0) % state.visible.count }
        guard let next = order.first(where: { !state.entries[state.visible[$0]].read })
        else { state.message = "no unread article left"; return [] }
        return open(state.entries[state.visible[next]], &state)
    }
}
