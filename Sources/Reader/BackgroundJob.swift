import Foundation
import ReaderCore

/// Work that runs on a thread of its own (reading the library, searching it, wrapping or
/// folding a long article, waiting for a browser) and ends in an action for the reducer; the
/// key loop polls for it between keys, and shows its `progress` if it reports one.
final class BackgroundJob: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    private var result: Action?
    /// What a job does, for the loop to find one.
    enum Kind { case listing, search, other }

    let kind: Kind
    /// How far the work has come, and its off switch, when it has them.
    let progress: WorkProgress?

    /// Starts `work` at once.
    init(_ kind: Kind = .other, progress: WorkProgress? = nil, _ work: @escaping @Sendable () -> Action?) {
        self.kind = kind
        self.progress = progress
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
