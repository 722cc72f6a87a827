import Foundation
import ReaderCore

/// Opens a link as SAFETY.md says: http/https only (checked again here), with `$BROWSER`
/// split into an argv (a `%u` argument replaced by the URL, else the URL appended), else
/// `xdg-open URL`; never through a shell. A terminal browser gets the terminal; a GUI opener
/// gets /dev/null and is not waited for.
struct LinkOpener {
    /// Browsers that draw in the terminal.
    static let terminalBrowsers: Set<String> = ["w3m", "lynx", "links", "elinks", "browsh", "carbonyl", "links2"]

    let browser: String?

    /// The argv for opening `url`.
    func arguments(for url: String) -> [String] {
        guard let browser, !browser.isEmpty else { return ["xdg-open", url] }
        // $BROWSER may list several commands separated by ':'; the first is used.
        let command = browser.split(separator: ":").first.map(String.init) ?? browser
        var argv = command.split(separator: " ").map(String.init)
        if let index = argv.firstIndex(of: "%u") { argv[index] = url } else { argv.append(url) }
        return argv
    }

    /// True when the opener runs in the terminal.
    func isTerminalBrowser(_ argv: [String]) -> Bool {
        Self.terminalBrowsers.contains((argv.first.map { ($0 as NSString).lastPathComponent }) ?? "")
    }

    /// Spawns the opener. Returns a message when it could not start or a terminal browser
    /// failed, or a job that waits for a GUI opener and answers with its failure, if it fails.
    func open(_ url: String, terminal: Terminal) -> (message: String?, job: BackgroundJob?) {
        guard Link.isOpenable(url) else { return ("not opened: only http and https links are opened", nil) }
        let argv = arguments(for: url)
        if isTerminalBrowser(argv) {
            var message: String?
            terminal.suspended {
                switch spawn(argv, quiet: false) {
                case .failure(let error): message = error.text
                case .success(let pid): message = Self.failure(of: argv, status: Self.wait(for: pid))
                }
            }
            return (message, nil)
        }
        switch spawn(argv, quiet: true) {
        case .failure(let error): return (error.text, nil)
        case .success(let pid):
            // Waited for on a thread of its own, so no zombie is left and a failure is reported.
            return (nil, BackgroundJob { Self.failure(of: argv, status: Self.wait(for: pid)).map(Action.failed) })
        }
    }

    /// A message for an opener that ended with `status` (from waitpid), nil when it succeeded.
    static func failure(of argv: [String], status: Int32) -> String? {
        let name = Sanitizer.line((argv[0] as NSString).lastPathComponent)
        let signal = status & 0x7F
        if signal != 0 { return "the browser (\(name)) was stopped by signal \(signal)" }
        let code = (status >> 8) & 0xFF
        return code == 0 ? nil : "the browser (\(name)) failed: exit status \(code)"
    }

    /// Waits for the child `pid`; its status as waitpid gives it.
    private static func wait(for pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status
    }

    /// Why an opener could not start.
    struct SpawnError: Error {
        let text: String
    }

    /// posix_spawnp with `argv`, in this process group (so a terminal browser is in the
    /// foreground); quiet: stdio on /dev/null.
    private func spawn(_ argv: [String], quiet: Bool) -> Result<pid_t, SpawnError> {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if quiet {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { for arg in cArgs { free(arg) } }
        // The child starts with no signal blocked and default handlers, whatever the reader set.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), defaults = sigset_t()
        sigemptyset(&empty)
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid = pid_t()
        let result = posix_spawnp(&pid, argv[0], &actions, &attributes, &cArgs, environ)
        guard result == 0 else {
            return .failure(SpawnError(text: "cannot open the link: \(Sanitizer.line(argv[0])): \(String(cString: strerror(result)))"))
        }
        return .success(pid)
    }
}
