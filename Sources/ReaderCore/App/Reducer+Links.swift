/// Opening and copying the article's links and its own source URL.
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

    /// `y`: the selected link's URL (links pane), link `number`'s, else the article's source URL.
    func yank(number: Int?, _ state: inout AppState) -> [Effect] {
        if let open = state.article, state.focus != .list {
            let index = number.map { $0 - 1 } ?? (state.focus == .links ? open.selectedLink : nil)
            if let index {
                guard open.article.links.indices.contains(index) else { state.message = "no link \(index + 1)"; return [] }
                return [.copy(open.article.links[index].url)]
            }
        }
        return source(open: false, &state)
    }

    /// The article's own source URL, opened or copied: the open one's at once, the selected one's once read.
    func source(open: Bool, _ state: inout AppState) -> [Effect] {
        if state.focus != .list, let article = state.article?.article {
            guard let url = article.metadata.source else { state.message = "this article has no source URL"; return [] }
            guard !open || Link.isOpenable(url) else { state.message = "not opened: only http and https links are opened"; return [] }
            if open { state.message = "opening \(url)" }
            return [open ? .openLink(url) : .copy(url)]
        }
        guard let entry = state.selectedEntry else { state.message = "no article here"; return [] }
        return [.source(entry, open: open)]
    }
}
