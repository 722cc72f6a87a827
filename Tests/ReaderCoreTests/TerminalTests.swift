import Foundation
import Testing
@testable import ReaderCore

/// The built `reader` in a real terminal: tmux runs it, send-keys types, capture-pane reads
/// the screen, as a person would.
@Suite(.serialized) struct TerminalTests {
    /// One tmux server of its own, running `reader` on a copy of the sample library with
    /// temporary state, cache and config.
    final class Session {
        let socket = "reader-test-\(UUID().uuidString.prefix(8))"
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("reader-tui-\(UUID())")
        var state: String { root.appendingPathComponent("state").path }
        var cache: String { root.appendingPathComponent("cache").path }
        let library: String
        let raw: String

        /// `shell`: start an interactive shell and type the reader's command into it (for job control).
        /// `files`: written under the session's home (which is also `XDG_CONFIG_HOME`) before the start.
        init(library: String = TestSupport.samples.path, width: Int = 100, height: Int = 30, environment: String = "",
             arguments: [String] = [], files: [String: String] = [:], shell: Bool = false, input: String = "") throws {
            self.library = library
            raw = root.appendingPathComponent("raw-output").path
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            for (name, text) in files {
                let file = root.appendingPathComponent(name)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: file, atomically: true, encoding: .utf8)
            }
            let command = ([CommandLineTests.binary.path, "--library", library, "--state-dir", state] + arguments)
                .map { "'\($0)'" }.joined(separator: " ")
            let env = "env LANG=C.UTF-8 LC_ALL= XDG_CACHE_HOME='\(cache)' XDG_CONFIG_HOME='\(root.path)' HOME='\(root.path)' BROWSER=true \(environment)"
            let line = "\(env) \(command) \(input); echo READER-EXITED-$?"
            try tmux(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", shell ? "bash --norc --noprofile" : line + "; sleep 60"])
            try tmux(["set-option", "-g", "status", "off"])
            try tmux(["pipe-pane", "-o", "-t", "0", "cat >> '\(raw)'"])
            if shell {
                // Typed once the shell shows its prompt: typed earlier, on a loaded machine, the
                // line can be read before the shell has set up job control, and the reader then
                // runs outside the terminal's foreground group, where Ctrl-Z never reaches it.
                try waitFor(settled: false) { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
                // Typed without the echo: a stopped job would let the shell run it at once.
                try send("\(env) \(command)", literal: true)
                try send("Enter")
            }
        }

        /// The pid of this session's reader process.
        func readerPID() -> pid_t? {
            let pids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc"))?.compactMap { Int32($0) } ?? []
            return pids.first { pid in
                let comm = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)) ?? ""
                let cmdline = (try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)) ?? ""
                return comm.hasPrefix("reader") && cmdline.contains(state)
            }
        }

        /// Runs a tmux command against this session's server and returns what it printed.
        /// posix_spawn and waitpid, output through a file: the server the first command forks
        /// would hold a pipe open forever.
        @discardableResult
        func tmux(_ arguments: [String]) throws -> String {
            let output = root.appendingPathComponent("tmux-output").path
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            let argv = ["tmux", "-L", socket] + arguments
            var cArgs = argv.map { strdup($0) } + [nil]
            defer { for arg in cArgs { free(arg) } }
            // Test threads block signals, and a child inherits that mask: give tmux (and so the
            // reader under it) an empty one, or SIGWINCH would never reach the reader.
            var attributes = posix_spawnattr_t()
            posix_spawnattr_init(&attributes)
            defer { posix_spawnattr_destroy(&attributes) }
            var empty = sigset_t()
            sigemptyset(&empty)
            posix_spawnattr_setsigmask(&attributes, &empty)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
            var pid = pid_t()
            guard posix_spawnp(&pid, "tmux", &actions, &attributes, &cArgs, environ) == 0 else { throw CancellationError() }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        }

        /// Types keys: tmux key names (`Enter`, `PageDown`, `Tab`…), or text with `literal`.
        func send(_ keys: String..., literal: Bool = false) throws {
            try tmux(["send-keys", "-t", "0"] + (literal ? ["-l"] : []) + keys)
        }

        func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", "0"]) }

        /// Waits (up to 10 s) until the screen satisfies `condition` and has settled: the same on
        /// two captures 50 ms apart, so a frame tmux caught half drawn is never judged. The last
        /// screen either way. `settled: false` takes the first capture that satisfies it (for a
        /// screen that keeps changing, such as a progress counter).
        @discardableResult
        func waitFor(settled: Bool = true, seconds: Int = 10, _ condition: (String) -> Bool) throws -> String {
            var text = try screen()
            for _ in 0..<(seconds * 20) {
                if condition(text) && !settled { return text }
                if condition(text) {
                    usleep(50_000)
                    let again = try screen()
                    if again == text { return text }
                    text = again
                    continue
                }
                usleep(50_000)
                text = try screen()
            }
            return text
        }

        /// Searches the library for `query` (typed as text) and opens the one article found.
        func openArticle(matching query: String) throws {
            try waitFor { $0.contains("Library 21") }
            try send("/")
            try send(query, literal: true)
            try send("Enter")
            try waitFor { $0.contains("Library 1 ") }
            try send("Enter")
            try waitFor { $0.contains("page 1/") }
        }

        /// Waits for the reader to exit; the screen then shows `READER-EXITED-<status>`.
        @discardableResult
        func waitForExit() throws -> String {
            try waitFor { $0.range(of: #"READER-EXITED-\d"#, options: .regularExpression) != nil }
        }

        func resize(_ width: Int, _ height: Int) throws {
            try tmux(["resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)"])
        }

        func close() {
            _ = try? tmux(["kill-server"])
            try? FileManager.default.removeItem(at: root)
        }
    }

    /// The list pane of a screen, a line a row: each line up to the pane's border.
    static func listPane(_ screen: String) -> [String] {
        screen.split(separator: "\n").map { String($0.split(separator: "│").first ?? "") }
    }

    /// With standard input redirected from /dev/null or closed, keys come from the terminal
    /// (/dev/tty, as less reads them) and the reader idles without spinning.
    @Test(arguments: ["< /dev/null", "<&-"])
    func keysComeFromTheTerminalWhenStandardInputIsNot(_ input: String) throws {
        let session = try Session(input: input)
        defer { session.close() }
        try session.waitFor { $0.contains("Library") && !$0.contains("reading the library") }
        let pid = try #require(session.readerPID())
        /// User and system CPU time, in clock ticks, from /proc/PID/stat.
        func cpuTicks() throws -> Int {
            let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
            let fields = stat[stat.range(of: ")")!.upperBound...].split(separator: " ")
            return Int(fields[11])! + Int(fields[12])!
        }
        let before = try cpuTicks()
        sleep(2)
        #expect(try cpuTicks() - before < 50, "more than a quarter of a core while idle")
        try session.send("j")
        try session.send("q")
        #expect(try session.waitForExit().contains("READER-EXITED-0"))
    }

    @Test func tmuxIsInstalled() {
        #expect(FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux"))
    }

    @Test func aReaderSessionFromStartToQuit() throws {
        let session = try Session()
        defer { session.close() }
        // Start: the three panes and the titles.
        var text = try session.waitFor { $0.contains("Library 21") }
        #expect(text.contains("城市图书馆闭馆两年"))
        #expect(text.contains("Links"))
        // Search the library with a CJK query typed as text.
        try session.send("/")
        try session.send("图书馆", literal: true)
        text = try session.waitFor { $0.contains("search library: 图书馆") }
        #expect(text.contains("search library: 图书馆"))
        try session.send("Enter")
        text = try session.waitFor { $0.contains("Library 1 ") }
        #expect(text.contains("Library 1 · /图书馆"))
        // Open it: the wrapped body and the links pane.
        try session.send("Enter")
        text = try session.waitFor { $0.contains("page 1/") }
        #expect(text.contains("经过两年的改造"))
        #expect(text.contains("[1] "))
        for line in text.split(separator: "\n") {
            #expect(DisplayWidth.of(line) <= 100)
            let body = line.split(separator: "│").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if let first = body.unicodeScalars.first { #expect(!"。，、」".unicodeScalars.contains(first), "kinsoku: \(line)") }
        }
        // Search the article, then n.
        try session.send("/")
        try session.send("读者", literal: true)
        try session.send("Enter")
        text = try session.waitFor { $0.range(of: #" 1/\d+"#, options: .regularExpression) != nil }
        try session.send("n")
        text = try session.waitFor { $0.range(of: #" 2/\d+"#, options: .regularExpression) != nil }
        #expect(text.range(of: #" 2/\d+"#, options: .regularExpression) != nil)
        // Page down.
        try session.send("Escape", "g", "g")
        try session.send("PageDown")
        text = try session.waitFor { $0.contains("page 2/") }
        #expect(text.contains("page 2/"))
        // Bookmark it, and toggle read twice (it was marked read on opening).
        try session.send("b")
        text = try session.waitFor { $0.contains("bookmarked") }
        try session.send("m", "m")
        // Resize down and back; below the minimum it says so.
        // Until the reader redraws, tmux keeps the old wide lines (their top ones scrolled off):
        // wait for the narrow layout itself, one pane with every line within 60 columns.
        try session.resize(60, 20)
        let fits = { (screen: String) in screen.split(separator: "\n").allSatisfy { DisplayWidth.of($0) <= 60 } }
        text = try session.waitFor { fits($0) && !$0.contains("Library") && $0.contains("page") }
        #expect(fits(text), "\(text)")
        try session.resize(20, 6)
        text = try session.waitFor { $0.split(separator: "\n").count <= 6 }
        try session.resize(18, 5)
        text = try session.waitFor { $0.contains("too small") || $0.contains("termina") }
        #expect(text.contains("termina"), "\(text)")
        try session.resize(100, 30)
        text = try session.waitFor { $0.contains("Library") && $0.contains("page") }
        #expect(text.contains("经过两年的改造") || text.contains("page"))
        // Quit: back to the list, then q.
        try session.send("q")
        try session.send("q")
        text = try session.waitForExit()
        #expect(text.contains("READER-EXITED-0"))
        // The state, as the CLI sees it.
        let list = try CommandLineTests.run(["list", "--json", "--library", session.library, "--state-dir", session.state],
                                            environment: ["XDG_CACHE_HOME": session.cache])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let entry = try #require(entries.first { $0["id"] as? String == "zh/city-library-reopens.txt" })
        #expect(entry["read"] as? Bool == true)
        #expect(entry["bookmarked"] as? Bool == true)
        let states = StateStore(directory: session.state).load()  // the file and its journal
        #expect(states.articles.values.contains { $0.path == "zh/city-library-reopens.txt" && $0.position > 0 })
    }

    @Test func aSavedWebPageOpensAsItsArticleAndFShowsTheWholePage() throws {
        let session = try Session(width: 120, height: 35)
        defer { session.close() }
        try session.openArticle(matching: "明前茶")
        var text = try session.screen()
        #expect(text.contains("清明前的茶山"))
        #expect(text.contains("凌晨五点半"))
        #expect(text.contains("qingshanbao.example.cn"), "the links pane shows the saved page's URL")
        #expect(!text.contains("下载App") && !text.contains("分享到"))
        try session.send("f")
        text = try session.waitFor { $0.contains("full page") }
        #expect(text.contains("下载App") && text.contains("分享到"))
        try session.send("f")
        text = try session.waitFor { !$0.contains("full page") }
        #expect(!text.contains("下载App"))
        try session.send("q", "q")
        #expect(try session.waitForExit().contains("READER-EXITED-0"))
    }

    @Test func aTextDumpOpensAtItsArticleAndFShowsTheSiteAroundIt() throws {
        let session = try Session(width: 120, height: 35)
        defer { session.close() }
        try session.openArticle(matching: "十号线开通首日")
        var text = try session.screen()
        #expect(text.contains("早上六点整"))
        #expect(text.contains("2024-10-08 · 林雨 · 江城都市报"), "the byline and source found by their labels")
        #expect(text.contains("metro.jiangcheng.example.cn"), "the numbered references in the links pane")
        #expect(!text.contains("下载客户端") && !text.contains("分享到") && !text.contains("相关新闻"))
        try session.send("f")
        text = try session.waitFor { $0.contains("full page") }
        #expect(text.contains("下载客户端") && text.contains("跳到正文"))
        try session.send("q", "q")
        #expect(try session.waitForExit().contains("READER-EXITED-0"))
    }

    @Test func anArticleFullOfEscapeSequencesSendsNoneOfItsOwnToTheTerminal() throws {
        let session = try Session()
        defer { session.close() }
        try session.openArticle(matching: "Night Market")
        #expect(try session.screen().contains("dumpling stall"))
        try session.send("f")
        try session.waitFor { $0.contains("full page") }
        try session.send("q", "q")
        try session.waitForExit()
        let raw = try String(decoding: Data(contentsOf: URL(fileURLWithPath: session.raw)), as: UTF8.self)
        #expect(!raw.isEmpty)
        #expect(!raw.contains("0;pwned"))        // the OSC title payload never arrives
        #expect(!raw.contains("\u{1B}]"))        // no OSC at all
        #expect(!raw.contains("\u{1B}[31m"))     // the article's own colour
        #expect(!raw.contains("\u{1B}[2J"))      // its own screen clear
        #expect(!raw.contains("\u{202E}") && !raw.contains("\u{2066}"))
        #expect(!raw.contains("safe text\rEVIL"))
    }

    /// A shell script `name` with `body`, executable, in a new temporary folder (removed by the caller).
    static func fakeProgram(_ name: String, _ body: (URL) -> String) throws -> (folder: URL, script: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reader-program-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent(name)
        try ("#!/bin/sh\n" + body(folder) + "\n").write(to: script, atomically: true, encoding: .utf8)
        chmod(script.path, 0o755)
        return (folder, script)
    }

    @Test func aLinkOpensWithBrowserAsAnArgvAndARefusedOneSaysSo() throws {
        // Written aside and renamed, so the file is never read half written.
        let (root, script) = try Self.fakeProgram("browser.sh") {
            "printf '%s\\n' \"$@\" > '\($0.path)/args.part' && mv '\($0.path)/args.part' '\($0.path)/args'"
        }
        defer { try? FileManager.default.removeItem(at: root) }
        let args = root.appendingPathComponent("args").path
        let session = try Session(environment: "BROWSER='\(script.path) --new-tab %u'")
        defer { session.close() }
        try session.openArticle(matching: "Night Market")
        try session.send("1", "o")
        let refused = try session.waitFor { $0.contains("not opened") }
        #expect(refused.contains("not opened: only http and https links are opened"))
        try session.send("4", "o")
        for _ in 0..<100 where !FileManager.default.fileExists(atPath: args) { usleep(100_000) }
        let argv = try String(contentsOfFile: args, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(argv == ["--new-tab", "https://nightmarket.example.org/news/ferry-terminal-move"])
        try session.send("q", "q")
    }

    @Test func aBrowserThatFailsIsReported() throws {
        let (root, script) = try Self.fakeProgram("failing-browser") { _ in "exit 3" }
        defer { try? FileManager.default.removeItem(at: root) }
        let session = try Session(environment: "BROWSER='\(script.path)'")
        defer { session.close() }
        try session.openArticle(matching: "Night Market")
        try session.send("4", "o")
        let text = try session.waitFor { $0.contains("failed: exit status") }
        #expect(text.contains("the browser (failing-browser) failed: exit status 3"))
    }

    @Test(arguments: ["SIGTERM", "SIGHUP", "Ctrl-C"])
    func aSignalSavesThePositionAndRestoresTheTerminal(signal: String) throws {
        let session = try Session()
        defer { session.close() }
        try session.waitFor { $0.contains("Library 21") }
        try session.send("Enter")
        try session.waitFor { $0.contains("page 1/") }
        try session.send("PageDown")
        try session.waitFor { $0.contains("page 2/") }
        if signal == "Ctrl-C" {
            try session.send("C-c")
        } else {
            let pid = try #require(session.readerPID())
            kill(pid, signal == "SIGTERM" ? SIGTERM : SIGHUP)
        }
        let text = try session.waitForExit()
        #expect(text.contains("READER-EXITED-0"))
        #expect(!text.contains("Library 21"))  // the alternate screen is gone
        let states = StateStore(directory: session.state).load()  // the file and its journal
        #expect(states.articles.values.contains { $0.position > 0 })
    }

    @Test func aCrashStillRestoresTheTerminal() throws {
        let session = try Session()
        defer { session.close() }
        try session.waitFor { $0.contains("Library 21") }
        let pid = try #require(session.readerPID())
        kill(pid, SIGSEGV)
        let text = try session.waitForExit()
        #expect(text.contains("READER-EXITED-139"))  // killed by SIGSEGV, after endwin
        #expect(!text.contains("Library 21"))       // the alternate screen was left
        let raw = try String(decoding: Data(contentsOf: URL(fileURLWithPath: session.raw)), as: UTF8.self)
        #expect(raw.contains("\u{1B}[?1049l"))      // rmcup: ncurses restored the screen
    }

    @Test func ctrlZSuspendsAndFgRedraws() throws {
        let session = try Session(shell: true)
        defer { session.close() }
        try session.waitFor { $0.contains("Library 21") }
        try session.send("C-z")
        let stopped = try session.waitFor { $0.contains("Stopped") }
        #expect(stopped.contains("Stopped"))
        try session.send("fg", literal: true)
        try session.send("Enter")
        let back = try session.waitFor { $0.contains("Library 21") && !$0.contains("Stopped") }
        #expect(back.contains("Library 21"))
        try session.send("q")
        try session.waitFor { !$0.contains("Library 21") }
        try session.send("echo READER-EXITED-$?", literal: true)
        try session.send("Enter")
        let done = try session.waitForExit()
        #expect(done.contains("READER-EXITED-0"))
    }

    @Test func aDumbTerminalGetsAMessageThatPointsAtReaderList() throws {
        let session = try Session(environment: "TERM=dumb")
        defer { session.close() }
        let text = try session.waitForExit()
        #expect(text.contains("reader list"))
        #expect(text.contains("READER-EXITED-1"))
    }

    @Test func configThemeAndStateProblemsShowInTheReaderAtOnce() throws {
        let session = try Session(arguments: ["--theme", "mine"],
                                  files: ["reader/config": "libary = ~/Saved\n",
                                          "reader/themes/mine.theme": "title = 231 bold\nborder = chartreuse\n",
                                          "state/state.json": "{ not json"])
        defer { session.close() }
        var text = try session.waitFor { $0.contains("Library 21") }
        #expect(text.contains("~/reader/config: line 1: unknown key 'libary' (did you mean 'library'?)"))
        // The rest wait for the exit; the corrupt state is reported as soon as it is found too.
        #expect(text.contains("+2 more, listed on exit"))
        try session.send("q")
        text = try session.waitForExit()
        #expect(text.contains("~/reader/themes/mine.theme:2: bad value 'chartreuse'"))
        #expect(text.contains("corrupt"))
        #expect(text.contains("READER-EXITED-0"))
    }

    @Test func helpScrollsInARealTerminalAndCtrlDMovesHalfAPage() throws {
        let session = try Session(width: 80, height: 24)
        defer { session.close() }
        try session.openArticle(matching: "编译器")
        try session.send("C-d")
        var text = try session.waitFor { $0.contains("page 1/") && !$0.contains(" 0% ") }
        #expect(!text.contains(" 0% · page"))
        try session.send("?")
        text = try session.waitFor { $0.contains("Keys · lines 1-") }
        #expect(!text.contains("this help"))
        try session.send("G")
        text = try session.waitFor { $0.contains("this help") }
        try session.send("q")
        text = try session.waitFor { !$0.contains("Keys · lines") }
        #expect(text.contains("page"))
    }

    /// A library big enough that building its search store takes a while in a debug build.
    static func bigLibrary(_ count: Int) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("reader-big-\(UUID())")
        let paragraph = String(repeating: "The harbour master logged every ferry, tug and fishing boat that came in. ", count: 30)
        for index in 0..<count {
            let folder = root.appendingPathComponent("box-\(index / 500)")
            if index % 500 == 0 { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
            let word = index == count - 1 ? " lighthouse" : ""
            try "Harbour log \(index)\n\n\(paragraph)\(word)\n\n\(paragraph)\n"
                .write(to: folder.appendingPathComponent("log-\(index).txt"), atomically: false, encoding: .utf8)
        }
        return root
    }

    @Test func theIndexIsBuiltInTheBackgroundCtrlCQuitsAtOnceAndASearchMeanwhileAnswersAsItIsTyped() throws {
        let library = try Self.bigLibrary(6000)
        let cache = library.path + "-cache"
        defer {
            try? FileManager.default.removeItem(at: library)
            try? FileManager.default.removeItem(atPath: cache)
        }
        do {
            let session = try Session(library: library.path, environment: "XDG_CACHE_HOME='\(cache)'")
            defer { session.close() }
            // The screen is there before the list: the library is read in the background.
            let pattern = #"(scanning the library|reading [\d,]+/6,000)…"#
            let first = try session.waitFor(settled: false) { $0.range(of: pattern, options: .regularExpression) != nil }
            #expect(first.range(of: pattern, options: .regularExpression) != nil)
            #expect(first.contains("reading the library…"))
            try session.waitFor { $0.contains("Library 6000") }
            // Then the index, on its own thread.
            var text = try session.waitFor(settled: false) { $0.contains("indexing ") }
            #expect(text.range(of: #"indexing [\d,]+/6,000…"#, options: .regularExpression) != nil)
            // Keys keep working while it runs.
            try session.send("s")
            text = try session.waitFor(settled: false) { $0.contains("sorted by title") }
            #expect(text.contains("Library 6000 · by title"))
            // Ctrl-C in the middle (once two batches are in): the reader is gone long before the
            // index could be finished.
            try session.waitFor(settled: false, seconds: 30) { screen in
                screen.firstMatch(of: /indexing ([\d,]+)\//).map { Int($0.1.filter(\.isNumber))! >= 500 } ?? false
            }
            let asked = Date()
            try session.send("C-c")
            text = try session.waitForExit()
            #expect(text.contains("READER-EXITED-0"))
            #expect(Date().timeIntervalSince(asked) < 2)
        }
        // The next start goes on from what was indexed, and a search typed meanwhile answers from
        // the index and a read of the rest: the list follows each key.
        let session = try Session(library: library.path, environment: "XDG_CACHE_HOME='\(cache)'")
        defer { session.close() }
        try session.waitFor { $0.contains("Library 6000") }
        let resumed = try session.waitFor(settled: false) { $0.contains("indexing ") }
        let left = resumed.range(of: #"indexing [\d,]+/([\d,]+)…"#, options: .regularExpression).map { String(resumed[$0]) } ?? ""
        #expect(!left.hasSuffix("/6,000…"), "\(left)")
        try session.send("/")
        try session.send("lighthous", literal: true)
        // In a debug build, reading the 5,000 or so files not yet indexed takes a while.
        var text = try session.waitFor(seconds: 60) { $0.contains("Harbour log 5999") && !$0.contains("Harbour log 1") }
        #expect(text.contains("/lighthous"))
        try session.send("Enter")
        text = try session.waitFor { $0.contains("1 article matches 'lighthous'") }
        try session.send("Escape")
        text = try session.waitFor { $0.contains("search cleared") }
        #expect(text.contains("Harbour log 5998"))
    }

    /// With the index current, the list narrows as a query is typed and keeps its order (newest
    /// first); Enter puts the matches best first: a title match, then more matches.
    @Test func aSearchTypedFiltersTheListInItsOrderAndEnterRanksIt() throws {
        let library = FileManager.default.temporaryDirectory.appendingPathComponent("reader-typed-\(UUID())")
        defer { try? FileManager.default.removeItem(at: library) }
        try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
        let articles = [("a-new", "Night market notes", "The lantern festival filled the square.", 4),
                        ("b-mid", "Lanterns of the old town", "Each lantern was lit by hand, one lantern a house.", 3),
                        ("c-old", "Tide tables", "High water came at noon.", 2),
                        ("d-oldest", "Paper crafts", "A lantern, a lantern and a lantern of folded paper.", 1)]
        for (name, title, body, day) in articles {
            let file = library.appendingPathComponent(name + ".txt")
            try "\(title)\n\n\(body)\n".write(to: file, atomically: false, encoding: .utf8)
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: Double(1_700_000_000 + day * 86_400))],
                                                  ofItemAtPath: file.path)
        }
        let session = try Session(library: library.path)
        defer { session.close() }
        try session.waitFor { $0.contains("Library 4") && !$0.contains("indexing") }
        // The titles down the list pane (left of the border), as far as they fit in it.
        func order(_ text: String) -> [String] {
            text.split(separator: "\n").compactMap { line in
                let row = line.split(separator: "│").first ?? ""
                return ["Night market", "Lanterns of", "Tide tables", "Paper crafts"].first { row.contains($0) }
            }
        }
        try session.send("/")
        // Two letters, answered from the index's short prefixes: only `tables` begins with `ta`.
        try session.send("ta", literal: true)
        var text = try session.waitFor { $0.contains("Library 1 ") }
        #expect(order(text) == ["Tide tables"], "\(text)")
        try session.send("BSpace")
        try session.send("BSpace")
        try session.send("lant", literal: true)
        text = try session.waitFor { $0.contains("Library 3 ") }
        #expect(order(text) == ["Night market", "Lanterns of", "Paper crafts"], "\(text)")
        try session.send("Enter")
        text = try session.waitFor { $0.contains("3 articles match 'lant'") }
        #expect(order(text) == ["Lanterns of", "Paper crafts", "Night market"], "\(text)")
    }

    @Test func yCopiesWithTheClipboardToolAsAnArgvElseThroughTheTerminal() throws {
        let (root, _) = try Self.fakeProgram("wl-copy") { "cat > '\($0.path)/copied'" }
        defer { try? FileManager.default.removeItem(at: root) }
        let copied = root.appendingPathComponent("copied").path
        let source = "https://www.eastfieldpost.example.co.uk/community/2024/09/28/saturday-bike-repair-cafe"
        do {
            let session = try Session(environment: "WAYLAND_DISPLAY=wayland-test PATH='\(root.path):/usr/bin:/bin'")
            defer { session.close() }
            try session.openArticle(matching: "bike repair")
            try session.send("y")
            try session.waitFor { $0.contains("copied with wl-copy") }
            for _ in 0..<50 where (try? String(contentsOfFile: copied, encoding: .utf8)) != source { usleep(100_000) }
            #expect(try String(contentsOfFile: copied, encoding: .utf8) == source)
        }
        // With no tool, OSC 52 carries it, base64 so nothing in it acts on the terminal.
        let session = try Session(environment: "WAYLAND_DISPLAY= DISPLAY=")
        defer { session.close() }
        try session.openArticle(matching: "bike repair")
        try session.send("y")
        try session.waitFor { $0.contains("copied (through the terminal)") }
        let raw = try String(contentsOfFile: session.raw, encoding: .utf8)
        #expect(raw.contains("\u{1B}]52;c;" + Data(source.utf8).base64EncodedString() + "\u{07}"))
    }

    @Test func newFilesAndMarksFromAnotherProcessShowUpWhileTheReaderRuns() throws {
        let library = FileManager.default.temporaryDirectory.appendingPathComponent("reader-live-\(UUID())")
        try FileManager.default.createDirectory(at: library.appendingPathComponent("notes"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: library) }
        try "Tide tables\n\nHigh water at noon.\n".write(to: library.appendingPathComponent("notes/tides.txt"),
                                                          atomically: true, encoding: .utf8)
        let session = try Session(library: library.path)
        defer { session.close() }
        try session.waitFor { $0.contains("Library 1") && $0.contains("1/1 unread") }
        // A new file in a new folder.
        try FileManager.default.createDirectory(at: library.appendingPathComponent("notes/2026"), withIntermediateDirectories: true)
        try "Ferry times\n\nThe last ferry leaves at nine.\n".write(to: library.appendingPathComponent("notes/2026/ferry.txt"),
                                                                   atomically: true, encoding: .utf8)
        var text = try session.waitFor { $0.contains("Library 2") }
        #expect(text.contains("Ferry times"))
        // Marked read by the CLI: the reader shows it.
        let mark = try CommandLineTests.run(["mark", "notes/tides.txt", "--read", "--library", library.path,
                                             "--state-dir", session.state])
        #expect(mark.status == 0)
        // The row loses its unread mark `N`.
        func tidesRow(_ screen: String) -> String {
            Self.listPane(screen).first { $0.contains("Tide tables") } ?? ""
        }
        text = try session.waitFor { tidesRow($0).hasPrefix("    Tide tables") }
        #expect(tidesRow(text).hasPrefix("    Tide tables"))
        // Deleted, it goes.
        try FileManager.default.removeItem(at: library.appendingPathComponent("notes/2026/ferry.txt"))
        text = try session.waitFor { $0.contains("Library 1") && !$0.contains("Ferry times") }
        #expect(!text.contains("Ferry times"))
    }

    /// With `lazy-check = yes` (or `--lazy-check`) the reader trusts the folders at start: an
    /// article edited in place while it was not running keeps the row the cache holds, until a
    /// start without it checks every file.
    @Test func aLazyCheckAtStartTrustsTheFoldersAndAFullOneSeesAnEditInPlace() throws {
        let library = FileManager.default.temporaryDirectory.appendingPathComponent("reader-lazy-\(UUID())")
        let cache = library.path + "-cache"
        try FileManager.default.createDirectory(at: library.appendingPathComponent("notes"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: library); try? FileManager.default.removeItem(atPath: cache) }
        let tides = library.appendingPathComponent("notes/tides.txt")
        try "Tide tables\n\nHigh water at noon.\n".write(to: tides, atomically: true, encoding: .utf8)
        try LazyCheckTests.settle(library.path, at: 1_600_000_000)
        /// A reader on the library; `lazy` by the config file or by `--lazy-check`.
        func session(lazy: Bool, byFlag: Bool = false) throws -> Session {
            try Session(library: library.path, environment: "XDG_CACHE_HOME='\(cache)'",
                        arguments: lazy && byFlag ? ["--lazy-check"] : [],
                        files: lazy && !byFlag ? ["reader/config": "lazy-check = yes\n"] : [:])
        }
        // The list pane (the preview beside it reads the file itself).
        func list(_ screen: String) -> String { Self.listPane(screen).joined(separator: "\n") }
        let first = try session(lazy: true)
        #expect(list(try first.waitFor { $0.contains("Library 1") }).contains("Tide tables"))
        try first.send("q")
        try first.waitForExit()
        first.close()
        try "Tide tables, revised\n\nHigh water at one.\n".write(to: tides, atomically: false, encoding: .utf8)
        let lazy = try session(lazy: true, byFlag: true)
        #expect(list(try lazy.waitFor { $0.contains("Library 1") }).contains("Tide tables"))
        usleep(1_500_000)
        #expect(try !list(lazy.screen()).contains("revis"))
        lazy.close()
        let full = try session(lazy: false)
        defer { full.close() }
        #expect(list(try full.waitFor { list($0).contains("Tide tables, revis") }).contains("Tide tables, revis"))
    }

    /// Another process holds the state's lock: `m` does not freeze the reader. The status line
    /// says the changes wait, keys keep working, and once the lock is let go they are saved.
    @Test func aHeldStateLockNeitherFreezesTheReaderNorLosesItsMarks() throws {
        let library = FileManager.default.temporaryDirectory.appendingPathComponent("reader-lock-\(UUID())")
        try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: library) }
        try "Tide tables\n\nHigh water at noon.\n".write(to: library.appendingPathComponent("tides.txt"), atomically: true, encoding: .utf8)
        try "Ferry times\n\nThe last ferry leaves at nine.\n".write(to: library.appendingPathComponent("ferry.txt"),
                                                                    atomically: true, encoding: .utf8)
        let session = try Session(library: library.path)
        defer { session.close() }
        try session.waitFor { $0.contains("Library 2") && $0.contains("2/2 unread") }
        let lock = open(session.state + "/state.json.lock", O_RDWR | O_CREAT, 0o600)
        #expect(lock >= 0 && flock(lock, LOCK_EX) == 0)
        try session.send("m")
        var text = try session.waitFor { $0.contains("waiting for another reader") }
        #expect(text.contains("1 change kept"), "\(text)")
        // The keys still work: the next row is marked too, and both wait.
        try session.send("j", "m")
        text = try session.waitFor(seconds: 15) { $0.contains("2 changes kept") }
        #expect(text.contains("2 changes kept"), "\(text)")
        let rows = text.split(separator: "\n").filter { $0.contains("Ferry times  ") || $0.contains("Tide tables  ") }
        #expect(rows.count == 2 && rows.allSatisfy { !$0.hasPrefix(" N") }, "\(text)")
        flock(lock, LOCK_UN)
        close(lock)
        text = try session.waitFor(seconds: 15) { $0.contains("saved: the other reader let go") }
        #expect(text.contains("saved: the other reader let go"), "\(text)")
        let list = try CommandLineTests.run(["list", "--unread", "--json", "--library", library.path, "--state-dir", session.state])
        let unread = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [Any]
        #expect(unread?.isEmpty == true, "\(list.stdout)")
    }

    @Test func dMovesAnArticleToTheTrashAndUBringsItBack() throws {
        let library = FileManager.default.temporaryDirectory.appendingPathComponent("reader-d-\(UUID())")
        try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: library) }
        for name in ["alpha", "bravo"] {
            try "\(name.capitalized) notes\n\nSome words about \(name).\n".write(to: library.appendingPathComponent(name + ".txt"),
                                                                            atomically: true, encoding: .utf8)
        }
        let session = try Session(library: library.path)
        defer { session.close() }
        var text = try session.waitFor { $0.contains("Library 2") }
        let first = text.contains("Alpha notes") && text.range(of: "Alpha notes")!.lowerBound < text.range(of: "Bravo notes")!.lowerBound
            ? "alpha" : "bravo"
        try session.send("d")
        text = try session.waitFor { $0.contains("moved to the trash") }
        #expect(text.contains("Library 1"))
        let trashed = session.root.appendingPathComponent(".local/share/Trash/files/\(first).txt").path
        #expect(FileManager.default.fileExists(atPath: trashed))
        #expect(!FileManager.default.fileExists(atPath: library.appendingPathComponent(first + ".txt").path))
        try session.send("u")
        text = try session.waitFor { $0.contains("Library 2") }
        #expect(FileManager.default.fileExists(atPath: library.appendingPathComponent(first + ".txt").path))
        #expect(!FileManager.default.fileExists(atPath: trashed))
    }

    @Test func theListComesBackSortedAndFilteredAsItWasLeft() throws {
        do {
            let session = try Session()
            defer { session.close() }
            try session.waitFor { $0.contains("Library 21") }
            try session.send("s", "U", "q")
            try session.waitForExit()
            let saved = try JSONDecoder().decode(ReaderSession.self,
                                                 from: Data(contentsOf: URL(fileURLWithPath: session.state + "/session.json")))
            #expect(saved.sort == "title" && saved.filter == "unread")
            // The first screens for the next start: every unread article of this small library.
            let cache = LibraryCache(root: TestSupport.samples.path, cacheHome: session.cache + "/reader")
            #expect(cache.loadFirstScreen().count == 21)
        }
        let session = try Session(files: ["state/session.json": #"{"filter":"unread","sort":"title"}"#])
        defer { session.close() }
        let text = try session.waitFor { $0.contains("Library 21") }
        #expect(text.contains("Library 21 · unread only · by t"))
    }

    /// A mouse event as the terminal sends it (X10 encoding, tmux's `kmous`): button, column, row.
    static func mouse(_ button: Int, x: Int, y: Int) -> String {
        "\u{1B}[M" + String(UnicodeScalar(UInt8(32 + button))) + String(UnicodeScalar(UInt8(33 + x))) + String(UnicodeScalar(UInt8(33 + y)))
    }

    @Test func theWheelScrollsTheBodyAndAClickOpensARow() throws {
        let session = try Session()
        defer { session.close() }
        try session.openArticle(matching: "编译器")
        // Two turns of the wheel down over the body: six lines.
        try session.send(Self.mouse(65, x: 60, y: 8) + Self.mouse(65, x: 60, y: 8), literal: true)
        var text = try session.waitFor { !$0.contains(" 0% · page") }
        #expect(!text.contains(" 0% · page 1/"))
        // Back to the list and its search cleared, then click the third row twice: selected, then opened.
        try session.send("q")
        try session.waitFor { $0.contains("Enter:open") }
        try session.send("Escape")
        text = try session.waitFor { $0.contains("Library 21") }
        let third = text.split(separator: "\n")[3].split(separator: "│")[0]
        let title = String(third.dropFirst(4).prefix { $0 != "…" }).trimmingCharacters(in: .whitespaces)
        for _ in 0..<2 { try session.send(Self.mouse(0, x: 10, y: 3) + Self.mouse(3, x: 10, y: 3), literal: true) }
        text = try session.waitFor { $0.contains("page 1/") }
        #expect(text.split(separator: "\n").last.map { $0.contains(title) } == true, "\(title) not opened: \(text)")
    }
}
