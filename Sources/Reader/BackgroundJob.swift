import Foundation
import ReaderCore

/// Work that runs on a thread of its own (reading the library, searching it, wrapping or
/// folding a long article, waiting for a browser) and ends in an action for the reducer; the
/// key loop polls for it between keys, and shows its `progress` if it reports one.
final class BackgroundJob: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    /// Actions not yet taken by the loop: those posted on the way, then the last.
    private var actions: [Action] = []
    /// What a job does, for the loop to find one.
    enum Kind { case listing, search, other }

    let kind: Kind
    /// How far the work has come, and its off switch, when it has them.
    let progress: WorkProgress?

    /// Starts `work` at once.
    convenience init(_ kind: Kind = .other, progress: WorkProgress? = nil, _ work: @escaping @Sendable () -> Action?) {
        self.init(kind, progress: progress, posting: { _ in work() })
    }

    /// Starts `work` at once; it may `post` actions before the one it ends with (a first
    /// answer, a better one to follow), which the loop takes in order.
    init(_ kind: Kind = .other, progress: WorkProgress? = nil,
         posting work: @escaping @Sendable (_ post: @escaping @Sendable (Action) -> Void) -> Action?) {
        self.kind = kind
        self.progress = progress
        Thread.detachNewThread { [self] in
            let action = work { action in self.lock.withLock { self.actions.append(action) } }
            lock.withLock {
                if let action { actions.append(action) }
                done = true
            }
        }
    }

    /// Whether the job has ended, and the actions it gave since the last look.
    func take() -> (done: Bool, actions: [Action]) {
        lock.withLock {
            defer { actions.removeAll() }
            return (done, actions)
        }
    }
}
