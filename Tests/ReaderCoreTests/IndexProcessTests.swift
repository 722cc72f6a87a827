import Foundation
import Testing
@testable import ReaderCore

/// The search index under real processes: `reader search` SIGKILLed while it builds the index;
/// the lazy check asked for by flag or by the config file.
@Suite(.serialized) struct IndexProcessTests {
    @Test func aSearchKilledWhileItIndexesLeavesAnIndexThatGivesTheRightAnswerNextTime() throws {
        var random = SplitMix64(seed: 42)
        let setup = try StateProcessTests.Setup(articles: 0)
        defer { setup.remove() }
        for index in 0..<1_500 {
            try FileManager.default.createDirectory(atPath: setup.library + "/box-\(index / 300)", withIntermediateDirectories: true)
            try SearchIndexTests.article(&random).write(toFile: setup.library + "/box-\(index / 300)/a\(index).txt",
                                                        atomically: false, encoding: .utf8)
        }
        var killed = 0
        for round in 0..<10 {
            let process = Process()
            process.executableURL = CommandLineTests.binary
            process.arguments = ["search", "harbour", "--library", setup.library, "--state-dir", setup.state]
            process.environment = ["XDG_CACHE_HOME": setup.cache, "HOME": "/nonexistent-home", "PATH": "/usr/bin:/bin"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(random.within(50_000...700_000)))
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { killed += 1 }
            // Files change between the runs, so each run has work to do and rows it left are now stale.
            for _ in 0..<150 {
                let index = random.below(1_500)
                let path = setup.library + "/box-\(index / 300)/a\(index).txt"
                try SearchIndexTests.article(&random).write(toFile: path, atomically: false, encoding: .utf8)
                try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: Double(1_700_000_000 + round))],
                                                      ofItemAtPath: path)
            }
        }
        #expect(killed >= 4, "too few runs were killed mid-index to prove anything")
        for query in SearchIndexTests.queries {
            let run = try setup.run(["search", query, "--json", "--all"])
            let printed = try JSONDecoder().decode([SearchResult].self, from: Data(run.stdout.utf8))
            let expected = try LibrarySearch.scanned(query, in: Library(root: setup.library)).results
            #expect(printed.map(\.id) == expected.map(\.id), "\(query)")
            #expect(printed.map(\.matches) == expected.map(\.matches), "\(query)")
        }
    }

    @Test func aLazyCheckIsAskedForByItsFlagOrTheConfigFileAndAFullCheckSeesAnEditInPlace() throws {
        let setup = try StateProcessTests.Setup(articles: 3)
        defer { setup.remove() }
        let config = setup.root.appendingPathComponent("config").path
        try FileManager.default.createDirectory(atPath: config + "/reader", withIntermediateDirectories: true)
        try "lazy-check = yes\n".write(toFile: config + "/reader/config", atomically: true, encoding: .utf8)
        func run(_ arguments: [String], configured: Bool = false) throws -> CommandLineTests.Run {
            try CommandLineTests.run(arguments + ["--library", setup.library, "--state-dir", setup.state],
                                     environment: ["XDG_CACHE_HOME": setup.cache,
                                                   "XDG_CONFIG_HOME": configured ? config : "/nonexistent-config"])
        }
        try LazyCheckTests.settle(setup.library, at: 1_600_000_000)
        #expect(try run(["search", "body"]).stdout.contains("article-2.txt"))
        // Rewritten in place: the folder's mtime stays, so only a full check sees the new title and word.
        let edited = setup.library + "/" + StateProcessTests.Setup.id(1)
        try "A quokka on the path\n\nWritten over in place.\n".write(toFile: edited, atomically: false, encoding: .utf8)
        for (arguments, configured) in [(["--lazy-check"], false), ([], true)] {
            let search = try run(["search", "quokka"] + arguments, configured: configured)
            #expect(search.stdout.isEmpty && search.stderr.contains("no article matches 'quokka'"), "\(arguments) \(configured)")
            #expect(try run(["list"] + arguments, configured: configured).stdout.contains("Article number 1"))
        }
        #expect(try run(["search", "quokka", "--no-lazy-check"], configured: true).stdout.contains("article-1.txt"))
        #expect(try run(["list", "--lazy-check"]).stdout.contains("A quokka on the path"), "the full check recorded the folders again")
        #expect(try run(["search", "quokka"], configured: true).stdout.contains("article-1.txt"))
    }
}
