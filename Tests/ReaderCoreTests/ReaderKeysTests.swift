import Foundation
import Testing
@testable import ReaderCore

/// The keys and habits of less, vim, mutt and newsboat, and the daily-use bugs fixed with them:
/// key strings in, state and screen text out.
@Suite struct ReaderKeysTests {
    /// A library of `files` (name → text) in a new temporary folder.
    static func library(_ files: [String: String]) throws -> (Library, URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("reader-keys-\(UUID())")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: root.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return (Library(root: root.path), root)
    }

    /// An article of `paragraphs` numbered paragraphs, each naming a harbour.
    static func article(_ title: String, paragraphs: Int) -> String {
        (0..<paragraphs).reduce(title + "\n\n") { text, index in
            text + "Paragraph \(index): the ferry left the harbour at dawn and came back before the fog.\n\n"
        }
    }

    /// Three short articles and a long one, newest first by their names' dates.
    static func threeArticles() throws -> (Library, URL) {
        try library(["a.txt": article("Alpha", paragraphs: 3), "b.txt": article("Bravo", paragraphs: 3),
                     "c.txt": article("Charlie", paragraphs: 3)])
    }

    @Test func nAndNGoOnFromTheViewAndTheCounterFollowsIt() throws {
        let (library, root) = try Self.library(["long.txt": Self.article("Harbour log", paragraphs: 300)])
        defer { try? FileManager.default.removeItem(at: root) }
        let app = try AppDriver(width: 80, height: 24, library: library)
        app.send("<Enter>/harbour<Enter>")
        let count = try #require(app.state.article?.search?.matches.count)
        #expect(count >= 300)
        #expect(app.state.article?.currentMatch == 0)
        for _ in 0..<20 { app.send("<PgDn>") }
        let top = try #require(app.state.article?.top)
        // The counter is on a match in view, not on the first one.
        let current = try #require(app.state.article?.currentMatch)
        let matches = try #require(app.state.article?.search?.matches)
        #expect(matches[current].line >= top)
        #expect(app.screen.text.contains(" · \(current + 1)/\(count)"))
        app.send("n")
        let next = try #require(app.state.article?.currentMatch)
        #expect(next == current + 1)
        #expect(matches[next].line >= top)
        // Back at the top the counter says so too.
        app.send("gg")
        #expect(app.state.article?.currentMatch == 0)
        #expect(app.screen.text.contains(" · 1/\(count)"))
        // Where no match is in view, n goes to the first one under the top, N to the last above.
        app.send("G")
        let atEnd = try #require(app.state.article?.currentMatch)
        app.send("N")
        #expect(app.state.article?.currentMatch == atEnd - 1)
    }

    @Test func withNoMatchInViewNGoesToTheFirstMatchUnderTheTopAndNToTheLastAbove() throws {
        var text = Self.article("Harbour log", paragraphs: 120)
        text = text.replacingOccurrences(of: "Paragraph 5:", with: "Paragraph 5: lighthouse")
            .replacingOccurrences(of: "Paragraph 60:", with: "Paragraph 60: lighthouse")
            .replacingOccurrences(of: "Paragraph 110:", with: "Paragraph 110: lighthouse")
        let (library, root) = try Self.library(["log.txt": text])
        defer { try? FileManager.default.removeItem(at: root) }
        let app = try AppDriver(width: 80, height: 24, library: library)
        app.send("<Enter>/lighthouse<Enter>")
        let matches = try #require(app.state.article?.search?.matches)
        #expect(matches.count == 3)
        // Half-way, between the second match and the third: no match is in view.
        app.send("gg")
        app.send("\(matches[1].line + 30)G")
        #expect(app.state.article?.currentMatch == nil)
        #expect(app.screen.text.contains(" · 3 matches"))
        app.send("N")
        #expect(app.state.article?.currentMatch == 1)
        app.send("\(matches[1].line + 30)Gn")
        #expect(app.state.article?.currentMatch == 2)
    }

    @Test func thePageTheKeysAndThePercentageAgree() throws {
        let (library, root) = try Self.library(["long.txt": Self.article("Harbour log", paragraphs: 40)])
        defer { try? FileManager.default.removeItem(at: root) }
        let app = try AppDriver(width: 80, height: 24, library: library)
        app.send("<Enter>")
        #expect(app.screen.text.contains("0% · page 1/"))
        let open = try #require(app.state.article)
        let pages = Paginator(lineCount: open.layout.lines.count, rows: 22)
        #expect(pages.pageCount >= 3)
        app.send("G")
        #expect(app.screen.text.contains("100% · page \(pages.pageCount)/\(pages.pageCount)"))
        app.send("<PgUp>")
        #expect(app.screen.text.contains("page \(pages.pageCount - 1)/\(pages.pageCount)"))
        app.send("gg")
        for page in 2...pages.pageCount {
            app.send("<PgDn>")
            #expect(app.screen.text.contains("page \(page)/\(pages.pageCount)"))
        }
        app.send("gg50%")
        #expect(app.state.article?.top == (pages.lastTop + 1) / 2)
        #expect(app.screen.text.contains("50% · page"))
        // The same as a command, as in vim and less, with a line number and a bad one.
        app.send("gg:50%")
        #expect(app.screen.text.contains(":50%"))
        app.send("<Enter>")
        #expect(app.state.article?.top == (pages.lastTop + 1) / 2)
        app.send(":3<Enter>")
        #expect(app.state.article?.top == 2)
        app.send(":nope<Enter>")
        #expect(app.state.message == "unknown command ':nope' (:50% :120 :q)")
        app.send(":q<Enter>")
        #expect(app.quit)
    }

    @Test func countsHalfPagesAndLineNumbersMoveAsInLessAndVim() throws {
        let (library, root) = try Self.library(["long.txt": Self.article("Harbour log", paragraphs: 40)])
        defer { try? FileManager.default.removeItem(at: root) }
        let app = try AppDriver(width: 80, height: 24, library: library)
        app.send("<Enter>5j")
        #expect(app.state.article?.top == 5)
        app.send("<C-d>")
        #expect(app.state.article?.top == 16)
        app.send("<C-u>2k")
        #expect(app.state.article?.top == 3)
        app.send("12G")
        #expect(app.state.article?.top == 11)
        app.send("<C-f>")
        #expect(app.state.article?.top == 22)
        app.send("<C-b>")
        #expect(app.state.article?.top == 0)
        // A count before o is still a link number.
        app.send("9o")
        #expect(app.state.message == "no link 9")
    }

    @Test func aFailedOpenLeavesTheArticleUnreadAndSaysWhy() throws {
        let (library, root) = try Self.threeArticles()
        defer { try? FileManager.default.removeItem(at: root) }
        let app = try AppDriver(width: 80, height: 24, library: library)
        let first = try #require(app.state.selectedEntry)
        try FileManager.default.removeItem(atPath: first.path)
        app.send("<Enter>")
        #expect(app.state.article == nil)
        #expect(app.state.entries.first { $0.id == first.id }?.read == false)
        #expect(!app.performed.contains { if case .save = $0 { return true } else { return false } })
        #expect(app.state.message != nil)
        #expect(app.state.unreadCount == 3)
    }

    @Test func jAndKOpenTheNeighboursAndSpaceAtTheEndGoesToTheNextUnread() throws {
        let (library, root) = try Self.threeArticles()
        defer { try? FileManager.default.removeItem(at: root) }
        let app = try AppDriver(width: 80, height: 24, library: library)
        let ids = app.state.visible.map { app.state.entries[$0].id }
        app.send("<Enter>")
        #expect(app.state.article?.entry.id == ids[0])
        app.send("J")
        #expect(app.state.article?.entry.id == ids[1])
        #expect(app.state.selectedEntry?.id == ids[1])
        app.send("K")
        #expect(app.state.article?.entry.id == ids[0])
        app.send("K")
        #expect(app.state.message == "this is the first article")
        // The articles are short: Space at the end goes on to the next unread one (the third).
        app.send("<Space>")
        #expect(app.state.article?.entry.id == ids[2])
        app.send("<Space>")
        #expect(app.state.message == "no unread article left")
        #expect(app.state.unreadCount == 0)
        app.send("qggm")
        #expect(app.state.message == "marked unread")
        app.send("n")
        #expect(app.state.article?.entry.id == ids[0])
    }

    @Test func leftInTheListAsksBeforeQuitting() throws {
        let app = try AppDriver(width: 80, height: 24)
        app.send("<Left>")
        #expect(!app.quit)
        #expect(app.screen.text.contains("quit reader? (y: quit"))
        app.send("j")
        #expect(!app.quit)
        #expect(app.state.selected == 0)
        #expect(app.state.message == "not done")
        // Three ← from the body: back to the list, the question, and no to it.
        app.send("<Enter><Left><Left><Left>")
        #expect(!app.quit)
        app.send("<Left>y")
        #expect(app.quit)
    }

    @Test func markingSaysWhatItDid() throws {
        let app = try AppDriver(width: 80, height: 24)
        app.send("m")
        #expect(app.state.message == "marked read")
        #expect(app.screen.text.contains("marked read"))
        app.send("m")
        #expect(app.state.message == "marked unread")
    }

    @Test func thePromptEditsAndRemembersLikeAShell() throws {
        let app = try AppDriver(width: 80, height: 24)
        app.send("/harbor fog<Left><Left><Left><Left><BS>ur<Home>the <End> now")
        #expect(app.state.prompt?.string == "the harbour fog now")
        app.send("<C-w>")
        #expect(app.state.prompt?.string == "the harbour fog ")
        app.send("<Left><Left><Left><Left><C-u>")
        #expect(app.state.prompt?.string == "fog ")
        #expect(app.state.prompt?.cursor == 0)
        app.send("<Del><Del><Del><Del>图书馆<Enter>")
        #expect(app.state.librarySearch?.query == "图书馆")
        #expect(app.state.message == "1 article matches '图书馆' (Esc clears)")
        app.send("<Esc>/新<Up>")
        #expect(app.state.prompt?.string == "图书馆")
        app.send("<Down>")
        #expect(app.state.prompt?.string == "新")
        #expect(app.screen.cursor?.x == DisplayWidth.of("search library: 新"))
    }

    @Test func aTinyTerminalSaysWhatItNeedsWithoutCuttingWords() {
        let state = AppState(entries: [], width: 12, height: 4)
        let text = ScreenRenderer().render(state).text
        #expect(text.contains("terminal"))
        #expect(text.contains("too small:"))
        #expect(!text.contains("…"))
    }

    @Test func aTruncatedTitleLeavesNoSpaceBeforeTheEllipsis() {
        #expect(DisplayWidth.truncate("The Corner Bakery That Bakes", to: 23) == "The Corner Bakery That…")
        #expect(DisplayWidth.truncate("The Corner Bakery That Bakes", to: 24) == "The Corner Bakery That…")
    }

    @Test func atOneHundredColumnsTheListKeepsAShortDateAndTwentyColumnsOfTitle() throws {
        let app = try AppDriver(width: 100, height: 30)
        let row = app.screen.line(1)
        let date = try #require(app.state.selectedEntry?.saved)
        #expect(row.contains(String(date.dropFirst(2))))
        #expect(DisplayWidth.of(String(row.prefix { $0 != "…" })) >= 20)
    }

    @Test func markAllReadAsksThenMarksTheListInOneSave() throws {
        let (library, root) = try Self.threeArticles()
        defer { try? FileManager.default.removeItem(at: root) }
        let app = try AppDriver(width: 80, height: 24, library: library)
        app.send("A")
        #expect(app.screen.text.contains("mark the 3 unread articles of this list read?"))
        app.send("n")
        #expect(app.state.unreadCount == 3)
        app.send("Ay")
        #expect(app.state.unreadCount == 0)
        #expect(app.state.message == "marked 3 articles read")
        let saves = app.performed.compactMap { if case .save(let changes) = $0 { return changes } else { return nil } }
        #expect(saves.count == 1)
        #expect(saves.first?.count == 3)
        app.send("A")
        #expect(app.state.message == "every article of this list is read")
    }

    @Test func theLinksPaneShowsTheSelectedLinksWholeURLAndEveryPaneItsKeys() throws {
        let app = try AppDriver(width: 80, height: 24)
        #expect(app.screen.line(23).contains("Enter:open"))
        #expect(app.screen.line(23).contains("?:help"))
        app.open("en/volunteer-radio-new-mast.html")
        let links = try #require(app.state.article?.article.links)
        #expect(links.count >= 2)
        app.send("<Tab>j")
        #expect(app.state.focus == .links)
        #expect(app.screen.line(23).contains("[\(links[1].n)] \(links[1].url)"))
        #expect(ScreenRenderer.middleTruncated("https://example.org/a/very/long/path/to/the/page.html", to: 30)
                == "https://exampl…o/the/page.html")
    }

    @Test func theOutlineListsTheHeadingsAndEnterGoesToOne() throws {
        let section = (0..<30).map { "Line \($0) of the section, about tides and boats." }.joined(separator: "\n\n")
        let text = "# Harbour guide\n\n## Arriving by ferry\n\n\(section)\n\n## 灯台への道\n\n\(section)\n\n## Leaving\n\n\(section)\n"
        let (library, root) = try Self.library(["guide.md": text])
        defer { try? FileManager.default.removeItem(at: root) }
        let app = try AppDriver(width: 80, height: 24, library: library)
        app.send("<Enter>t")
        let outline = try #require(app.state.outline)
        #expect(outline.items.map(\.text) == ["Harbour guide", "Arriving by ferry", "灯台への道", "Leaving"])
        #expect(app.screen.text.contains("Outline · 1/4"))
        app.send("jj<Enter>")
        #expect(app.state.outline == nil)
        let open = try #require(app.state.article)
        #expect(open.layout.lines[open.top].text == "灯台への道")
        // Opened again, it starts on the heading of the view.
        app.send("t")
        #expect(app.state.outline?.selected == 2)
        app.send("q")
        #expect(app.state.outline == nil)
        #expect(app.state.article != nil)
    }

    @Test func theArticlesOwnURLAndItsLinksAreOpenedAndCopied() throws {
        let app = try AppDriver(width: 80, height: 24)
        let source = "https://www.eastfieldpost.example.co.uk/community/2024/09/28/saturday-bike-repair-cafe"
        app.select("en/bike-repair-cafe.md")
        let entry = try #require(app.state.selectedEntry)
        // From the list the article is read first (by the front end).
        #expect(app.reducer.reduce(&app.state, .key(.character("o"))) == [.source(entry, open: true)])
        #expect(app.reducer.reduce(&app.state, .key(.character("y"))) == [.source(entry, open: false)])
        app.send("<Enter>")
        #expect(app.reducer.reduce(&app.state, .key(.character("O"))) == [.openLink(source)])
        #expect(app.reducer.reduce(&app.state, .key(.character("y"))) == [.copy(source)])
        let links = try #require(app.state.article?.article.links)
        #expect(app.reducer.reduce(&app.state, .key(.character("2"))).isEmpty)
        #expect(app.reducer.reduce(&app.state, .key(.character("y"))) == [.copy(links[1].url)])
        app.send("<Tab>j")
        #expect(app.reducer.reduce(&app.state, .key(.character("y"))) == [.copy(links[1].url)])
    }

    @Test func theWheelScrollsThePaneUnderThePointerAndClicksSelectAndOpen() throws {
        let (library, root) = try Self.library(["long.txt": Self.article("Harbour log", paragraphs: 40)])
        defer { try? FileManager.default.removeItem(at: root) }
        let app = try AppDriver(width: 100, height: 30, library: library)
        // The only row is the selected one: a click opens it.
        app.dispatch(.key(.click(x: 10, y: 1)))
        #expect(app.state.article?.entry.id == "long.txt")
        app.dispatch(.key(.wheelDown(x: 60, y: 5)))
        #expect(app.state.article?.top == Reducer.wheelLines)
        app.dispatch(.key(.wheelUp(x: 60, y: 5)))
        #expect(app.state.article?.top == 0)
        // A click on the list moves there; on its title row nothing else happens.
        app.dispatch(.key(.click(x: 5, y: 0)))
        #expect(app.state.focus == .list)
        app.dispatch(.key(.click(x: 60, y: 5)))
        #expect(app.state.focus == .body)
    }

    @Test func theBodyPreviewsTheSelectedArticleBeforeOneIsOpened() throws {
        let (library, root) = try Self.threeArticles()
        defer { try? FileManager.default.removeItem(at: root) }
        let app = try AppDriver(width: 100, height: 30, library: library)
        app.send("j")
        let selected = try #require(app.state.selectedEntry)
        #expect(app.state.preview?.entry.id == selected.id)
        #expect(app.screen.text.contains("Preview · Enter opens it"))
        #expect(app.screen.text.contains("Paragraph 0: the ferry left"))
        #expect(app.state.unreadCount == 3)
        app.send("<Enter>")
        #expect(app.state.preview == nil)
        #expect(app.state.article?.entry.id == selected.id)
        // Narrow, the body is not beside the list: nothing is read for a preview.
        let narrow = try AppDriver(width: 80, height: 24, library: library)
        narrow.send("j")
        #expect(!narrow.performed.contains { if case .preview = $0 { return true } else { return false } })
    }

    @Test func keysAreBoundInTheConfigFileWithAWarningForWhatIsUnknown() throws {
        let config = Config(text: "theme = dark\nbind <C-n> down\nbind x trash list\nbind J nosuch\nbind <Nope> down\nbind z up sidebar\n")
        #expect(config.problems.isEmpty)
        #expect(config.bindings.count == 5)
        let (keyMap, warnings) = KeyMap.standard.binding(config.bindings)
        #expect(warnings.count == 3)
        #expect(warnings[0].hasPrefix("line 4: unknown action 'nosuch'"))
        #expect(warnings[1].hasPrefix("line 5: unknown key '<Nope>'"))
        #expect(warnings[2].hasPrefix("line 6: unknown pane"))
        #expect(keyMap.command(for: .control("n"), in: .body) == .moveDown)
        #expect(keyMap.command(for: .character("x"), in: .list) == .trash)
        #expect(keyMap.command(for: .character("x"), in: .body) == nil)
        #expect(HelpPane.lines(keyMap).contains { $0.hasPrefix("<C-n>") && $0.contains("(your binding)") })
        // The reader follows the bound key.
        let app = try AppDriver(width: 80, height: 24)
        let reducer = Reducer(renderer: app.reducer.renderer, keyMap: keyMap, clock: { 0 })
        _ = reducer.reduce(&app.state, .key(.control("n")))
        #expect(app.state.selected == 1)
    }

    @Test func theListShowsTheSiteTheTagsAndHowFarEachArticleWasRead() throws {
        let app = try AppDriver(width: 80, height: 24)
        func row(_ title: String) -> String { app.screen.text.split(separator: "\n").first { $0.contains(title) }.map(String.init) ?? "" }
        let bike = row("Saturday mornings")
        #expect(bike.contains(" #cycling"))
        #expect(bike.contains(" www.eastfield"))
        #expect(bike.hasSuffix("2024-10-05"))
        // A CJK title keeps at least 20 columns at 80.
        let cjk = row("山小屋の")
        #expect(DisplayWidth.of(String(cjk.dropFirst(4).prefix { $0 != " " && $0 != "…" })) >= 20)
        app.select("en/robot-vacuum-three-months.txt")
        app.send("<Enter><PgDn>q")
        let percent = try #require(app.state.selectedEntry?.progress)
        #expect(row("Robot Vacuum").contains("\(percent)%"))
        let json = LibraryEntry.json([try #require(app.state.selectedEntry)])
        #expect(json.contains("\"progress\" : \(percent)"))
    }

    @Test func anArticleIsReadInTheBackgroundAndOnlyTheLastOneAskedForOpens() throws {
        let (library, root) = try Self.threeArticles()
        defer { try? FileManager.default.removeItem(at: root) }
        let app = try AppDriver(width: 80, height: 24, library: library)
        let reducer = app.reducer
        let first = try #require(app.state.selectedEntry)
        #expect(reducer.reduce(&app.state, .key(.enter)) == [.load(first)])
        #expect(app.screen.text.contains("opening \(first.title)…"))
        // Keys work meanwhile; the second article asked for is the one that opens.
        _ = reducer.reduce(&app.state, .key(.character("j")))
        let second = try #require(app.state.selectedEntry)
        #expect(reducer.reduce(&app.state, .key(.enter)) == [.load(second)])
        let load = { (entry: LibraryEntry) in try ArticleLoader().load(path: entry.path, format: entry.format, fallbackTitle: "") }
        _ = reducer.reduce(&app.state, .loaded(id: first.id, try load(first)))
        #expect(app.state.article == nil)
        _ = reducer.reduce(&app.state, .loaded(id: second.id, try load(second)))
        #expect(app.state.article?.entry.id == second.id)
        #expect(app.state.opening == nil)
        // A file that cannot be read says why, and nothing stays waiting.
        _ = reducer.reduce(&app.state, .key(.character("q")))
        _ = reducer.reduce(&app.state, .key(.enter))
        _ = reducer.reduce(&app.state, .notLoaded(id: second.id, "gone"))
        #expect(app.state.opening == nil && app.state.message == "gone")
    }

    @Test func aLongArticleOpensWrappedAroundItsPlaceAndWholeInTheBackground() throws {
        let (library, root) = try AppTests.longArticleLibrary()
        defer { try? FileManager.default.removeItem(at: root) }
        let app = try AppDriver(width: 100, height: 30, library: library)
        app.deferBackground = true
        app.send("<Enter>")
        let open = try #require(app.state.article)
        #expect(!open.layout.isComplete)
        #expect(app.deferred.contains(.layOut(id: "long.txt", width: open.layout.width, full: false)))
        app.finishBackground()
        #expect(app.state.article?.layout.isComplete == true)
    }
}
