import Foundation
import ReaderCore

/// Opens a link as SAFETY.md says: http/https only (checked again here), with `$BROWSER`
/// split into an argv (a `%u` argument replaced by the URL, else the URL appended), else
/// `xdg-open URL`; never through a shell (`ChildProcess`). A terminal browser gets the terminal; a GUI opener
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
                switch ChildProcess.spawn(argv, quiet: false) {
                case .failure(let error): message = error.text
                case .success(let pid): message = Self.failure(of: argv, status: ChildProcess.wait(for: pid))
                }
            }
            return (message, nil)
        }
        switch ChildProcess.spawn(argv, quiet: true) {
        case .failure(let error): return (error.text, nil)
        case .success(let pid):
            // Waited for on a thread of its own, so no zombie is left and a failure is reported.
            return (nil, BackgroundJob { Self.failure(of: argv, status: ChildProcess.wait(for: pid)).map(Action.status) })
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
}
