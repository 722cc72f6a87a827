import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// The elements transformed on all cores, in order: a run of the array per core.
    func concurrentMap<T>(_ transform: @Sendable (Element) -> T) -> [T] {
        let pieces = Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount, count / 1_024))
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each piece initializes only its own run of slots.
            nonisolated(unsafe) let (slots, items) = (buffer, self)
            DispatchQueue.concurrentPerform(iterations: pieces) { piece in
                for index in items.count * piece / pieces..<items.count * (piece + 1) / pieces {
                    (slots.baseAddress! + index).initialize(to: transform(items[index]))
                }
            }
            initialized = items.count
        }
    }
}
