import Foundation
import Testing
@testable import ReaderCore

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
