import Foundation
import Testing
@testable import ReaderCore

/// Shrinks a failing input while it keeps failing: removes chunks from half its length down to
/// single bytes (ddmin's complement step), within a time budget.
enum FuzzMinimizer {
    static func minimize(_ input: [UInt8], seconds: Double, failing: ([UInt8]) -> Bool) -> [UInt8] {
        let deadline = Date().addingTimeInterval(seconds)
        var current = input
        var chunk = max(current.count / 2, 1)
        while chunk >= 1 && Date() < deadline {
            var start = 0
            var shrank = false
            while start < current.count && Date() < deadline {
                var candidate = current
                candidate.removeSubrange(start..<min(start + chunk, current.count))
                if failing(candidate) {
                    current = candidate
                    shrank = true
                } else {
                    start += chunk
                }
            }
            if !shrank || chunk > current.count { chunk /= 2 }
            if chunk == 0 { break }
        }
        return current
    }
}
