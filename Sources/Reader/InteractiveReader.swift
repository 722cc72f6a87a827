import Foundation
import ReaderCore

/// The interactive reader's loop: draw the screen the core computes, read a key, reduce,
/// perform the effects. The one place that turns effects into I/O.
struct InteractiveReader {
    let library: Library
    let store: StateStore
    let theme: Theme
    let browser: String?
    /// The standard keys with the config file's bindings.
    let keyMap: KeyMap
    /// Problems found before the reader started (the config file, the theme): shown at once,
    /// and listed again on exit.
    let startupProblems: [String]
    /// Where `d` moves articles.
    let trash: Trash
    /// Whether clicks and the wheel are read (config `mouse = no` leaves them to the terminal).
    let mouse: Bool
    /// Whether the check at start trusts the folders (config `lazy-check = yes`): while none
    /// changed since the last full check, the list the cache holds is the library. The
    /// library's watcher sees what changes while the reader runs, edits in place too.
    let lazyCheck: Bool

    /// Runs until the user quits or a signal asks to; returns messages to print after the
    /// terminal is restored. The library's list is read in the background, with its progress
    /// on the status line, so the screen and the keys are there at once.
    func run() throws -> [String] {
        FreedMemory.shareOneArena()
        try LibraryScanner(root: library.root).checkRoot()
        let state = store.load()
        var notes = startupProblems + store.warnings
        let shownAtStart = notes
        guard let breaker = LineBreaker() else { return ["ICU's line breaker is unavailable"] }
        let reducer = Reducer(renderer: ArticleRenderer(wrapper: Wrapper(breaker: breaker)), keyMap: keyMap,
                              clock: { Date().timeIntervalSince1970 })
        let renderer = ScreenRenderer(keyMap: keyMap)
        let terminal = try Terminal(theme: theme, mouse: mouse)
        Signals.restoreTerminal = { Terminal.emergencyRestore() }
        defer { terminal.close() }
        let size = terminal.size
        var app = AppState(entries: [], state: state, width: size.width, height: size.height)
        app.loadingLibrary = true
        let (session, sessionProblem) = ReaderSession.load(from: store.directory)
        session.restore(into: &app)
        if let sessionProblem { notes.append(sessionProblem) }
        if let first = shownAtStart.first {
            app.message = first + (shownAtStart.count > 1 ? " (+\(shownAtStart.count - 1) more, listed on exit)" : "")
        }
        var warningsShown = store.warnings.count
        let opener = LinkOpener(browser: browser)
        var running = true
        let indexer = LibraryIndexer(library: library)
        var jobs = [listing(state, cachedFirst: true, indexer: indexer)]
        // The state folder is made now, so another reader's first save is noticed too.
        PrivateFolder.create(store.directory)
        let watcher = LibraryWatcher(library: library.root, stateDirectory: store.directory)
        let saver = StateSaver(directory: store.directory)
        // The first screens as the last run left them, while the whole list is read.
        if let early = library.firstScreenEntries(state: state) {
            for effect in reducer.reduce(&app, .firstScreens(early)) {
                _ = perform(effect, for: app, jobs: &jobs, terminal: terminal, opener: opener, indexer: indexer, saver: saver)
            }
        }
        var queuedSearch: Effect?
        while running {
            terminal.draw(renderer.render(app))
            // The layout on screen now: if a key replaces it (a resize, `f`, another article), the
            // last reference is dropped on another thread, where freeing its lines costs no key.
            let shown = app.article?.layout
            defer { DispatchQueue.global(qos: .utility).async { _ = shown } }
            // While work runs in the background, wake up to collect it; when idle, now and then
            // to notice a resize ncurses missed.
            terminal.setKeyTimeout(milliseconds: jobs.isEmpty && saver.isIdle ? 500 : 30)
            var resized = false
            let key = terminal.readKey(resized: &resized)
            if key == nil && !resized { resized = terminal.catchUpWithResize() }
            var effects: [Effect] = []
            // Files changed under the library, or another reader saved: the list and marks again
            // (a change during a reload waits for its end, so none is missed).
            if !jobs.contains(where: { $0.kind == .listing }), watcher?.takeChange() == true { effects.append(.reload) }
            var listed = false
            jobs = jobs.filter { job in
                let (done, actions) = job.take()
                for action in actions {
                    if case .libraryLoaded(_, _, let problems) = action {
                        notes += problems.filter { !notes.contains($0) }
                        // The list as the files are now (not the cache's first answer).
                        listed = listed || done
                    }
                    effects += reducer.reduce(&app, action)
                }
                return !done
            }
            // Each reading of the list is followed by an update of the search index.
            if listed, let job = indexer.job() { jobs.append(job) }
            let progress = jobs.lazy.compactMap { $0.progress?.text }.first
            if progress != app.busy { effects += reducer.reduce(&app, .progress(progress)) }
            if Signals.quitRequested != 0 {
                effects += reducer.reduce(&app, .key(.control("c")))
            } else if resized {
                let size = terminal.size
                terminal.invalidate()
                effects += reducer.reduce(&app, .resize(width: size.width, height: size.height))
            } else if let key {
                effects += reducer.reduce(&app, .key(key))
            }
            // Effects may answer with actions, which may ask for more effects.
            while !effects.isEmpty {
                let effect = effects.removeFirst()
                if effect == .quit { running = false; continue }
                if case .searchLibrary = effect { queuedSearch = effect; continue }
                if effect == .cancelSearch { queuedSearch = nil }
                if let answer = perform(effect, for: app, jobs: &jobs, terminal: terminal, opener: opener, indexer: indexer,
                                          saver: saver) {
                    effects += reducer.reduce(&app, answer)
                }
            }
            // A library search starts once no key waits (the rest of a paste, keys typed ahead),
            // so a query typed over before it began is never searched.
            if let search = queuedSearch, !terminal.keyIsWaiting() {
                _ = perform(search, for: app, jobs: &jobs, terminal: terminal, opener: opener, indexer: indexer, saver: saver)
                queuedSearch = nil
            }
            // Changes are saved off the loop; a held lock, or a problem met, shows at once.
            if let message = saver.step(live: { [entries = app.entries] in Set(entries.map(\.fingerprint)) }) {
                _ = reducer.reduce(&app, .status(message))
            }
            // A problem the store met while reading (a corrupt file moved aside) shows at once.
            if store.warnings.count > warningsShown, let newest = store.warnings.last {
                _ = reducer.reduce(&app, .status(newest))
                warningsShown = store.warnings.count
            }
        }
        if !saver.isIdle {
            // The last changes may wait for another reader's lock: the screen says so meanwhile.
            _ = reducer.reduce(&app, .status("saving the state…"))
            terminal.draw(renderer.render(app))
        }
        if let message = saver.finish(live: { [entries = app.entries] in Set(entries.map(\.fingerprint)) }) {
            notes.append(message)
        }
        // The list as it was left, for the next start (not before the list was read).
        if !app.loadingLibrary {
            do { try ReaderSession(app).save(to: store.directory) } catch {
                notes.append("the list's sort and place were not saved: \(error)")
            }
            library.saveFirstScreen(app.firstScreens)
        }
        // Work still going on is stopped at its next check; the process does not wait for it.
        for job in jobs { job.progress?.cancel() }
        notes += store.warnings.filter { !notes.contains($0) }
        return notes
    }

    /// The job that reads the library's list, with the marks of `state`, and gives its rows to
    /// `indexer`; `cachedFirst`: the list as the cache last had it comes first, so the first
    /// screen does not wait for the check of every file, whose changes follow (when nothing
    /// changed, the check answers with the rows the cache gave and the list with the entries on
    /// screen: no second list is made beside the first; when something did, those rows are
    /// brought up to date in place).
    private func listing(_ state: StateFile, cachedFirst: Bool = false, indexer: LibraryIndexer) -> BackgroundJob {
        let progress = WorkProgress()
        return BackgroundJob(.listing, progress: progress) { [library, lazyCheck] post in
            var known: [CachedArticle]?
            var shown: [LibraryEntry]?
            var trusted = false
            if cachedFirst, let (rows, table) = library.cache?.loadStampedRows(), !rows.isEmpty {
                known = rows
                shown = library.entries(of: rows, state: state)
                post(.libraryLoaded(shown!, state: state, problems: []))
                trusted = lazyCheck && library.foldersStand(beside: table)
            }
            do {
                let rows: [CachedArticle], problems: [ArticleLoadError]
                if trusted {
                    (rows, problems) = (known.take()!, [])
                } else if known != nil {
                    // The rows are given up (no binding keeps them), so the check brings them up to date in place.
                    let checked = try library.check(known.take()!, progress: progress)
                    (rows, problems) = (checked.rows, checked.problems)
                    if checked.changed { shown = nil }  // gone before the new entries are made
                } else {
                    (rows, problems) = try library.rows(progress: progress)
                }
                indexer.listed(rows)
                if let damage = library.cache?.takeDamage() { post(.status(damage)) }
                let entries = shown ?? library.entries(of: rows, state: state)
                return .libraryLoaded(entries, state: state, problems: problems.map(\.description))
            } catch {
                return .status("cannot read the library: \(error)")
            }
        }
    }

    /// Performs one effect, the front end's I/O, and returns the action that answers it, if
    /// any. Background work goes into `jobs` and answers later.
    private func perform(_ effect: Effect, for app: AppState, jobs: inout [BackgroundJob], terminal: Terminal, opener: LinkOpener,
                         indexer: LibraryIndexer, saver: StateSaver) -> Action? {
        switch effect {
        case .quit:
            return nil
        case .save(let changes):
            saver.save(changes)
            return nil
        case .load(let entry):
            // Read on a thread of its own: a big article does not hold the keys.
            jobs.append(BackgroundJob {
                do {
                    let fallback = Library.fallbackTitle(entry.id)
                    return .loaded(id: entry.id, try ArticleLoader().load(path: entry.path, format: entry.format, fallbackTitle: fallback))
                } catch {
                    return .notLoaded(id: entry.id, "\(error)")
                }
            })
            return nil
        case .searchLibrary(let query, let ranked):
            let progress = WorkProgress()
            let scope = indexer.scope
            jobs.append(BackgroundJob(.search, progress: progress) { [library] in
                do {
                    // A current index answers alone, by key, and a query typed over is interrupted;
                    // else, or on an error, the search reads what it must (and has a damaged index
                    // rebuilt), and the ids it answers are taken unranked as the query is typed.
                    if let cache = library.cache, let keys = indexer.keys() {
                        let matched = try? LibrarySearch.matched(query, cache: cache, keys: keys, ranked: ranked,
                                                                 progress: progress)
                        if progress.isCancelled { return nil }
                        if let matched { return .matched(query: query, matched) }
                    }
                    // The index job keeps the index current: a search does not wait for it.
                    let results = try library.cache.map {
                        try LibrarySearch.indexed(query, in: library, cache: $0, scope: scope, snippets: false, typing: true,
                                                  update: false, progress: progress)
                    } ?? LibrarySearch.scanned(query, in: library, typing: true)
                    guard !progress.isCancelled else { return nil }
                    return .matched(query: query, MatchedArticles(ids: results.results.map(\.id), ranked: ranked))
                } catch {
                    return progress.isCancelled ? nil : .searchFailed(query: query, "\(error)")
                }
            })
            return nil
        case .cancelSearch:
            for job in jobs where job.kind == .search { job.progress?.cancel() }
            return nil
        case .trash(let entry):
            // A saved page's own folder (`NAME_files/`) goes with it.
            let companions = entry.format == .html ? [(entry.path as NSString).deletingPathExtension + "_files"] : []
            do {
                return .trashed(id: entry.id, try trash.move(entry.path, companions: companions))
            } catch {
                return .status(error.description)
            }
        case .restore(let item):
            do { try trash.restore(item) } catch { return .status(error.description) }
            return perform(.reload, for: app, jobs: &jobs, terminal: terminal, opener: opener, indexer: indexer, saver: saver)
        case .reload:
            if !jobs.contains(where: { $0.kind == .listing }) { jobs.append(listing(store.load(), indexer: indexer)) }
            return nil
        case .preview(let entry):
            jobs.append(BackgroundJob {
                let fallback = Library.fallbackTitle(entry.id)
                do {
                    let article = try ArticleLoader().load(path: entry.path, format: entry.format, fallbackTitle: fallback)
                    return .previewed(id: entry.id, article)
                } catch {
                    let why = Block(kind: .paragraph, text: "no preview: \(error)")
                    return .previewed(id: entry.id, Article(title: entry.title, metadata: ArticleMetadata(), format: entry.format,
                                                            page: [why], links: []))
                }
            })
            return nil
        case .copy(let text):
            return .status(Clipboard(environment: Platform.environment).copy(text, terminal: terminal))
        case .source(let entry, let open):
            let article: Article
            do {
                article = try ArticleLoader().load(path: entry.path, format: entry.format, fallbackTitle: Library.fallbackTitle(entry.id))
            } catch {
                return .status(error.description)
            }
            guard let url = article.metadata.source else { return .status("this article has no source URL") }
            guard open else {
                return perform(.copy(url), for: app, jobs: &jobs, terminal: terminal, opener: opener, indexer: indexer, saver: saver)
            }
            return perform(.openLink(url), for: app, jobs: &jobs, terminal: terminal, opener: opener, indexer: indexer, saver: saver)
        case .openLink(let url):
            let (message, job) = opener.open(url, terminal: terminal)
            if let job { jobs.append(job) }
            return message.map(Action.status)
        case .layOut(let id, let width, let full):
            guard let document = app.article?.layout.document, app.article?.entry.id == id, document.full == full else { return nil }
            jobs.append(BackgroundJob {
                LineBreaker().map { .laidOut(id: id, ArticleRenderer(wrapper: Wrapper(breaker: $0)).layout(document, width: width)) }
            })
            return nil
        case .indexArticle(let id, let full):
            guard let document = app.article?.layout.document, app.article?.entry.id == id, document.full == full else { return nil }
            jobs.append(BackgroundJob { .indexed(id: id, full: full, ArticleSearch.Index(document)) })
            return nil
        }
    }
}
