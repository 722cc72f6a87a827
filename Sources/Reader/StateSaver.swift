import Foundation
import ReaderCore

/// Saves the reader's changes to its state off the key loop, one save at a time and in order.
/// While another process holds the state's lock, the changes wait in memory and are tried again
/// every few seconds: the keys keep working, and the status line says what is going on.
final class StateSaver: @unchecked Sendable {
    /// How a save ended, and what its store had to say about the file.
    private enum Outcome {
        case saved(warnings: [String])
        case failed(StateStoreError, warnings: [String])
    }

    /// Used on `queue` only: a store of its own, so nothing is shared with the key loop's.
    private let store: StateStore
    private let queue = DispatchQueue(label: "reader.state-saver")
    private let lock = NSLock()
    /// The outcome of the save under way, once it has ended (guarded by `lock`).
    private var outcome: Outcome?
    // The key loop's own:
    private var pending: [StateChange] = []
    private var saving = 0
    private var retryAt = Date.distantPast
    private var waiting = false

    /// How long a save waits for the lock before the changes wait in memory instead.
    static let lockWait = 1.0
    /// How long the changes wait before they are tried again.
    static let retryInterval = 2.0
    /// How long the last save, on the way out, waits for the lock.
    static let finalLockWait = 5.0

    init(directory: String) {
        store = StateStore(directory: directory)
        store.lockTimeout = Self.lockWait
    }

    /// Whether every change given has been saved (or refused).
    var isIdle: Bool { pending.isEmpty && saving == 0 }

    /// Queues `changes`, saved at the next `step`.
    func save(_ changes: [StateChange]) {
        pending += changes
    }

    /// Takes the outcome of the save under way and starts the next when one is due; returns a
    /// message for the status line, if there is one. `live` gives the library's fingerprints.
    func step(live: @escaping @Sendable () -> Set<String>) -> String? {
        let message = collect()
        if saving == 0, !pending.isEmpty, Date() >= retryAt { start(live: live) }
        return message
    }

    /// Before the reader exits: waits for the save under way, then saves what is left, waiting
    /// for the lock as long as a command would; says what could not be saved.
    func finish(live: @escaping @Sendable () -> Set<String>) -> String? {
        queue.sync {}
        _ = collect()
        guard !pending.isEmpty else { return nil }
        let changes = pending
        return queue.sync { () -> String? in
            store.lockTimeout = Self.finalLockWait
            do { try store.apply(changes, liveFingerprints: live) } catch {
                return "\(Self.describe(changes.count)) to the state not saved: \(error)"
            }
            return nil
        }
    }

    /// The outcome of the save under way, if it has ended, taken into `pending`; its message.
    private func collect() -> String? {
        guard saving > 0, let ended = lock.withLock({ () -> Outcome? in defer { outcome = nil }; return outcome }) else { return nil }
        let count = saving
        saving = 0
        switch ended {
        case .saved(let warnings):
            pending.removeFirst(count)
            defer { waiting = false }
            return warnings.last ?? (waiting ? "saved: the other reader let go of the state" : nil)
        case .failed(.lockTimedOut, _):
            waiting = true
            retryAt = Date().addingTimeInterval(Self.retryInterval)
            return "waiting for another reader to let go of the state: \(Self.describe(pending.count)) kept, saved as soon as it does"
        case .failed(let error, let warnings):
            pending.removeFirst(count)
            return warnings.last ?? "not saved: \(error)"
        }
    }

    private func start(live: @escaping @Sendable () -> Set<String>) {
        let changes = pending
        saving = changes.count
        queue.async { [self] in
            let before = store.warnings.count
            let ended: Outcome
            do throws(StateStoreError) {
                try store.apply(changes, liveFingerprints: live)
                ended = .saved(warnings: Array(store.warnings.dropFirst(before)))
            } catch {
                ended = .failed(error, warnings: Array(store.warnings.dropFirst(before)))
            }
            lock.withLock { outcome = ended }
        }
    }

    /// "1 change", "3 changes".
    private static func describe(_ count: Int) -> String {
        count == 1 ? "1 change" : "\(count) changes"
    }
}
