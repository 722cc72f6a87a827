import Foundation
import Testing
@testable import ReaderCore

/// The interactive reader as values: key strings in, state changes and screens out.
@Suite struct AppTests {
    static let snapshots = TestSupport.repositoryRoot.appendingPathComponent("Tests/ReaderCoreTests/Snapshots/screen")

    /// Compares a screen's dump with `Snapshots/screen/NAME.txt` (re-record with RECORD_SNAPSHOTS=1).
    func expectSnapshot(_ screen: Screen, _ name: String) throws {
        let file = Self.snapshots.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
            try FileManager.default.createDirectory(at: Self.snapshots, withIntermediateDirectories: true)
            try screen.dump.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("recorded \(name); run again without RECORD_SNAPSHOTS")
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(screen.dump == expected, "\(name):\n\(ShowSnapshotTests.diff(expected, screen.dump))")
    }

    /// No row is wider than the screen, and no wide character sits in the last column.
    func expectWellFormed(_ screen: Screen) {
        for y in 0..<screen.height {
            #expect(GlibcWcwidth.of(screen.line(y)) <= screen.width, "row \(y) too wide")
            #expect(screen[screen.width - 1, y].width < 2, "wide character in the last column of row \(y)")
        }
    }

    @Test func startsOnTheListWithTitlesAndCounts() throws {
        let app = try AppDriver(width: 100, height: 30)
        let text = app.screen.text
        #expect(text.contains("Library 21"))
        #expect(text.contains("城市图书馆"))
        #expect(text.contains("21/21 unread"))
        try expectSnapshot(app.screen, "start-100x30")
    }

    @Test func searchingTheLibraryFiltersTheListAndOpeningMarksRead() throws {
        let app = try AppDriver(width: 100, height: 30)
        app.send("/图书馆<Enter>")
        #expect(app.state.visible.count == 1)
        #expect(app.state.selectedEntry?.id == "zh/city-library-reopens.txt")
        app.send("<Enter>")
        #expect(app.state.focus == .body)
        #expect(app.state.article?.entry.id == "zh/city-library-reopens.txt")
        #expect(app.state.entries.first { $0.id == "zh/city-library-reopens.txt" }?.read == true)
        #expect(app.performed.contains { if case .save(let changes) = $0, case .read(_, true) = changes.first { return true } else { return false } })
        try expectSnapshot(app.screen, "open-zh-100x30")
        expectWellFormed(app.screen)
        app.send("<Esc>")
        #expect(app.state.focus == .body)
        app.send("q<Esc>")
        #expect(app.state.focus == .list)
        #expect(app.state.visible.count == 21)
    }

    @Test func searchingTheBodyHighlightsEveryMatchAndNCycles() throws {
        let app = try AppDriver(width: 100, height: 30)
        app.select("zh/city-library-reopens.txt")
        app.send("<Enter>/读者<Enter>")
        let search = try #require(app.state.article?.search)
        #expect(search.matches.count >= 3)
        #expect(app.state.article?.currentMatch == 0)
        #expect(app.screen.text.contains("1/\(search.matches.count)"))
        app.send("n")
        #expect(app.state.article?.currentMatch == 1)
        #expect(app.screen.text.contains("2/\(search.matches.count)"))
        app.send("NN")
        #expect(app.state.article?.currentMatch == search.matches.count - 1)
        #expect(app.state.message?.contains("TOP") == true)
        let screen = app.screen
        let highlighted = (0..<screen.height).contains { y in (0..<screen.width).contains { screen[$0, y].style == .currentMatch } }
        #expect(highlighted)
    }

    @Test func pagingMovesByAPageAndTheStatusShowsWhere() throws {
        let app = try AppDriver(width: 100, height: 30)
        app.open("zh/city-library-reopens.txt")
        let before = try #require(app.state.article).top
        app.send("<PgDn>")
        let after = try #require(app.state.article).top
        #expect(after > before)
        #expect(app.screen.text.contains("page 2/"))
        app.send("G")
        #expect(app.screen.text.contains("100%"))
        app.send("gg")
        #expect(app.state.article?.top == 0)
    }

    @Test func bookmarkAndReadToggleAndTheFiltersFollow() throws {
        let app = try AppDriver(width: 100, height: 30)
        app.select("ko/indie-game-studio.txt")
        app.send("b")
        #expect(app.state.selectedEntry?.bookmarked == true)
        app.send("B")
        #expect(app.state.visible.count == 1)
        app.send("BmU")
        #expect(app.state.entries.first { $0.id == "ko/indie-game-studio.txt" }?.read == true)
        #expect(app.state.visible.count == 20)
        #expect(app.screen.text.contains("unread only"))
    }

    @Test func resizingKeepsTheSameTextAtTheTop() throws {
        let app = try AppDriver(width: 100, height: 30)
        app.select("ja/ramen-shop-visit.txt")
        app.send("<Enter>jjjjjjjj")
        let open = try #require(app.state.article)
        let offset = open.position
        app.dispatch(.resize(width: 60, height: 20))
        let narrow = try #require(app.state.article)
        #expect(narrow.layout.width < open.layout.width)
        let line = narrow.layout.lines[narrow.top]
        #expect(line.offset <= offset && (narrow.top + 1 >= narrow.layout.lines.count || narrow.layout.lines[narrow.top + 1].offset > offset))
        expectWellFormed(app.screen)
        app.dispatch(.resize(width: 20, height: 6))
        expectWellFormed(app.screen)
        app.dispatch(.resize(width: 19, height: 5))
        #expect(app.screen.text.contains("too small"))
        app.dispatch(.resize(width: 100, height: 30))
        #expect(app.state.article?.layout.width == open.layout.width)
    }

    @Test func aClippingsHighlightIsDrawnInTheHighlightStyle() throws {
        let app = try AppDriver(width: 100, height: 30)
        app.open("zh/community-book-swap.md")
        var screen = app.screen
        var row = (0..<screen.height).first { screen.line($0).contains("累计有四千多本书") }
        while row == nil, app.state.article.map({ $0.top + 29 < $0.layout.lines.count }) == true {
            app.send("<PageDown>")
            screen = app.screen
            row = (0..<screen.height).first { screen.line($0).contains("累计有四千多本书") }
        }
        let y = try #require(row)
        let styleLine = screen.dump.split(separator: "\n").first { $0.hasPrefix("\(y): ") }
        #expect(styleLine?.contains("highlight") == true, "\(styleLine ?? "")")
        expectWellFormed(screen)
    }

    @Test func veryWideTerminalsPutTheLinksBesideTheBody() throws {
        let app = try AppDriver(width: 180, height: 40)
        app.open("zh/city-library-reopens.txt")
        let screen = app.screen
        let layout = PaneLayout(width: 180, height: 40, focus: .body)
        let links = try #require(layout.links), body = try #require(layout.body)
        #expect(links.x > body.x + body.width)
        #expect(links.y == 0 && links.height == body.height)
        #expect(screen.line(0).contains("Links"))
        #expect(screen.line(1).contains("[1]"))
        expectWellFormed(screen)
    }

    @Test func narrowTerminalsShowOnePaneAndTabSwitches() throws {
        let app = try AppDriver(width: 40, height: 12)
        app.select("zh/compiler-release-notes.txt")
        try expectSnapshot(app.screen, "list-40x12")
        app.send("<Enter>")
        #expect(app.state.focus == .body)
        try expectSnapshot(app.screen, "body-40x12")
        expectWellFormed(app.screen)
        app.send("<Tab>")
        #expect(app.state.focus == .links)
        #expect(app.screen.text.contains("Links"))
        app.send("<Tab>")
        #expect(app.state.focus == .list)
    }

    @Test func openingLinksChecksTheNumberAndTheScheme() throws {
        let app = try AppDriver(width: 100, height: 30)
        app.open("hostile/escapes.txt")
        let links = try #require(app.state.article?.article.links)
        let unsafe = try #require(links.firstIndex { !$0.openable })
        let safe = try #require(links.firstIndex { $0.openable })
        app.send("\(unsafe + 1)o")
        #expect(app.state.message?.contains("not opened") == true)
        app.send("\(safe + 1)o")
        #expect(app.performed.last == .openLink(links[safe].url))
        app.send("99o")
        #expect(app.state.message == "no link 99")
        // In the links pane, j moves the selection and g g goes back to the first link.
        app.send("<Tab>jj")
        #expect(app.state.focus == .links)
        #expect(app.state.article?.selectedLink == 2)
        app.send("gg")
        #expect(app.state.article?.selectedLink == 0)
    }

    @Test func leavingAnArticleSavesItsPositionAndReopeningResumesThere() throws {
        let app = try AppDriver(width: 100, height: 30)
        app.select("en/robot-vacuum-three-months.txt")
        app.send("<Enter><PgDn>")
        let position = try #require(app.state.article).position
        #expect(position > 0)
        app.send("q")
        let key = app.state.selectedEntry!.key
        #expect(app.performed.contains { effect in
            guard case .save(let changes) = effect, changes.first == .position(key, position) else { return false }
            guard case .progress(_, let percent) = changes.last else { return false }
            return percent > 0 && percent < 100
        })
        // The list shows how far it was read.
        #expect(app.state.selectedEntry?.progress.map { $0 > 0 } == true)
        app.send("<Enter>")
        #expect(app.state.article?.position == position)
        app.send("qq")
        #expect(app.quit)
    }

    @Test func helpListsTheKeysScrollsAndQCloses() throws {
        let app = try AppDriver(width: 80, height: 24)
        app.send("?")
        #expect(app.screen.text.contains("half a page down"))
        // At 80×24 the help is longer than the screen: its last key shows only once scrolled.
        #expect(!app.screen.text.contains("this help"))
        app.send("G")
        #expect(app.screen.text.contains("this help"))
        #expect(app.screen.text.contains("of \(HelpPane.lines(app.renderer.keyMap).count)"))
        app.send("k")
        #expect(app.state.help?.top == HelpPane.lines(app.renderer.keyMap).count - HelpPane.rows(height: 24) - 1)
        app.send("j")
        #expect(app.state.selected == 0)
        app.send("q")
        #expect(app.state.help == nil)
        #expect(!app.quit)
        app.send("?<Esc>")
        #expect(app.state.help == nil)
    }

    @Test func thePromptTakesCJKAndBackspace() throws {
        let app = try AppDriver(width: 100, height: 30)
        app.send("/图书馆馆<BS>")
        #expect(app.state.prompt?.string == "图书馆")
        #expect(app.screen.text.contains("search library: 图书馆"))
        #expect(app.screen.cursor != nil)
        app.send("<Esc>")
        #expect(app.state.prompt == nil)
    }

    /// A library with one long article (more pieces than `Reducer.windowThreshold`).
    static func longArticleLibrary() throws -> (Library, URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("reader-long-\(UUID())")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var text = "一篇很长的文章\n\n"
        for index in 0..<(Reducer.windowThreshold * 2) {
            text += "第\(index)段：这是一个用来测试长文章换行的段落，其中有一些中文句子，也有 English words 和数字 \(index * 7)。\n\n"
        }
        try text.write(to: root.appendingPathComponent("long.txt"), atomically: true, encoding: .utf8)
        return (Library(root: root.path), root)
    }

    @Test func aLongArticleIsRewrappedAroundTheViewFirstAndWholeInTheBackground() throws {
        let (library, root) = try Self.longArticleLibrary()
        defer { try? FileManager.default.removeItem(at: root) }
        let app = try AppDriver(width: 100, height: 30, library: library)
        app.send("<Enter>")
        for _ in 0..<40 { app.send("<PgDn>") }
        let before = try #require(app.state.article)
        let offset = before.position
        app.deferBackground = true
        app.dispatch(.resize(width: 70, height: 24))
        let partial = try #require(app.state.article)
        #expect(!partial.layout.isComplete)
        #expect(app.deferred.contains(.layOut(id: "long.txt", width: partial.layout.width, full: false)))
        #expect(partial.layout.lines[partial.top].offset <= offset)
        #expect(app.screen.text.contains("wrapping…"))
        expectWellFormed(app.screen)
        app.finishBackground()
        let whole = try #require(app.state.article)
        #expect(whole.layout.isComplete)
        #expect(whole.layout.lines.count > partial.layout.lines.count)
        #expect(whole.layout.lines[whole.top].offset == partial.layout.lines[partial.top].offset)
        #expect(app.screen.text.contains("page "))
    }

    @Test func aLongArticleIsFoldedForSearchWhileTheQueryIsTyped() throws {
        let (library, root) = try Self.longArticleLibrary()
        defer { try? FileManager.default.removeItem(at: root) }
        let app = try AppDriver(width: 100, height: 30, library: library)
        app.send("<Enter>")
        app.deferBackground = true
        app.send("/")
        #expect(app.deferred == [.indexArticle(id: "long.txt", full: false)])
        app.finishBackground()
        #expect(app.state.article?.searchIndex != nil)
        app.send("english<Enter>")
        #expect(app.state.article?.search?.matches.count == Reducer.windowThreshold * 2)
        // Without the background index, Enter folds the article itself.
        app.send("f")
        app.deferBackground = true
        app.send("/english<Enter>")
        #expect((app.state.article?.search?.matches.count ?? 0) >= Reducer.windowThreshold * 2)
    }
}
