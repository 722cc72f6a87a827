import Foundation
import Testing
@testable import ReaderCore

/// A mutation fuzzer over the whole reading pipeline: bytes → decode (`HTMLCharset`, `MHTMLArchive`,
/// `TextDecoder`) → parse → extract → blocks → layout, from the seed pages of `FuzzCorpus`
/// mutated by `Mutator`. Every input is read as HTML, MHTML, Markdown and text, and laid out at
/// 1, 7, 33 and 80 columns and one from 1 to 200 (each iteration its own), article and full
/// page; `PipelineInvariants` says what must hold.
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
            // The fixed widths, and one from 1 to 200 named by the iteration.
            let widths = PipelineInvariants.widths + [1 + Int(iteration % 200)]
            var violations = PipelineInvariants.check(input.bytes, renderer: renderer, widths: widths, layouts: &layouts,
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
