import Foundation

/// Signal handling for the interactive reader: SIGINT, SIGTERM and SIGHUP ask it to save and
/// quit; a crash restores the terminal before the process dies.
enum Signals {
    /// Set by the handler; read by the key loop after `get_wch` is interrupted.
    nonisolated(unsafe) static var quitRequested: sig_atomic_t = 0
    /// Called on a crash signal to restore the terminal (endwin).
    nonisolated(unsafe) static var restoreTerminal: (@convention(c) () -> Void)?

    /// Installs the handlers, without SA_RESTART, so a blocked `get_wch` returns.
    static func install() {
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { _ in Signals.quitRequested = 1 }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
        for signal in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                Signals.restoreTerminal?()
                Glibc.signal(number, SIG_DFL)
                raise(number)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
    }
}
