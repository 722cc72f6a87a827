import Foundation
import Testing
@testable import ReaderCore

/// Work the reader does in the background (reading the library, building the search store):
/// its progress on the status line, Esc to give up a search, answers that come too late dropped.
@Suite struct BackgroundWorkTests {
    @Test func theListArrivesAfterTheScreenWithProgressMeanwhile() throws {
        let app = try AppDriver(width: 80, height: 24)
        let entries = app.state.entries
        app.state = AppState(entries: [], width: 80, height: 24)
        app.state.loadingLibrary = true
        app.dispatch(.progress("reading 3,412/10,000…"))
        #expect(app.screen.text.contains("reading the library…"))
        #expect(app.screen.text.contains("reading 3,412/10,000… · 0/0 unread"))
        // Keys work meanwhile.
        app.send("j?q")
        #expect(!app.quit)
        app.dispatch(.libraryLoaded(entries, state: StateFile(), problems: ["a.bin: binary"]))
        app.dispatch(.progress(nil))
        #expect(app.state.visible.count == entries.count)
        #expect(app.screen.text.contains("1 file skipped (listed on exit)"))
        #expect(!app.screen.text.contains("reading"))
    }

    @Test func escGivesUpASearchUnderWayAndItsLateAnswerIsDropped() throws {
        let app = try AppDriver(width: 80, height: 24)
        let reducer = app.reducer
        _ = reducer.reduce(&app.state, .key(.character("/")))
        #expect(reducer.reduce(&app.state, .key(.character("夜"))) == [.searchLibrary("夜", ranked: false)])
        #expect(reducer.reduce(&app.state, .key(.character("市"))) == [.cancelSearch, .searchLibrary("夜市", ranked: false)])
        // Enter: the matches best first, in place of the unranked search under way.
        #expect(reducer.reduce(&app.state, .key(.enter)) == [.cancelSearch, .searchLibrary("夜市", ranked: true)])
        #expect(app.state.pendingSearch == "夜市" && app.state.pendingRanked)
        // The late unranked answer is not the one asked for now.
        _ = reducer.reduce(&app.state, .matched(query: "夜市", MatchedArticles(ids: [])))
        #expect(app.state.pendingSearch == "夜市" && app.state.librarySearch == nil)
        _ = reducer.reduce(&app.state, .progress("indexing 41/300…"))
        #expect(app.screen.text.contains("indexing 41/300… · Esc cancels"))
        #expect(reducer.reduce(&app.state, .key(.escape)) == [.cancelSearch])
        #expect(app.state.message == "search for '夜市' cancelled")
        // The answer that comes anyway changes nothing.
        _ = reducer.reduce(&app.state, .matched(query: "夜市", MatchedArticles(ids: [], ranked: true)))
        #expect(app.state.librarySearch == nil)
        #expect(app.state.visible.count == app.state.entries.count)
    }

    @Test func aNewSearchReplacesOneUnderWay() throws {
        let app = try AppDriver(width: 80, height: 24)
        let reducer = app.reducer
        for key in Key.parse("/first<Enter>") { _ = reducer.reduce(&app.state, .key(key)) }
        var effects: [Effect] = []
        for key in Key.parse("/图书馆<Enter>") { effects += reducer.reduce(&app.state, .key(key)) }
        #expect(effects == [.cancelSearch, .searchLibrary("图", ranked: false), .cancelSearch, .searchLibrary("图书", ranked: false),
                            .cancelSearch, .searchLibrary("图书馆", ranked: false), .cancelSearch, .searchLibrary("图书馆", ranked: true)])
        _ = reducer.reduce(&app.state, .matched(query: "first", MatchedArticles(ids: [], ranked: true)))
        #expect(app.state.librarySearch == nil)
        let id = try #require(app.state.entries.first?.id)
        _ = reducer.reduce(&app.state, .matched(query: "图书馆", MatchedArticles(ids: [id], ranked: true)))
        #expect(app.state.librarySearch?.matches == MatchedArticles(ids: [id], ranked: true))
    }

    /// A search that fails says why and is no longer under way; a failure of one typed over says nothing.
    @Test func aFailedSearchSaysWhyAndEndsTheWait() throws {
        let app = try AppDriver(width: 80, height: 24)
        for key in Key.parse("/夜市<Enter>") { _ = app.reducer.reduce(&app.state, .key(key)) }
        _ = app.reducer.reduce(&app.state, .searchFailed(query: "夜", "database is locked"))
        #expect(app.state.pendingSearch == "夜市" && app.state.message == nil)
        _ = app.reducer.reduce(&app.state, .searchFailed(query: "夜市", "database is locked"))
        #expect(app.state.pendingSearch == nil)
        #expect(app.screen.text.contains("search for '夜市' failed: database is locked"))
        #expect(!app.screen.text.contains("Esc cancels"))
    }

    /// The list follows the query as it is typed; an answer to a query typed over is dropped;
    /// Esc at the prompt, or a line erased, brings back the list as it was.
    @Test func theListFollowsALibrarySearchAsItIsTyped() throws {
        let app = try AppDriver(width: 100, height: 30)
        let all = app.state.visible.count
        app.send("/bike")
        #expect(app.state.prompt != nil)
        let typed = app.state.visible.count
        #expect(typed < all && typed > 0)
        #expect(app.state.librarySearch?.query == "bike")
        #expect(app.screen.text.contains("/bike"))
        // A late answer to "bi" changes nothing.
        app.dispatch(.matched(query: "bi", MatchedArticles(ids: [], ranked: true)))
        #expect(app.state.visible.count == typed)
        // Erased: the whole list again; typed again and given up: the whole list too.
        app.send("<BS><BS><BS><BS>")
        #expect(app.state.librarySearch == nil && app.state.visible.count == all)
        app.send("bike<Esc>")
        #expect(app.state.prompt == nil && app.state.librarySearch == nil && app.state.visible.count == all)
        // Enter keeps it, and the next search typed starts from it and goes back to it.
        app.send("/bike<Enter>")
        #expect(app.state.librarySearch?.query == "bike" && app.state.visible.count == typed)
        #expect(app.state.message?.contains("match 'bike'") == true || app.state.message?.contains("matches 'bike'") == true)
        app.send("/zzzq")
        #expect(app.state.visible.isEmpty)
        app.send("<Esc>")
        #expect(app.state.librarySearch?.query == "bike" && app.state.visible.count == typed)
    }

    @Test func progressCountsStepsCancelsAndGroupsDigits() {
        let progress = WorkProgress()
        #expect(progress.text == nil)
        progress.begin("indexing", total: 10_000)
        for _ in 0..<3_412 { progress.step() }
        #expect(progress.text == "indexing 3,412/10,000…")
        #expect(!progress.isCancelled)
        progress.cancel()
        #expect(progress.isCancelled)
        #expect(WorkProgress.grouped(100_000) == "100,000")
        #expect(WorkProgress.grouped(999) == "999")
        progress.begin("scanning the library", total: 0)
        #expect(progress.text == "scanning the library…")
    }

    /// A cancelled search reads no more files and answers nothing; the next search builds the index.
    @Test func aCancelledSearchStopsAndTheNextOneFinishesTheIndex() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("reader-cancel-\(UUID())")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        for index in 0..<40 {
            try "Note \(index)\n\nThe tide table for pier \(index) says lanterns at dusk.\n"
                .write(to: root.appendingPathComponent("note-\(index).txt"), atomically: true, encoding: .utf8)
        }
        let cache = LibraryCache(root: root.path, cacheHome: root.appendingPathComponent(".cache").path)
        let library = Library(root: root.path, cache: cache)
        let progress = WorkProgress()
        progress.cancel()
        let partial = try LibrarySearch.indexed("lanterns", in: library, cache: cache, progress: progress)
        #expect(partial.results.isEmpty)
        #expect(try cache.index().stamps().count == 0)
        let whole = try LibrarySearch.indexed("lanterns", in: library, cache: cache)
        #expect(whole.results.count == 40)
    }

    @Test func aReloadKeepsTheSelectionAndTheOpenArticleAndSaysWhatChanged() throws {
        let app = try AppDriver(width: 80, height: 24)
        #expect(app.reducer.reduce(&app.state, .key(.character("r"))) == [.reload])
        app.send("jj<Enter>")
        let open = try #require(app.state.article?.entry)
        var entries = app.state.entries
        // Another reader bookmarked it (later than anything here), and one article was deleted.
        var disk = app.state.state
        disk.apply(.bookmarked(open.key, true), at: 1_900_000_000)
        entries.removeAll { $0.id != open.id && $0.id == app.state.entries.last?.id }
        app.dispatch(.libraryLoaded(entries, state: disk, problems: []))
        #expect(app.state.article?.entry.id == open.id)
        #expect(app.state.article?.entry.bookmarked == true)
        #expect(app.state.selectedEntry?.id == open.id)
        #expect(app.state.message == "reloaded: 1 article gone")
        // Noticed by itself with nothing changed, the reader says nothing.
        app.send("j")
        app.dispatch(.libraryLoaded(entries, state: disk, problems: []))
        #expect(app.state.message == nil)
    }

    @Test func aReloadReadBeforeAMarkDoesNotUndoIt() throws {
        let app = try AppDriver(width: 80, height: 24)
        let before = app.state.state
        let entries = app.state.entries
        app.send("m")
        #expect(app.state.selectedEntry?.read == true)
        // The reload read the disk before the mark was saved.
        app.dispatch(.libraryLoaded(entries, state: before, problems: []))
        #expect(app.state.selectedEntry?.read == true)
        #expect(app.state.unreadCount == entries.count - 1)
    }

    @Test func theSortFilterAndSelectionComeBackFromTheLastSession() throws {
        let app = try AppDriver(width: 80, height: 24)
        app.send("sUjj")
        let saved = ReaderSession(app.state)
        #expect(saved.sort == "title" && saved.filter == "unread")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reader-session-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try saved.save(to: directory)
        let (loaded, problem) = ReaderSession.load(from: directory)
        #expect(loaded == saved && problem == nil)
        var fresh = AppState(entries: [], width: 80, height: 24)
        fresh.loadingLibrary = true
        loaded.restore(into: &fresh)
        _ = app.reducer.reduce(&fresh, .libraryLoaded(app.state.entries, state: StateFile(), problems: []))
        #expect(fresh.sort == .title && fresh.filter == .unread)
        #expect(fresh.selectedEntry?.id == saved.selected)
        // An unreadable file costs only the view, and says so.
        try "{ not json".write(toFile: ReaderSession.path(in: directory), atomically: true, encoding: .utf8)
        let (empty, why) = ReaderSession.load(from: directory)
        #expect(empty == ReaderSession() && why?.contains("unreadable") == true)
    }

    /// The first screens the last run left show at once, the article left selected among them,
    /// until the whole list comes and takes their place, saying nothing of it.
    @Test func theFirstScreensShowUntilTheWholeListComes() throws {
        let app = try AppDriver(width: 80, height: 24)
        app.send("sjj")
        let entries = app.state.entries, selected = try #require(app.state.selectedEntry)
        #expect(app.state.firstScreens.map(\.id) == app.state.visible.map { entries[$0].id })
        // Shown as the reader starts (15 of them, the selected one among them): sorted as they
        // were left, though the rows come in date order.
        let early = Array(entries.filter { app.state.firstScreens.prefix(15).map(\.id).contains($0.id) })
        var fresh = AppState(entries: [], width: 80, height: 24)
        fresh.loadingLibrary = true
        ReaderSession(app.state).restore(into: &fresh)
        _ = app.reducer.reduce(&fresh, .firstScreens(early))
        #expect(fresh.visible.map { fresh.entries[$0].id } == Array(app.state.firstScreens.prefix(15).map(\.id)))
        #expect(fresh.selectedEntry?.id == selected.id && fresh.loadingLibrary)
        let screen = app.renderer.render(fresh).text
        #expect(screen.contains("Library · reading the list…") && screen.contains(selected.title.prefix(10)))
        // The whole list in their place; a second early list is not taken.
        _ = app.reducer.reduce(&fresh, .libraryLoaded(entries, state: StateFile(), problems: []))
        #expect(fresh.entries.count == entries.count && fresh.selectedEntry?.id == selected.id)
        #expect(fresh.message == nil && !fresh.loadingLibrary)
        #expect(app.renderer.render(fresh).text.contains("Library \(entries.count) · by title"))
        _ = app.reducer.reduce(&fresh, .firstScreens(early))
        #expect(fresh.entries.count == entries.count)
    }

    /// The first screens hold a few screens of rows, more to reach the selection, and no more
    /// than their limit; a library search in force is not among them.
    @Test func theFirstScreensHoldAFewScreensAndTheSelection() {
        var state = AppState(entries: Self.entries(3_000), width: 80, height: 24)
        #expect(state.firstScreens.count == AppState.firstScreensRows)
        state.selected = 400
        #expect(state.firstScreens.count == 424 && state.firstScreens.last?.id == "a/00423.txt")
        state.selected = 2_500
        #expect(state.firstScreens.count == AppState.firstScreensLimit)
        state.selected = 0
        state.librarySearch = ("Article 2999", MatchedArticles(ids: ["a/02999.txt"], ranked: true))
        state.refreshVisible()
        #expect(state.visible.count == 1 && state.firstScreens.first?.id == "a/00000.txt")
    }

    /// An answer as the query is typed filters the list in its own order and sort, through the
    /// filter, and follows the entries when they change.
    @Test func anUnrankedAnswerFiltersTheListInItsOrder() {
        var state = AppState(entries: Self.entries(3_000) { "Article \(3_000 - $0)" }, width: 80, height: 24)
        state.librarySearch = ("article", MatchedArticles(ids: ["a/00009.txt", "a/00001.txt", "gone.txt", "a/00005.txt"]))
        state.refreshVisible()
        #expect(Self.shown(state) == ["a/00001.txt", "a/00005.txt", "a/00009.txt"])
        #expect(state.librarySearch?.matches.count == 4)
        state.sort = .title
        state.refreshVisible()
        #expect(Self.shown(state) == ["a/00009.txt", "a/00005.txt", "a/00001.txt"])
        state.entries[5].read = true
        state.filter = .unread
        state.refreshVisible()
        #expect(Self.shown(state) == ["a/00009.txt", "a/00001.txt"])
        state.entries.removeFirst(3)
        state.filter = .all
        state.sort = .date
        state.refreshVisible()
        #expect(Self.shown(state) == ["a/00005.txt", "a/00009.txt"])
    }

    /// Enter's answer by key puts the rows best first, ties in the list's order, and is taken
    /// only for the ranked search asked for.
    @Test func aRankedAnswerByKeyPutsTheBestFirstAndTiesInTheListsOrder() {
        var state = AppState(entries: Self.entries(10), width: 80, height: 24)
        var matched = MatchedArticles(keys: [], capacity: 4, ranked: true)
        for (n, rank) in [(5, 3), (1, 1), (9, 3), (3, 1 << 32)] {
            matched.insert(MatchedArticles.key(of: "a/0000\(n).txt"), rank: Int64(rank))
        }
        let reducer = Reducer(renderer: ArticleRenderer(wrapper: TestSupport.wrapper()), clock: { 0 })
        (state.pendingSearch, state.pendingRanked) = ("art", false)
        _ = reducer.reduce(&state, .matched(query: "art", matched))
        #expect(state.librarySearch == nil)
        state.pendingRanked = true
        _ = reducer.reduce(&state, .matched(query: "art", matched))
        #expect(state.librarySearch?.matches == matched)
        #expect(Self.shown(state) == ["a/00003.txt", "a/00005.txt", "a/00009.txt", "a/00001.txt"])
    }

    /// A library search shows its rows in the answer's order, each once, through the filter, and
    /// still does once the list changed under it.
    @Test func aSearchAnswerShowsItsRowsInItsOrderThroughTheFilter() {
        var state = AppState(entries: Self.entries(3_000), width: 80, height: 24)
        state.librarySearch = ("article", MatchedArticles(ids: ["a/00005.txt", "a/00001.txt", "gone.txt", "a/00005.txt", "a/00009.txt"],
                                                          ranked: true))
        state.refreshVisible()
        #expect(Self.shown(state) == ["a/00005.txt", "a/00001.txt", "a/00009.txt"])
        state.entries[1].read = true
        state.filter = .unread
        state.refreshVisible()
        #expect(Self.shown(state) == ["a/00005.txt", "a/00009.txt"])
        state.entries.removeFirst(3)
        state.filter = .all
        state.refreshVisible()
        #expect(Self.shown(state) == ["a/00005.txt", "a/00009.txt"])
    }

    /// `count` entries, `a/00000.txt` on, newest first as the list has them, titled by `title`.
    static func entries(_ count: Int, title: (Int) -> String = { "Article \($0)" }) -> [LibraryEntry] {
        (0..<count).map { n in
            LibraryEntry(id: String(format: "a/%05d.txt", n), title: title(n), format: .text, folder: "/l", saved: "2024-01-01")
        }
    }

    /// The ids of the rows shown, in order.
    static func shown(_ state: AppState) -> [String] { state.visible.map { state.entries[$0].id } }
}
