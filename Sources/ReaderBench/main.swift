// ReaderBench: times the interactive reader's pure core, in process, with no terminal.
//
//   ReaderBench --library DIR --article ID [--runs N (100)] [--cache DIR] [--state-dir DIR] [--startup-only]
//   ReaderBench --html FILE [--runs N (100)] [--width W (80)]
//
// - Start-up to the first full screen, as `reader` does it: the state, the first screens
//   of the list as the last run left them (else the library's entries as its LibraryCache
//   last listed them), the reducer, `AppState`, `render` and `changes(from: nil)`; the whole
//   list from the cache, after them, timed apart (in the background, as the reader reads it).
//   The untimed first run leaves the first screens, as a reader that quits does. With
//   --startup-only it starts up once and exits, so a caller can time the whole process.
// - Per key, on article ID opened at 100×30: the time from the key to the new `Screen`
//   and its diff, `reduce` + `render` + `changes(from: previous)`, N times for each of
//   j, PgDn, `/`, the typed query, Enter (runs the search; the first one builds the
//   index), n, a resize (100×30 ↔ 120×40, without and with a search in force), Ctrl-D, t (with q),
//   and J (the next article; its file read and laid out, as the front end does it in the
//   background, timed apart). In the background, not keys: a reload after
//   100 files changed. Then, the index brought up to date: library searches in process (the
//   count and best 50, with snippets), the index's keys read, each prefix of `OpenAI` and `乔素`
//   typed at the library prompt (the keys of every match, unranked, and the list filtered on
//   them), and Enter after `OpenAI` (every match ranked, the list best first), 10 runs each.
//
// - With --html, `reader show FILE --width W` without the process: the file read, then
//   `ArticleLoader().load` (decode, parse, reader mode, blocks, links) and
//   `ArticleRenderer.layout` at W columns, N times after one untimed run; no library, cache or
//   state is read.
//
// Prints, in microseconds, `startup first-screen MEDIAN WORST`, `key NAME MEDIAN WORST LABEL`,
// `background NAME MEDIAN WORST LABEL`, `search library MEDIAN WORST LABEL` and
// `typed letter MEDIAN WORST LABEL` lines; with --html, `html NAME MEDIAN WORST BEST LABEL`
// lines for read, load, layout and show (load + layout, each run's sum).
// The cache folder is --cache DIR, else $XDG_CACHE_HOME/reader; the state folder is
// --state-dir DIR, else CACHE/bench-state (nothing else is read or written).
import Dispatch
import Foundation
import ReaderCore

/// The command line, parsed by hand: a handful of `--name value` options.
struct Options {
    var library = "", article = "", cache = "", stateDir = "", html = ""
    var runs = 100, width = 80
    var startupOnly = false

    init(_ arguments: [String]) {
        var rest = arguments[...]
        func value(_ name: String) -> String {
            guard let next = rest.popFirst() else { fail("\(name) needs a value") }
            return next
        }
        while let arg = rest.popFirst() {
            switch arg {
            case "--library": library = value(arg)
            case "--article": article = value(arg)
            case "--runs": runs = Int(value(arg)) ?? 0
            case "--cache": cache = value(arg)
            case "--state-dir": stateDir = value(arg)
            case "--startup-only": startupOnly = true
            case "--html": html = value(arg)
            case "--width": width = Int(value(arg)) ?? 0
            default: fail("unknown argument '\(arg)'")
            }
        }
        if !html.isEmpty {
            guard runs > 0, width >= 2 else { fail("usage: ReaderBench --html FILE [--runs N] [--width W]") }
            return
        }
        if cache.isEmpty, let xdg = ProcessInfo.processInfo.environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { cache = xdg + "/reader" }
        if stateDir.isEmpty { stateDir = cache + "/bench-state" }
        guard !library.isEmpty, !cache.isEmpty, startupOnly || !article.isEmpty, runs > 0 else {
            fail("usage: ReaderBench --library DIR --article ID [--runs N] [--cache DIR | env XDG_CACHE_HOME] [--state-dir DIR] [--startup-only]")
        }
    }
}

/// Says what went wrong on stderr and exits with status 2.
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("ReaderBench: \(message)\n".utf8))
    exit(2)
}

/// Nanoseconds on the monotonic clock.
func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

/// Keeps results alive so the optimizer cannot drop the work that made them.
nonisolated(unsafe) var sink = 0

/// The first full screen, as `InteractiveReader.run` builds it; returns the state, reducer and library.
func startUp(_ options: Options, width: Int = 100, height: Int = 30) -> (AppState, Reducer, Library) {
    let state = StateStore(directory: options.stateDir).load()
    let started = Library(root: options.library, cache: LibraryCache(root: options.library, cacheHome: options.cache))
    guard let breaker = LineBreaker() else { fail("ICU's line breaker is unavailable") }
    let reducer = Reducer(renderer: ArticleRenderer(wrapper: Wrapper(breaker: breaker)), clock: { 0 })
    var app = AppState(entries: [], state: state, width: width, height: height)
    app.loadingLibrary = true
    // As the reader's first screen: the first screens the last run left, else the list the
    // cache holds (the rest of the list, and the check of the files, come after it).
    if let early = started.firstScreenEntries(state: state) {
        _ = reducer.reduce(&app, .firstScreens(early))
    } else {
        guard let entries = started.cachedEntries(state: state) ?? (try? started.entries(state: state).entries) else {
            fail("cannot list \(options.library)")
        }
        _ = reducer.reduce(&app, .libraryLoaded(entries, state: state, problems: []))
    }
    let screen = ScreenRenderer().render(app)
    sink &+= screen.changes(from: nil).count
    return (app, reducer, started)
}

/// The median and the worst of some durations, in whole microseconds.
func summary(_ nanoseconds: [UInt64]) -> (median: Int, worst: Int) {
    let sorted = nanoseconds.sorted()
    return (Int(sorted[sorted.count / 2] / 1000), Int(sorted.last! / 1000))
}

/// `reader show FILE --width W` in process: prints the `html` lines and exits.
func benchShow(_ options: Options) -> Never {
    let path = options.html
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let format = ArticleFormat(fileName: name) else { fail("'\(name)' is not an article file") }
    guard let breaker = LineBreaker() else { fail("ICU's line breaker is unavailable") }
    let renderer = ArticleRenderer(wrapper: Wrapper(breaker: breaker))
    let title = Library.fallbackTitle(name)
    func load() -> Article {
        do { return try ArticleLoader().load(path: path, format: format, fallbackTitle: title) } catch { fail("cannot load \(path): \(error)") }
    }
    // The floor: the bytes, read as the loader reads them.
    var reads: [UInt64] = []
    for run in 0...options.runs {
        let start = now()
        guard let bytes = try? FileReader.read(path) else { fail("cannot read \(path)") }
        sink &+= bytes.count
        if run > 0 { reads.append(now() - start) }
    }
    // One untimed run, then N: load, then lay out, each timed.
    var loads: [UInt64] = [], layouts: [UInt64] = [], shows: [UInt64] = []
    var lines = 0, blocks = 0
    for run in 0...options.runs {
        let start = now()
        let article = load()
        let loaded = now()
        let layout = renderer.layout(article, width: options.width)
        let end = now()
        sink &+= layout.lines.count
        (lines, blocks) = (layout.lines.count, article.page.count)
        guard run > 0 else { continue }
        loads.append(loaded - start)
        layouts.append(end - loaded)
        shows.append(end - start)
    }
    func line(_ name: String, _ times: [UInt64], _ label: String) {
        let (median, worst) = summary(times)
        print("html \(name) \(median) \(worst) \(times.min()! / 1000) \(label)")
    }
    line("read", reads, "reading the file's bytes (FileReader.read)")
    line("load", loads, "ArticleLoader().load: decode, parse, reader mode, blocks, links")
    line("layout", layouts, "ArticleRenderer.layout at \(options.width) columns")
    line("show", shows, "load + layout")
    FileHandle.standardError.write(Data("ReaderBench: \(name): \(options.runs) runs, \(blocks) blocks, \(lines) lines, checksum \(sink)\n".utf8))
    exit(0)
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
if !options.html.isEmpty { benchShow(options) }
if options.startupOnly {
    _ = startUp(options)
    exit(sink > 0 ? 0 : 1)
}

/// The per-key measurements: the reader's state with the article open, and the last screen.
final class KeyBench {
    let reducer: Reducer
    let renderer = ScreenRenderer()
    let runs: Int
    var app: AppState
    var last: Screen

    /// Opens `id` as the front end does: select it, Enter, load the file, `.loaded`.
    init(_ start: AppState, _ reducer: Reducer, article id: String, runs: Int) {
        var app = start
        guard let row = app.visible.firstIndex(where: { app.entries[$0].id == id }) else { fail("no article '\(id)'") }
        app.selected = row
        for case .load(let entry) in reducer.reduce(&app, .key(.enter)) {
            guard let article = try? ArticleLoader().load(path: entry.path, format: entry.format, fallbackTitle: Library.fallbackTitle(entry.id)) else {
                fail("cannot load \(entry.path)")
            }
            // A long article is wrapped whole in the background: done here before any key is timed.
            for case .layOut(let id, let width, _) in reducer.reduce(&app, .loaded(id: entry.id, article)) {
                guard let document = app.article?.layout.document else { continue }
                _ = reducer.reduce(&app, .laidOut(id: id, reducer.renderer.layout(document, width: width)))
            }
        }
        guard app.article != nil, app.focus == .body else { fail("\(id) did not open") }
        (self.app, self.reducer, self.runs, last) = (app, reducer, runs, ScreenRenderer().render(app))
    }

    /// Times of the background work keys asked for (whole re-wraps; articles read and shown),
    /// untimed in `step`.
    var background: [UInt64] = []
    var loads: [UInt64] = []

    /// Time of one action: reduce, render, and the diff from the last screen. Background
    /// effects (a whole re-wrap, a fold for search) are then done untimed, as the front end
    /// does them on other threads, and their result becomes the last screen.
    func step(_ action: Action) -> UInt64 {
        // As the front end does: the replaced layout is freed on another thread, after the key.
        let shown = app.article?.layout
        defer { DispatchQueue.global(qos: .utility).async { _ = shown } }
        let start = now()
        let effects = reducer.reduce(&app, action)
        let screen = renderer.render(app)
        sink &+= screen.changes(from: last).count
        let elapsed = now() - start
        last = screen
        for effect in effects {
            let begin = now()
            switch effect {
            case .layOut(let id, let width, _):
                guard let document = app.article?.layout.document else { continue }
                _ = reducer.reduce(&app, .laidOut(id: id, reducer.renderer.layout(document, width: width)))
                background.append(now() - begin)
            case .indexArticle(let id, let full):
                guard let document = app.article?.layout.document else { continue }
                _ = reducer.reduce(&app, .indexed(id: id, full: full, ArticleSearch.Index(document)))
            case .load(let entry):
                let fallback = Library.fallbackTitle(entry.id)
                guard let article = try? ArticleLoader().load(path: entry.path, format: entry.format, fallbackTitle: fallback) else {
                    fail("cannot load \(entry.path)")
                }
                _ = reducer.reduce(&app, .loaded(id: entry.id, article))
                loads.append(now() - begin)
            default: continue
            }
            last = renderer.render(app)
        }
        return elapsed
    }

    /// Times `action(i)` for i in 0..<runs and prints its `key` line.
    func bench(_ name: String, _ label: String, _ action: (Int) -> Action) {
        report(name, label, (0..<runs).map { step(action($0)) })
    }

    /// Presses keys without timing them.
    func press(_ keys: String) { for key in Key.parse(keys) { _ = step(.key(key)) } }
}

/// Prints a `key NAME MEDIAN WORST LABEL` line.
func report(_ name: String, _ label: String, _ times: [UInt64]) {
    let (median, worst) = summary(times)
    print("key \(name) \(median) \(worst) \(label)")
}

// Start-up: one untimed run fills the cache if it is cold and leaves the first screens as a
// reader quitting does, then N timed runs.
var (app, reducer, library) = startUp(options)
library.saveFirstScreen(app.firstScreens)
var startups: [UInt64] = []
for _ in 0..<options.runs {
    let start = now()
    (app, reducer, library) = startUp(options)
    startups.append(now() - start)
}
let (startMedian, startWorst) = summary(startups)
print("startup first-screen \(startMedian) \(startWorst)")
// What follows the first screens in the background: the whole list as the cache holds it.
var wholeLists: [UInt64] = [], whole = app
for _ in 0..<min(options.runs, 10) {
    whole = app
    let start = now()
    guard let entries = library.cachedEntries(state: whole.state) else { fail("the cache holds no list") }
    _ = reducer.reduce(&whole, .libraryLoaded(entries, state: whole.state, problems: []))
    sink &+= ScreenRenderer().render(whole).changes(from: nil).count
    wholeLists.append(now() - start)
}
let (wholeMedian, wholeWorst) = summary(wholeLists)
print("background whole-list \(wholeMedian) \(wholeWorst) in the background, not a key: the whole list from the cache,",
      "after the first screens (of \(wholeLists.count))")
app = whole

let keys = KeyBench(app, reducer, article: options.article, runs: options.runs)
let query = "OpenAI"
keys.bench("j", "j (one line down in the body)") { _ in .key(.character("j")) }
keys.bench("PgDn", "PgDn (one page down in the body)") { _ in .key(.pageDown) }
// The search, N times: `/`, the query's letters, Enter; each key timed on its own.
var slash: [UInt64] = [], typing: [UInt64] = [], enter: [UInt64] = []
for _ in 0..<options.runs {
    slash.append(keys.step(.key(.character("/"))))
    for c in query { typing.append(keys.step(.key(.character(c)))) }
    enter.append(keys.step(.key(.enter)))
}
report("/", "/ (opens the search prompt)", slash)
report("type", "typing '\(query)' at the prompt, per letter", typing)
report("Enter", "Enter: searches for '\(query)' (the article is folded in the background while the query is typed)", enter)
keys.bench("n", "n (next of \(keys.app.article?.search?.matches.count ?? 0) matches)") { _ in .key(.character("n")) }
let resize = { (i: Int) -> Action in i % 2 == 0 ? .resize(width: 120, height: 40) : .resize(width: 100, height: 30) }
keys.press("<Esc>")
keys.bench("resize", "resize 100×30 ↔ 120×40 (wraps the lines around the view; the whole article in the background)", resize)
keys.press("/\(query)<Enter>")
keys.bench("resize-search", "resize with the search in force (also places the matches again)", resize)
let (rewrapMedian, rewrapWorst) = summary(keys.background)
print("background rewrap \(rewrapMedian) \(rewrapWorst) in the background, not a key: the whole article re-wrapped after a resize")

// The keys of a daily reader: half pages, the outline, the next article.
keys.press("<Esc>gg")
keys.bench("C-d", "Ctrl-D (half a page down in the body)") { _ in .key(.control("d")) }
keys.bench("t", "t and q in turn (the outline of the article's headings, opened and closed)") { i in
    .key(.character(i % 2 == 0 ? "t" : "q"))
}
keys.app.selected = 0
keys.app.focus = .list
if keys.app.entries[keys.app.visible[0]].id == options.article { keys.app.selected = 1 }
_ = keys.step(.key(.enter))
keys.loads = []
keys.bench("J", "J (the next article in the list; its file is read in the background)") { _ in .key(.character("J")) }
let (loadMedian, loadWorst) = summary(keys.loads)
print("background load \(loadMedian) \(loadWorst) in the background, not a key: the next article's file read, laid out and shown")

// In the background, not keys: a reload after 100 files changed, and a two-word library search.
let files = (try? LibraryScanner(root: options.library).scan().files) ?? []
var reloads: [UInt64] = []
for run in 0..<10 {
    for (index, file) in files.prefix(100).enumerated() {
        let stamp = timespec(tv_sec: time(nil) + run * 100 + index, tv_nsec: 0)
        var times = [stamp, stamp]
        utimensat(AT_FDCWD, EscapedPath.system(file.path), &times, 0)
    }
    let start = now()
    sink &+= (try? library.entries(state: keys.app.state).entries.count) ?? 0
    reloads.append(now() - start)
}
let (reloadMedian, reloadWorst) = summary(reloads)
print("background reload \(reloadMedian) \(reloadWorst) in the background, not a key:",
      "a reload after 100 of \(files.count) files changed (of 10)")
// The index brought up to date once (as the reader's index job does), then searches with it.
let rows = (try? library.rows().rows) ?? []
_ = try? library.cache!.index().update(rows, root: library.root)
/// Median and worst of 10 runs of `body`.
func timed(_ body: () -> Int) -> (median: Int, worst: Int) {
    var times: [UInt64] = []
    for _ in 0..<10 {
        let start = now()
        sink &+= body()
        times.append(now() - start)
    }
    return summary(times)
}
for query in ["OpenAI", "乔素斤", "OpenAI 融资"] {
    let (median, worst) = timed {
        (try? LibrarySearch.indexed(query, in: library, cache: library.cache!, scope: .indexed(rows), limit: 50).count) ?? 0
    }
    print("search library \(median) \(worst) library search '\(query)' in process, warm index: the count and the best 50",
          "with snippets (of 10)")
}
// Search as you type: each prefix of a word, the keys of every match (from the index's keys,
// read once, as the reader's first search after an update does), and the list filtered on them
// in its order (in the one state the answers follow one another in, as the reader's); then
// Enter: the keys and ranks of every match, and the list best first.
var indexKeys: IndexKeys?
let (keysMedian, keysWorst) = timed {
    indexKeys = try? library.cache!.index().keys()
    return indexKeys?.count ?? 0
}
print("background keys \(keysMedian) \(keysWorst) in the background, not a key: the index's keys read once it is current (of 10)")
var typingState = whole
@MainActor func answer(_ query: String, ranked: Bool) -> Int {
    (typingState.pendingSearch, typingState.pendingRanked) = (query, ranked)
    if let indexKeys, let matched = try? LibrarySearch.matched(query, cache: library.cache!, keys: indexKeys, ranked: ranked) {
        _ = reducer.reduce(&typingState, .matched(query: query, matched))
    } else if let answer = try? LibrarySearch.indexed(query, in: library, cache: library.cache!, scope: .indexed(rows),
                                                      snippets: false, typing: true) {
        _ = reducer.reduce(&typingState, .matched(query: query, MatchedArticles(ids: answer.results.map(\.id), ranked: ranked)))
    }
    return typingState.visible.count
}
for typed in ["O", "Op", "Ope", "Open", "OpenA", "OpenAI", "乔", "乔素"] {
    let (median, worst) = timed { answer(typed, ranked: false) }
    print("typed letter \(median) \(worst) a letter typed at the library prompt: '\(typed)' searched, the keys of every match,",
          "the list filtered on them (of 10)")
}
let (enterMedian, enterWorst) = timed { answer("OpenAI", ranked: true) }
print("background enter \(enterMedian) \(enterWorst) in the background, not a key: Enter after 'OpenAI' typed: the keys and ranks",
      "of every match, the list best first (of 10)")
FileHandle.standardError.write(Data("ReaderBench: \(options.runs) runs, \(keys.app.article?.layout.lines.count ?? 0) lines, checksum \(sink)\n".utf8))
