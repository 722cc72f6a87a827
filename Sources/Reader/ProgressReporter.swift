import Foundation
import ReaderCore

/// Shows a piece of work's progress on standard error while it runs, when standard error is a
/// terminal (`reader: indexing 41,200/100,000…`, redrawn in place, cleared at the end); does
/// nothing otherwise.
final class ProgressReporter: @unchecked Sendable {
    let progress = WorkProgress()
    private let done = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let active = isatty(STDERR_FILENO) == 1

    init() {
        guard active else { return }
        Thread.detachNewThread { [self] in
            var shown = false
            // Quiet for the first half second: a quick answer draws nothing.
            var wait = DispatchTime.now() + .milliseconds(500)
            while done.wait(timeout: wait) == .timedOut {
                if let text = progress.text {
                    Platform.writeError("\r\u{1B}[Kreader: \(text)")
                    shown = true
                }
                wait = DispatchTime.now() + .milliseconds(200)
            }
            if shown { Platform.writeError("\r\u{1B}[K") }
            finished.signal()
        }
    }

    /// Stops showing progress and clears the line.
    func end() {
        guard active else { return }
        done.signal()
        finished.wait()
    }
}
