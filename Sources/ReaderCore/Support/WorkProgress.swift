import Foundation

/// How far a long piece of work has come, and whether it is asked to stop: written by the
/// thread doing it (reading the library, building the search store), read by the one showing
/// it. Knows nothing of the work itself.
public final class WorkProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var stage = ""
    private var done = 0
    private var total = 0
    private var cancelled = false
    private var interrupter: (@Sendable () -> Void)?

    public init() {}

    /// Starts a stage of `total` steps (`indexing`), or of an unknown number (0).
    public func begin(_ stage: String, total: Int) {
        lock.withLock { (self.stage, done, self.total) = (stage, 0, total) }
    }

    /// One more step of the stage done.
    public func step() {
        lock.withLock { done += 1 }
    }

    /// Asks the work to stop at its next check, and interrupts what `interruptible` runs.
    public func cancel() {
        lock.withLock {
            cancelled = true
            interrupter?()
        }
    }

    /// Runs `body`, calling `interrupt` from the thread that cancels if the work is cancelled
    /// while it runs: how work that checks no flag, such as an SQLite query, is stopped.
    func interruptible<T, E: Error>(by interrupt: @escaping @Sendable () -> Void,
                                    _ body: () throws(E) -> T) throws(E) -> T {
        lock.withLock { interrupter = interrupt }
        defer { lock.withLock { interrupter = nil } }
        return try body()
    }

    public var isCancelled: Bool { lock.withLock { cancelled } }

    /// The status line's text: `indexing 3,412/10,000…`, or `scanning the library…` for a stage
    /// of no known length; nil before the first stage.
    public var text: String? {
        lock.withLock {
            if stage.isEmpty { return nil }
            return total == 0 ? "\(stage)…" : "\(stage) \(Self.grouped(done))/\(Self.grouped(total))…"
        }
    }

    /// `n` with a comma every three digits.
    static func grouped(_ n: Int) -> String {
        var digits = String(n), out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return digits + out
    }
}
