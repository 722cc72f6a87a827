import Foundation
import Testing
@testable import ReaderCore

/// A mutation fuzzer over the whole reading pipeline: bytes → decode (`HTMLCharset`, `MHTMLArchive`,
/// `TextDecoder`) → parse → extract → blocks → layout, from the seed pages of `FuzzCorpus`
/// mutated by `Mutator`. Every input is read as HTML, MHTML, Markdown and text, and laid out at
/// 1, 7, 33 and 80 columns, article and full page; `PipelineInvariants` says what must hold.
///
/// It is deterministic: seed and iteration name an input. By default it runs the first 120 inputs,
/// stopping early after 8 s (so `make test` stays quick in a debug build); run it longer by hand with
///
///     FUZZ_SECONDS=600 swift test --skip-build --filter HTMLFuzzTests
///     FUZZ_ITERATIONS=20000 swift test --skip-build --filter HTMLFuzzTests
///
/// (a release build checks several times more inputs: `swift build -c release --build-tests
/// -Xswiftc -enable-testing`, then `swift test -c release --skip-build …`).
///
/// Other settings: `FUZZ_SEED` (decimal or 0x hex), `FUZZ_START` (the first iteration),
/// `FUZZ_INPUT=/path` (check one saved input instead), `FUZZ_SLOW_SECONDS` (an input taking longer
/// fails; default 20), `FUZZ_MINIMIZE_SECONDS` (time spent shrinking a failing input; default 30),
/// `FUZZ_VERBOSE=1` (print each input's mutations and parse and layout times),
/// `FUZZ_REPORTS_PER_RULE` (default 3).
/// A failure names its seed and iteration and saves the input (and a shrunk one) under /tmp; the
/// input being run is always in /tmp/reader-fuzz-current.bin, for a crash.
@Suite struct HTMLFuzzTests {
    @Test func mutatedPagesKeepTheInvariants() throws {
        let config = FuzzConfig(ProcessInfo.processInfo.environment)
        let renderer = ArticleRenderer(wrapper: TestSupport.wrapper())
        if let path = config.inputPath {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            var layouts = 0
            let violations = PipelineInvariants.check(bytes, renderer: renderer, layouts: &layouts) { format, parse, layout in
                print("  \(format.rawValue): parse \(String(format: "%.3f", parse.seconds)) s, 8 layouts \(String(format: "%.3f", layout.seconds)) s")
            }
            print("HTMLFuzzTests: checked \(path) (\(bytes.count) bytes): \(violations.count) violations")
            for violation in violations { Issue.record("\(path): \(violation)") }
            return
        }
        let mutator = Mutator(corpus: FuzzCorpus.seeds.map(\.bytes), seed: config.seed)
        let watch = FuzzWatch(seed: config.seed, hangSeconds: config.slowSeconds)
        watch.start()
        defer { watch.stop() }
        let clock = ContinuousClock()
        let started = clock.now
        var iteration = config.start
        var ran = 0, layouts = 0, totalBytes = 0
        var slowest: (iteration: UInt64, seconds: Double) = (0, 0)
        /// Failing inputs by rule: how many, and the first iteration.
        var failures: [String: (count: Int, first: UInt64)] = [:]
        print("HTMLFuzzTests: seed \(config.seed.hex), from iteration \(config.start), "
              + (config.seconds.map { "for \($0) s" } ?? "\(config.iterations) inputs" + (config.defaultCapSeconds.map { " (at most \($0) s)" } ?? ""))
              + "; the input being run is in \(FuzzWatch.currentPath)")
        var stopReason = "done"
        while true {
            let elapsed = clock.now - started
            if let seconds = config.seconds {
                if elapsed >= .seconds(seconds) { break }
            } else if ran >= config.iterations {
                break
            } else if let cap = config.defaultCapSeconds, elapsed >= .seconds(cap) {
                stopReason = "time cap of \(cap) s reached"
                break
            }
            let input = mutator.input(iteration: iteration)
            watch.begin(iteration: iteration, bytes: input.bytes)
            let before = clock.now
            var timings: [String] = []
            var violations = PipelineInvariants.check(input.bytes, renderer: renderer, layouts: &layouts,
                                                      timings: !config.verbose ? nil : { format, parse, layout in
                timings.append("\(format.rawValue) \(String(format: "%.3f+%.3f", parse.seconds, layout.seconds))")
            })
            let seconds = (clock.now - before).seconds
            watch.end()
            if seconds > slowest.seconds { slowest = (iteration, seconds) }
            if config.verbose {
                print("iteration \(iteration): \(input.bytes.count) bytes from \(FuzzCorpus.seeds[input.origin].name), "
                      + "\(String(format: "%.3f", seconds)) s (parse+layout s: \(timings.joined(separator: ", "))); "
                      + input.mutations.joined(separator: "; "))
            }
            if seconds > config.slowSeconds {
                violations.append(.init(rule: "slow input", context: "all formats",
                                        detail: "took \(String(format: "%.1f", seconds)) s (limit \(config.slowSeconds) s)"))
            }
            ran += 1
            totalBytes += input.bytes.count
            // One report per rule broken, the first few times.
            var seen: Set<String> = []
            for violation in violations where seen.insert(violation.rule).inserted {
                var entry = failures[violation.rule] ?? (0, iteration)
                entry.count += 1
                failures[violation.rule] = entry
                if entry.count <= config.reportsPerRule {
                    let same = violations.filter { $0.rule == violation.rule }
                    report(same, input: input, iteration: iteration, config: config, renderer: renderer)
                }
            }
            iteration += 1
        }
        let elapsed = (clock.now - started).seconds
        let summary = failures.sorted { $0.value.first < $1.value.first }.map {
            "\($0.key): \($0.value.count) inputs, first at iteration \($0.value.first)"
        }
        print("HTMLFuzzTests: ran \(ran) inputs (\(totalBytes) bytes, \(ran * PipelineInvariants.formats.count) parses, "
              + "\(layouts) layouts) in \(String(format: "%.1f", elapsed)) s, seed \(config.seed.hex), iterations "
              + "\(config.start)..<\(iteration) (\(stopReason)); slowest: iteration \(slowest.iteration), "
              + "\(String(format: "%.2f", slowest.seconds)) s; "
              + (summary.isEmpty ? "no failures" : "failures by rule: " + summary.joined(separator: "; ")))
    }

    /// Records a failing input: its seed, iteration and mutations, the violations, and where the
    /// input and a shrunk input that still breaks the rule (read as the same format) are saved.
    private func report(_ violations: [PipelineInvariants.Violation], input: Mutator.Input, iteration: UInt64,
                        config: FuzzConfig, renderer: ArticleRenderer) {
        let stem = "/tmp/reader-fuzz-\(config.seed.hex)-\(iteration)"
        _ = FileManager.default.createFile(atPath: stem + ".bin", contents: Data(input.bytes))
        let first = violations[0]
        let formats = first.format.map { [$0] } ?? PipelineInvariants.formats
        var shrunk = input.bytes
        if first.rule != "slow input" {
            shrunk = FuzzMinimizer.minimize(input.bytes, seconds: config.minimizeSeconds) { candidate in
                PipelineInvariants.check(candidate, renderer: renderer, formats: formats).contains { $0.rule == first.rule }
            }
            _ = FileManager.default.createFile(atPath: stem + "-min.bin", contents: Data(shrunk))
        }
        let lines = violations.prefix(6).map { "  - \($0)" }.joined(separator: "\n")
        let saved = shrunk.count == input.bytes.count ? "saved: \(stem).bin (\(input.bytes.count) bytes)"
            : "saved: \(stem).bin (\(input.bytes.count) bytes), shrunk: \(stem)-min.bin (\(shrunk.count) bytes): "
                + Mutator.describe(Array(shrunk.prefix(200)), limit: 200)
        let message = """
            fuzz input broke "\(first.rule)": seed \(config.seed.hex), iteration \(iteration) \
            (reproduce: FUZZ_SEED=\(config.seed.hex) FUZZ_START=\(iteration) FUZZ_ITERATIONS=1, or FUZZ_INPUT=\(stem).bin)
            from seed page \(FuzzCorpus.seeds[input.origin].name), mutations: \(input.mutations.joined(separator: "; "))
            \(saved)
            \(lines)
            """
        print(message)
        Issue.record(Comment(rawValue: message))
    }
}

// MARK: - Invariants

/// What must hold for any input, whatever its bytes: the article's title, links and every laid-out
/// line carry no C0 or C1 control (ESC, CSI, BEL, NUL, DEL…), no bidi override or isolate, and no
/// code point without a width; no line is wider than the layout; line offsets stay within the
/// document and never go back; only http(s) links are openable.
enum PipelineInvariants {
    struct Violation: CustomStringConvertible {
        var rule: String
        var context: String
        var detail: String
        /// The format the input was read as, when one was.
        var format: ArticleFormat?
        /// The layout's width, and the kind of block the line is of, for a line's violation.
        var width: Int?
        var kind: Block.Kind?
        /// The index of the offending line.
        var line: Int?
        var description: String { "\(rule) [\(context)\(kind.map { ", \($0) block" } ?? "")]: \(detail)" }
    }

    static let formats: [ArticleFormat] = [.html, .mhtml, .markdown, .text]

    static let widths = [1, 7, 33, 80]

    /// True for what no output text may hold: C0 controls (TAB and LF too: lines are split and tabs
    /// expanded before this), DEL, C1 controls, bidi embeddings, overrides and isolates.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    /// Every violation for `bytes` read as each format and laid out at each width.
    static func check(_ bytes: [UInt8], renderer: ArticleRenderer, formats: [ArticleFormat] = formats) -> [Violation] {
        var layouts = 0
        return check(bytes, renderer: renderer, formats: formats, layouts: &layouts)
    }

    static func check(_ bytes: [UInt8], renderer: ArticleRenderer, formats: [ArticleFormat] = formats,
                      layouts: inout Int, timings: ((ArticleFormat, Duration, Duration) -> Void)? = nil) -> [Violation] {
        var violations: [Violation] = []
        let clock = ContinuousClock()
        for format in formats {
            let started = clock.now
            let article = ArticleParser.parse(bytes: bytes, format: format, fallbackTitle: "fallback title")
            let parsed = clock.now
            defer { timings?(format, parsed - started, clock.now - parsed) }
            var found = check(article, context: format.rawValue)
            for full in [false, true] {
                for width in widths {
                    let layout = renderer.layout(article, width: width, full: full)
                    layouts += 1
                    found += check(layout, requested: width, context: "\(format.rawValue), width \(width)\(full ? ", full page" : "")")
                    if found.count > 20 { break }
                }
            }
            violations += found.map { var violation = $0; violation.format = format; return violation }
            if violations.count > 20 { return violations }
        }
        return violations
    }

    /// The article's title, metadata line and links.
    static func check(_ article: Article, context: String) -> [Violation] {
        var violations: [Violation] = []
        clean(article.title, "title", context, &violations)
        clean(article.metadata.line, "metadata line", context, &violations)
        for link in article.links {
            clean(link.url, "link \(link.n) URL", context, &violations)
            if let label = link.label { clean(label, "link \(link.n) label", context, &violations) }
            let lower = link.url.lowercased()
            let web = lower.hasPrefix("http://") || lower.hasPrefix("https://")
            if link.openable != Link.isOpenable(link.url) {
                violations.append(.init(rule: "link openable flag disagrees with isOpenable", context: context,
                                        detail: "link \(link.n) \(quoted(link.url))"))
            }
            if Link.isOpenable(link.url) && !web {
                violations.append(.init(rule: "non-http(s) link openable", context: context,
                                        detail: "link \(link.n) \(quoted(link.url))"))
            }
        }
        return violations
    }

    /// One layout: widths, text and offsets of its lines.
    static func check(_ layout: ArticleLayout, requested: Int, context: String) -> [Violation] {
        var violations: [Violation] = []
        // The renderer lays out at 2 columns at least (a wide character needs 2); 1 means 2.
        let limit = max(requested, 2)
        if layout.width != limit {
            violations.append(.init(rule: "layout width", context: context, detail: "asked \(requested), got \(layout.width)"))
        }
        var previous = 0
        for (index, line) in layout.lines.enumerated() {
            let before = violations.count
            defer {
                // Which line, and the kind of block it lays out.
                let pieces = layout.document.pieces
                let kind = pieces.isEmpty ? nil : pieces[layout.document.pieceIndex(forOffset: line.offset)].kind
                for k in before..<violations.count { violations[k].line = index; violations[k].kind = kind }
            }
            let measured = DisplayWidth.of(line.text)
            if measured > limit {
                violations.append(.init(rule: "line wider than the layout", context: context,
                                        detail: "line \(index) is \(measured) columns: \(quoted(line.text))"))
            }
            if measured != line.width {
                violations.append(.init(rule: "line width field disagrees with DisplayWidth", context: context,
                                        detail: "line \(index) says \(line.width), measures \(measured): \(quoted(line.text))"))
            }
            clean(line.text, "line \(index)", context, &violations)
            if line.offset < 0 || line.offset > layout.length {
                violations.append(.init(rule: "line offset outside the document", context: context,
                                        detail: "line \(index) at \(line.offset), document length \(layout.length)"))
            }
            if line.offset < previous {
                violations.append(.init(rule: "line offsets go back", context: context,
                                        detail: "line \(index) at \(line.offset) after \(previous): \(quoted(line.text))"))
            }
            previous = line.offset
            let units = line.text.utf16.count
            if line.textStart < 0 || line.textStart > units {
                violations.append(.init(rule: "textStart outside the line", context: context,
                                        detail: "line \(index) textStart \(line.textStart) of \(units)"))
            }
            for span in line.highlights where span.lowerBound < 0 || span.upperBound > units {
                violations.append(.init(rule: "highlight outside the line", context: context,
                                        detail: "line \(index) span \(span) of \(units): \(quoted(line.text))"))
            }
            if violations.count > 20 { break }
        }
        for k in violations.indices { violations[k].width = layout.width }
        return violations
    }

    /// Adds a violation if `text` holds a forbidden scalar, a line break, or a code point with no width.
    static func clean(_ text: String, _ what: String, _ context: String, _ violations: inout [Violation]) {
        for scalar in text.unicodeScalars where isForbidden(scalar) || DisplayWidth.of(scalar) < 0 {
            let rule = isForbidden(scalar) ? "control or bidi character in output" : "code point without a width in output"
            violations.append(.init(rule: rule, context: context,
                                    detail: "\(what) holds U+\(String(scalar.value, radix: 16, uppercase: true)): \(quoted(text))"))
            return
        }
    }

    /// `text` escaped and cut short, for a message.
    static func quoted(_ text: String) -> String {
        let short = text.unicodeScalars.count > 160 ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(160))) + "…" : text
        return short.debugDescription
    }
}

// MARK: - Running

/// The fuzzer's settings, from the environment.
struct FuzzConfig {
    var seed: UInt64 = 0x5EED_F022_2024
    var start: UInt64 = 0
    /// Inputs to run when no time is given: enough to cover each seed many times, a few seconds in debug.
    var iterations = 120
    /// Without FUZZ_SECONDS or FUZZ_ITERATIONS, the run also stops after this long, so `make test`
    /// stays quick on a slow machine.
    var defaultCapSeconds: Double? = 8
    /// Failing inputs reported per rule; the rest are counted.
    var reportsPerRule = 3
    var seconds: Double?
    var slowSeconds: Double = 20
    var minimizeSeconds: Double = 30
    var inputPath: String?
    /// Print each input's mutations and timings.
    var verbose = false

    init(_ environment: [String: String]) {
        func number(_ key: String) -> UInt64? {
            guard let value = environment[key]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
            return value.lowercased().hasPrefix("0x") ? UInt64(value.dropFirst(2), radix: 16) : UInt64(value)
        }
        if let seed = number("FUZZ_SEED") { self.seed = seed }
        if let start = number("FUZZ_START") { self.start = start }
        if let iterations = number("FUZZ_ITERATIONS") {
            self.iterations = Int(iterations)
            defaultCapSeconds = nil
        }
        seconds = environment["FUZZ_SECONDS"].flatMap(Double.init)
        if let reports = number("FUZZ_REPORTS_PER_RULE") { reportsPerRule = Int(reports) }
        if let slow = environment["FUZZ_SLOW_SECONDS"].flatMap(Double.init) { slowSeconds = slow }
        if let minimize = environment["FUZZ_MINIMIZE_SECONDS"].flatMap(Double.init) { minimizeSeconds = minimize }
        inputPath = environment["FUZZ_INPUT"].flatMap { $0.isEmpty ? nil : $0 }
        verbose = environment["FUZZ_VERBOSE"].map { !$0.isEmpty && $0 != "0" } ?? false
    }
}

/// Keeps the input being run in /tmp (so a crash leaves it behind), and from another thread
/// reports and saves one that runs past the time limit (a hang).
final class FuzzWatch: @unchecked Sendable {
    static let currentPath = "/tmp/reader-fuzz-current.bin"
    private let lock = NSLock()
    private let seed: UInt64
    private let hangSeconds: Double
    private var running: (iteration: UInt64, bytes: [UInt8], since: Date, reported: Bool)?
    private var stopped = false

    init(seed: UInt64, hangSeconds: Double) {
        self.seed = seed
        self.hangSeconds = hangSeconds
    }

    func start() {
        let thread = Thread { [self] in
            while true {
                Thread.sleep(forTimeInterval: 1)
                lock.lock()
                if stopped { lock.unlock(); return }
                if var current = running, !current.reported, Date().timeIntervalSince(current.since) > hangSeconds {
                    current.reported = true
                    running = current
                    let path = "/tmp/reader-fuzz-\(seed.hex)-\(current.iteration)-hang.bin"
                    _ = FileManager.default.createFile(atPath: path, contents: Data(current.bytes))
                    print("HTMLFuzzTests: iteration \(current.iteration) has run for over \(hangSeconds) s; input saved to \(path)")
                    fflush(nil)
                }
                lock.unlock()
            }
        }
        thread.start()
    }

    func begin(iteration: UInt64, bytes: [UInt8]) {
        _ = FileManager.default.createFile(atPath: Self.currentPath, contents: Data(bytes))
        _ = FileManager.default.createFile(atPath: Self.currentPath + ".txt",
                                       contents: Data("FUZZ_SEED=\(seed.hex) FUZZ_START=\(iteration) FUZZ_ITERATIONS=1\n".utf8))
        lock.lock()
        running = (iteration, bytes, Date(), false)
        lock.unlock()
    }

    func end() {
        lock.lock()
        running = nil
        lock.unlock()
    }

    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
    }
}

/// Shrinks a failing input while it keeps failing: removes chunks from half its length down to
/// single bytes (ddmin's complement step), within a time budget.
enum FuzzMinimizer {
    static func minimize(_ input: [UInt8], seconds: Double, failing: ([UInt8]) -> Bool) -> [UInt8] {
        let deadline = Date().addingTimeInterval(seconds)
        var current = input
        var chunk = max(current.count / 2, 1)
        while chunk >= 1 && Date() < deadline {
            var start = 0
            var shrank = false
            while start < current.count && Date() < deadline {
                var candidate = current
                candidate.removeSubrange(start..<min(start + chunk, current.count))
                if failing(candidate) {
                    current = candidate
                    shrank = true
                } else {
                    start += chunk
                }
            }
            if !shrank || chunk > current.count { chunk /= 2 }
            if chunk == 0 { break }
        }
        return current
    }
}

extension UInt64 {
    var hex: String { "0x" + String(self, radix: 16, uppercase: true) }
}

extension Duration {
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }
}

// MARK: - Seed pages

/// The pages mutation starts from: HTML in English, Chinese and Japanese (UTF-8, GBK and Shift_JIS),
/// an MHTML archive, and a Markdown clipping with front matter, a table and footnotes.
enum FuzzCorpus {
    static let boundary = "----MultipartBoundary--fUzZ0123456789abcdef----"

    static let seeds: [(name: String, bytes: [UInt8])] = [
        ("english.html", Array(english.utf8)),
        ("chinese.html", Array(chinese.utf8)),
        ("japanese.html", Array(japanese.utf8)),
        ("chinese-gbk.html", chineseGBK),
        ("japanese-shift-jis.html", japaneseShiftJIS),
        ("archive.mhtml", Array(archive.replacingOccurrences(of: "\n", with: "\r\n").utf8)),
        ("clipping.md", Array(markdown.utf8)),
    ]

    static let english = """
        <!DOCTYPE html>
        <!-- saved from url=(0044)https://news.example.com/2024/05/harbour-mast -->
        <html lang="en"><head><meta charset="utf-8">
        <title>Harbour radio gets a new mast | Example News</title>
        <meta name="author" content="Ada Quill">
        <meta property="og:site_name" content="Example News">
        <meta property="article:published_time" content="2024-05-04T09:00:00Z">
        <link rel="canonical" href="https://news.example.com/2024/05/harbour-mast">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbour radio gets a new mast","author":{"name":"Ada Quill"}}</script>
        <script>document.write("tracking")</script><style>p { color: red }</style>
        </head><body>
        <nav class="menu"><a href="/">Home</a> <a href="/news">News</a></nav>
        <article class="post-content">
        <h1>Harbour radio gets a new mast</h1>
        <p class="byline">By <a rel="author" href="/people/ada">Ada Quill</a></p>
        <p>The volunteers of the harbour radio station raised a new mast on Saturday, after three years of fundraising, bake sales and a very long planning application.</p>
        <p>“It was worth every cake,” said the chair, Jo Marsh, who climbed it herself. The old mast, put up in 1987, will be taken down <a href="https://news.example.com/2024/05/old-mast">next month</a>.</p>
        <h2>What changes</h2>
        <ul><li>Range grows from 12 to 30 km.</li><li>Two new <mark>night shows</mark>.</li><li><input type="checkbox" checked> Licence renewed.</li></ul>
        <ol start="3"><li>Third</li><li value="9">Ninth</li></ol>
        <blockquote><p>Radio is the sound of a town talking to itself.</p></blockquote>
        <pre><code>freq = 104.6 MHz\n\tpower = 50 W</code></pre>
        <figure><img src="mast.jpg" alt="The new mast at dusk"><figcaption>The new mast at dusk.</figcaption></figure>
        <table><caption>Schedule</caption><thead><tr><th>Day</th><th>Show</th></tr></thead>
        <tbody><tr><td>Mon</td><td>Tide tables</td></tr><tr><td colspan="2">Weekend: <a href="/weekend">specials</a></td></tr></tbody></table>
        <p>Read <a href="javascript:void(0)">more</a>, mail <a href="mailto:radio@example.com">us</a> or see <a href="#top">top</a>.</p>
        <img src="pixel.gif" width="1" height="1"><p hidden>hidden text</p><div style="display:none">none</div>
        </article>
        <aside class="sidebar related"><h3>Related</h3><a href="/a">A</a></aside>
        <footer class="footer">© Example News · <a href="/privacy">Privacy</a></footer>
        </body></html>
        """

    static let chinese = """
        <!DOCTYPE html><html lang="zh-CN"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
        <title>春茶采摘：茶园的清晨_茶乡日报</title><meta name="description" content="茶园春茶采摘">
        </head><body><div id="header" class="header">首页 | 新闻 | 专题</div>
        <div class="article-content" id="content">
        <h1>春茶采摘：茶园的清晨</h1><p class="author">作者：苏青禾 <time datetime="2024-04-12">2024年4月12日</time></p>
        <p>清晨五点，山上的雾还没有散去，采茶的人们已经背着竹篓上了山。今年春天雨水充足，茶叶长得特别好，一芽一叶，嫩绿发亮。</p>
        <p>老茶农王师傅说：“明前茶最金贵，要赶在清明之前采完。”他一边说，一边熟练地掐下芽尖，放进篓里。</p>
        <p>茶园里有<a href="https://tea.example.cn/zhong">三个品种</a>，分别是龙井四十三、<ruby>鸠坑<rt>jiūkēng</rt></ruby>和白叶一号。<br>每个品种的口感都不一样。</p>
        <table><tr><td>品种</td><td>采摘期</td><td>价格</td></tr><tr><td>龙井43</td><td>3月</td><td>高</td></tr><tr><td>白叶一号</td><td>4月</td><td>中</td></tr></table>
        </div><div class="comment">评论（3）</div></body></html>
        """

    static let japanese = """
        <!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><title>山小屋の週末 - 山歩きブログ</title>
        <meta property="og:title" content="山小屋の週末"></head><body><main><article>
        <h1>山小屋の週末</h1><p class="byline">文・写真：山田花子</p>
        <p>先週末、友人と二人で北アルプスの山小屋に泊まりました。<ruby>槍ヶ岳<rp>(</rp><rt>やりがたけ</rt><rp>)</rp></ruby>の肩にある小屋で、夕焼けがとてもきれいでした。</p>
        <p>朝は四時に起きて、ご来光を見ました。気温は零度近くまで下がり、手がかじかみました。温かいコーヒーが本当においしかったです。</p>
        <p><ruby>漢<rt>かん</rt>字<rt>じ</rt></ruby>のふりがなと、全角ｶﾀｶﾅ、半角カナが混じる文章。句読点、「かぎかっこ」。</p>
        <dl><dt>標高</dt><dd>3,180 m</dd></dl>
        <p>詳しくは<a href="https://yama.example.jp/hut">山小屋のサイト</a>をご覧ください。</p>
        </article></main></body></html>
        """

    /// A Chinese page labelled GBK (python3: the text's `.encode("gbk")`, between ASCII markup).
    static let chineseGBK: [UInt8] = Array("<html><head><meta charset=\"gbk\"><title>茶</title></head><body><p>".utf8)
        + [178, 232, 212, 176, 180, 186, 178, 232, 178, 201, 213, 170, 163, 172, 204, 236, 198, 248, 186, 220, 186, 195, 161, 163]
        + Array("</p><p>".utf8)
        + [178, 232, 212, 176, 180, 186, 178, 232, 178, 201, 213, 170, 163, 172, 204, 236, 198, 248, 186, 220, 186, 195, 161, 163]
        + Array("</p></body></html>".utf8)

    /// A Japanese page in Shift_JIS with no label, ruby markup inside (python3: `.encode("cp932")` of
    /// `山小屋の週末。<ruby>漢字<rt>かんじ</rt></ruby>を読む、天気は良かった。`).
    static let japaneseShiftJIS: [UInt8] = Array("<html><body><p>".utf8)
        + [142, 82, 143, 172, 137, 174, 130, 204, 143, 84, 150, 150, 129, 66, 60, 114, 117, 98, 121, 62, 138, 191, 142, 154,
           60, 114, 116, 62, 130, 169, 130, 241, 130, 182, 60, 47, 114, 116, 62, 60, 47, 114, 117, 98, 121, 62, 130, 240, 147,
           199, 130, 222, 129, 65, 147, 86, 139, 67, 130, 205, 151, 199, 130, 169, 130, 193, 130, 189, 129, 66]
        + Array("</p></body></html>".utf8)

    /// A Chrome-style archive: quoted-printable HTML (charset in the part's Content-Type), an encoded-word
    /// Subject, and a base64 image part. Written with LF; the seed has CRLF.
    static let archive = """
        From: <Saved by Blink>
        Snapshot-Content-Location: https://news.example.com/2024/10/zhongwen
        Subject: =?utf-8?B?5Lit5paH5paw6Ze7?= and more
        Date: Sat, 5 Oct 2024 10:11:12 -0000
        MIME-Version: 1.0
        Content-Type: multipart/related;
        \ttype="text/html";
        \tboundary="\(boundary)"


        --\(boundary)
        Content-Type: text/html; charset=utf-8
        Content-ID: <frame-5D0C1E2A@mhtml.blink>
        Content-Transfer-Encoding: quoted-printable
        Content-Location: https://news.example.com/2024/10/zhongwen

        <!DOCTYPE html><html><head><meta charset=3D"utf-8"><title>=E4=B8=AD=E6=96=87=
        =E6=96=B0=E9=97=BB</title></head><body><article><p class=3D"lead">=E4=B8=
        =AD=e6=96=87 and English, 50=25 off. The long paragraph continues with enough =
        words to be an article, commas, clauses, and a <a href=3D"/2024/10/next">link</a>.</p>
        <p>Second paragraph, with an image <img src=3D"cid:img1" alt=3D"=E5=9B=BE">.</p></article></body></html>
        --\(boundary)
        Content-Type: image/png
        Content-Transfer-Encoding: base64
        Content-Location: cid:img1

        iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==
        --\(boundary)--

        """

    static let markdown = """
        ---
        title: "茶馆的下午"
        source: https://example.cn/teahouse
        saved: 2024-06-01T10:00:00Z
        author: 苏青禾
        tags: [茶, travel, 日本語]
        ---
        # 茶馆的下午

        A clipping with **bold**, *em*, `code`, a [link](https://example.cn/a "title") and a footnote[^1].
        午后的茶馆里，人们慢慢地喝茶、聊天。窓の外は雨でした。

        | 茶 | 价格 | 備考 |
        |----|-----:|:----:|
        | 龙井 | 30 | 新茶 |
        | 煎茶 | 25 | [site](https://example.jp/sencha) |

        - item one
          - nested item
        1. first
        2. second

        > A quote
        > over two lines.

        ```swift
        let x = "\\u{1B}[31m"
        ```

        ==highlighted== and ~~struck~~ text, <https://example.com/bare> and https://example.org/plain.

        [^1]: The footnote, with a [reference](https://example.net/ref).

        References
        1. https://example.com/one — One
        """
}
