import Foundation

/// Signal handling for the interactive reader: SIGINT, SIGTERM and SIGHUP ask it to save and
/// quit; a crash restores the terminal before the process dies.
enum Signals {
    /// Set by the handler; read by the key loop after `get_wch` is interrupted.
    nonisolated(unsafe) static var quitRequested: sig_atomic_t = 0
    /// Called on a crash signal to restore the terminal (endwin).
    nonisolated(unsafe) static var restoreTerminal: (@convention(c) () -> Void)?

    /// Installs the handlers, without SA_RESTART, so a blocked `get_wch` returns, and unblocks
    /// the signals the reader needs (a parent may have left them blocked).
    static func install() {
        var needed = sigset_t()
        sigemptyset(&needed)
        for signal in [SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT] { sigaddset(&needed, signal) }
        pthread_sigmask(SIG_UNBLOCK, &needed, nil)
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
