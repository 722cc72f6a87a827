import Foundation
import ReaderCore

/// Work that runs on a thread of its own (wrapping or folding a long article) and ends in an
/// action for the reducer; the key loop polls for it between keys.
final class BackgroundJob: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    private var result: Action?

    /// Starts `work` at once.
    init(_ work: @escaping @Sendable () -> Action?) {
        Thread.detachNewThread { [self] in
            let action = work()
            lock.lock()
            (done, result) = (true, action)
            lock.unlock()
        }
    }

    /// Whether the job has ended, and its action if it gave one.
    var state: (done: Bool, action: Action?) {
        lock.lock()
        defer { lock.unlock() }
        return (done, result)
    }
}
