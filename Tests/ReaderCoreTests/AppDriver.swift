import Foundation
@testable import ReaderCore

/// Drives the interactive reader's core as the front end would, without a terminal: key
/// strings in, effects performed against the sample library, screens out.
final class AppDriver {
    let reducer = Reducer(renderer: ArticleRenderer(wrapper: TestSupport.wrapper()), clock: { 1_800_000_000 })
    let renderer = ScreenRenderer()
    var state: AppState
    /// Effects the driver performed, in order.
    var performed: [Effect] = []
    var quit = false
    /// Leave background effects (`layOut`, `indexArticle`) undone, in `deferred`.
    var deferBackground = false
    var deferred: [Effect] = []
    let library: Library

    init(width: Int, height: Int, library: Library = Library(root: TestSupport.samples.path)) throws {
        self.library = library
        let (entries, _) = try library.entries()
        state = AppState(entries: entries, width: width, height: height)
    }

    /// Sends keys written as in `Key.parse` (`"jj/融资<Enter>n"`), performing their effects.
    func send(_ keys: String) {
        for key in Key.parse(keys) { dispatch(.key(key)) }
    }

    /// Sends `action` and performs the effects it asks for, background ones at once unless
    /// `deferBackground` is set (then they are kept in `deferred`).
    func dispatch(_ action: Action) {
        var effects = reducer.reduce(&state, action)
        if deferBackground {
            deferred += effects.filter { if case .layOut = $0 { return true } else if case .indexArticle = $0 { return true } else { return false } }
            effects.removeAll { deferred.contains($0) }
        }
        while !effects.isEmpty {
            let effect = effects.removeFirst()
            performed.append(effect)
            switch effect {
            case .load(let entry):
                do {
                    let article = try ArticleLoader().load(path: entry.path, format: entry.format, fallbackTitle: entry.id)
                    effects += reducer.reduce(&state, .loaded(id: entry.id, article))
                } catch {
                    effects += reducer.reduce(&state, .notLoaded(id: entry.id, error.description))
                }
            case .preview(let entry):
                if let article = try? ArticleLoader().load(path: entry.path, format: entry.format, fallbackTitle: entry.id) {
                    effects += reducer.reduce(&state, .previewed(id: entry.id, article))
                }
            case .searchLibrary(let query, let ranked):
                if let results = try? LibrarySearch.scanned(query, in: library, typing: true) {
                    effects += reducer.reduce(&state, .matched(query: query, MatchedArticles(ids: results.results.map(\.id), ranked: ranked)))
                }
            case .layOut(let id, let width, _):
                if deferBackground { deferred.append(effect); continue }
                if let document = state.article?.layout.document {
                    effects += reducer.reduce(&state, .laidOut(id: id, reducer.renderer.layout(document, width: width)))
                }
            case .indexArticle(let id, let full):
                if deferBackground { deferred.append(effect); continue }
                if let document = state.article?.layout.document {
                    effects += reducer.reduce(&state, .indexed(id: id, full: full, ArticleSearch.Index(document)))
                }
            case .quit: quit = true
            case .save, .openLink, .cancelSearch, .copy, .source, .reload, .trash, .restore: break
            }
        }
    }

    var screen: Screen { renderer.render(state) }

    /// Performs the deferred background effects, as the front end's jobs would when done.
    func finishBackground() {
        deferBackground = false
        let pending = deferred
        deferred = []
        for effect in pending {
            switch effect {
            case .layOut(let id, let width, _):
                if let document = state.article?.layout.document {
                    dispatch(.laidOut(id: id, reducer.renderer.layout(document, width: width)))
                }
            case .indexArticle(let id, let full):
                if let document = state.article?.layout.document {
                    dispatch(.indexed(id: id, full: full, ArticleSearch.Index(document)))
                }
            default: break
            }
        }
    }

    /// Selects the article with `id` in the list and opens it.
    func open(_ id: String) {
        select(id)
        send("<Enter>")
    }

    /// Selects the article with `id` in the list (by moving, as a person would).
    func select(_ id: String) {
        send("gg")
        while state.selectedEntry?.id != id, state.selected < state.visible.count - 1 { send("j") }
    }
}
