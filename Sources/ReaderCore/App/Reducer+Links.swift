/// Opening the article's links.
extension Reducer {
    /// The selected link in the links pane, or link `number` (typed before `o`) from the body.
    func openLink(number: Int?, _ state: inout AppState) -> [Effect] {
        guard let open = state.article else { return [] }
        let index: Int
        if state.focus == .links {
            index = number.map { $0 - 1 } ?? open.selectedLink
        } else {
            guard let number else { state.message = "type a link number, then o"; return [] }
            index = number - 1
        }
        guard open.article.links.indices.contains(index) else { state.message = "no link \(index + 1)"; return [] }
        let link = open.article.links[index]
        guard link.openable else { state.message = "not opened: only http and https links are opened"; return [] }
        state.message = "opening [\(link.n)] \(link.url)"
        return [.openLink(link.url)]
    }
}
