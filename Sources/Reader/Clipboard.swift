import Foundation
import ReaderCore

/// Copies text (a URL) to the clipboard: with `wl-copy` under Wayland, `xclip` or `xsel` under
/// X, each run as an argv with the text on its stdin; else with OSC 52 through the terminal.
struct Clipboard {
    let environment: [String: String]

    /// The copy program for this session, if one is there.
    func program() -> [String]? {
        let path = environment["PATH"]
        if environment["WAYLAND_DISPLAY"]?.isEmpty == false, ChildProcess.find(["wl-copy"], path: path) != nil {
            return ["wl-copy"]
        }
        guard environment["DISPLAY"]?.isEmpty == false else { return nil }
        switch ChildProcess.find(["xclip", "xsel"], path: path) {
        case "xclip": return ["xclip", "-selection", "clipboard"]
        case "xsel": return ["xsel", "--clipboard", "--input"]
        default: return nil
        }
    }

    /// Copies `text`; the message for the status line.
    func copy(_ text: String, terminal: Terminal) -> String {
        guard let argv = program() else {
            terminal.copyToClipboard(text)
            return "copied (through the terminal): \(text)"
        }
        var pipe: [Int32] = [0, 0]
        guard Glibc.pipe(&pipe) == 0 else { return "not copied: no pipe for \(argv[0])" }
        switch ChildProcess.spawn(argv, input: pipe[0], quiet: true) {
        case .failure(let error):
            close(pipe[0])
            close(pipe[1])
            return "not copied: \(error.text)"
        case .success(let pid):
            close(pipe[0])
            let bytes = Array(text.utf8)
            // A tool that quits without reading must not take the reader with it.
            let previous = signal(SIGPIPE, SIG_IGN)
            _ = bytes.withUnsafeBytes { write(pipe[1], $0.baseAddress, $0.count) }
            close(pipe[1])
            signal(SIGPIPE, previous)
            // The tool may stay to serve the selection: reaped in the background.
            Thread.detachNewThread { _ = ChildProcess.wait(for: pid) }
            return "copied with \(argv[0]): \(text)"
        }
    }
}
