import Foundation
import ReaderCore

/// Keeps the library's full-text index current while the reader runs: after each reading of
/// the list, a job brings the index up to date on a thread of its own (`indexing 41,200/100,000…`
/// on the status line), and searches meanwhile answer from what is indexed plus a read of the
/// rest. Knows the rows it last indexed, so a search once it is done needs no check of the files.
final class LibraryIndexer: @unchecked Sendable {
    private let library: Library
    private let lock = NSLock()
    /// The rows last read, and whether the index holds them all as they are.
    private var rows: [CachedArticle]?
    private var current = false
    /// The index's keys since it was last brought up to date, once a search asked for them.
    private var indexKeys: IndexKeys?
    private var running: WorkProgress?
    /// The rows the last reading of the list found, for the next job (which then reads none).
    private var given: [CachedArticle]?

    init(library: Library) {
        self.library = library
    }

    /// What a search covers now.
    var scope: LibrarySearch.Scope {
        lock.withLock {
            guard let rows else { return .library }
            return current ? .indexed(rows) : .rows(rows)
        }
    }

    /// The index's keys while it is current, for a search that answers from it alone
    /// (`LibrarySearch.matched`): read by the first search that asks, on its thread, and kept
    /// until the next update (1.6 MB at 100,000 articles, so not read before one asks).
    func keys() -> IndexKeys? {
        let (isCurrent, known, job) = lock.withLock { (current, indexKeys, running) }
        guard isCurrent else { return nil }
        if let known { return known }
        guard let keys = try? library.cache?.index().keys() else { return nil }
        lock.withLock { if current && running === job { indexKeys = keys } }
        return keys
    }

    /// Gives the next job the rows a reading of the list found.
    func listed(_ rows: [CachedArticle]) {
        lock.withLock { given = rows }
    }

    /// A job that updates the index (in place of one under way); nil without a cache. It ends
    /// with no action, or a status line when the index could not be used.
    func job() -> BackgroundJob? {
        guard let cache = library.cache else { return nil }
        let progress = WorkProgress()
        let listed = lock.withLock {
            running?.cancel()
            running = progress
            (current, indexKeys) = (false, nil)
            defer { given = nil }
            return given
        }
        return BackgroundJob(progress: progress) { [self, library] in
            do {
                let rows = try listed ?? library.rows(progress: progress).rows
                lock.withLock { self.rows = rows }
                let index = try cache.index()
                let unreadable = Set(try index.update(rows, root: library.root, progress: progress).map(\.id))
                guard !progress.isCancelled else { return nil }
                // Files that could not be read are not searched until the next reading of the list
                // (and the rows are copied only then: at 100,000 they are 17 MB).
                lock.withLock {
                    guard running === progress else { return }
                    self.rows = unreadable.isEmpty ? rows : rows.filter { !unreadable.contains($0.id) }
                    current = true
                }
                return index.rebuilt.map { .status($0) }
            } catch {
                return progress.isCancelled ? nil : .status("the search index is not updated: \(error)")
            }
        }
    }
}
