import Foundation
import Testing
@testable import ReaderCore

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
