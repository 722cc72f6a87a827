import Foundation
import Testing
@testable import ReaderCore

/// The mutation fuzzer's inputs given to the built `reader` itself, as a user would: `show
/// --width W` (W from 1 to 200) and `links` on each mutated file. Counted: crashes (a signal),
/// hangs over 10 s, lines wider than W by glibc `wcwidth`, and control bytes on stdout. The
/// in-process fuzzer (`HTMLFuzzTests`) runs far more inputs; this one proves the process holds.
///
/// `FUZZ_PROCESS_ITERATIONS` sets the count (`make fuzz` runs 1,000); the suite runs 24.
@Suite struct ProcessFuzzTests {
    static let extensions = ["html", "html", "html", "html", "html", "mhtml", "md"]

    @Test func mutatedFilesNeitherCrashNorHangNorOverflowTheWidthAsAProcess() throws {
        let environment = ProcessInfo.processInfo.environment
        let iterations = environment["FUZZ_PROCESS_ITERATIONS"].flatMap { Int($0) } ?? 24
        let mutator = Mutator(corpus: FuzzCorpus.seeds.map(\.bytes), seed: FuzzConfig(environment).seed)
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.mkdir("library")
        var failures: [String] = []
        for iteration in 0..<iterations {
            let input = mutator.input(iteration: UInt64(iteration) &* 7 &+ 1_000)
            let name = "input.\(Self.extensions[input.origin % Self.extensions.count])"
            try folder.write("library/" + name, bytes: input.bytes)
            let width = 1 + iteration * 37 % 200
            for arguments in [["show", name, "--width", "\(width)"], ["links", name]] {
                let what = "iteration \(iteration) (\(input.mutations.joined(separator: ", "))): \(arguments.joined(separator: " "))"
                let run: CommandLineTests.Run
                do {
                    run = try CommandLineTests.run(arguments + ["--library", folder.path + "/library"],
                                                   environment: ["XDG_CACHE_HOME": folder.path + "/cache",
                                                                 "XDG_STATE_HOME": folder.path + "/state"],
                                                   timeout: 10)
                } catch is CancellationError {
                    failures.append("\(what): hung over 10 s")
                    continue
                }
                if run.signalled { failures.append("\(what): killed by signal \(run.status)"); continue }
                if run.status != 0 && run.status != 1 { failures.append("\(what): exit \(run.status)") }
                if run.status == 1 && run.stderr.isEmpty { failures.append("\(what): failed without a message") }
                if !HostileOutputTests.isInert(run.stdout) { failures.append("\(what): a control character on stdout") }
                guard arguments[0] == "show" else { continue }
                for line in run.stdout.split(separator: "\n") where GlibcWcwidth.of(String(line)) > max(width, 2) {
                    failures.append("\(what): a line of \(GlibcWcwidth.of(String(line))) columns")
                    break
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failures of \(iterations) inputs:\n\(failures.prefix(10).joined(separator: "\n"))")
    }
}
