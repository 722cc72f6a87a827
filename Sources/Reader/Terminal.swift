import CNcurses
import Foundation
import ReaderCore

/// Everything the reader does with ncursesw: set-up, keys, drawing screens, suspension for a
/// terminal browser, and restoring the terminal. No other file calls ncurses.
final class Terminal {
    /// Why the interactive reader cannot start here.
    enum StartError: Error, CustomStringConvertible {
        case dumbTerminal(String)
        case noUTF8Locale(String)
        case noKeyboard(String)

        var description: String {
            switch self {
            case .dumbTerminal(let term):
                return "TERM=\(Sanitizer.line(term.isEmpty ? "(unset)" : term)) cannot show the interactive reader; use 'reader list' and 'reader show ARTICLE'"
            case .noUTF8Locale(let codeset):
                return "the locale's character set is \(Sanitizer.line(codeset)), not UTF-8, and C.UTF-8 is not installed; use 'reader list' and 'reader show ARTICLE'"
            case .noKeyboard(let reason):
                return "standard input is not a terminal and /dev/tty cannot be opened (\(reason)); use 'reader list' and 'reader show ARTICLE'"
            }
        }
    }

    private let window: UnsafeMutablePointer<WINDOW>
    private let screenPointer: OpaquePointer
    /// The descriptor keys are read from.
    private let keyboard: Int32
    private var theme: Theme
    private var pairs: [Theme.Look: Int16] = [:]
    private var last: Screen?

    /// Sets the locale (falling back to C.UTF-8) and starts ncursesw on the terminal.
    /// `mouse`: clicks and the wheel come as keys (the terminal's own selection then needs Shift).
    init(theme: Theme, mouse: Bool = true) throws {
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" { throw StartError.dumbTerminal(term) }
        setlocale(LC_ALL, "")
        if !Self.localeIsUTF8() {
            setlocale(LC_CTYPE, "C.UTF-8")
            guard Self.localeIsUTF8() else { throw StartError.noUTF8Locale(String(cString: nl_langinfo(nl_item(CODESET)))) }
        }
        // Keys come from the terminal, as less reads them: /dev/tty when standard input is
        // redirected or closed (a read of /dev/null would return at once, forever).
        keyboard = isatty(STDIN_FILENO) == 1 ? STDIN_FILENO : open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard keyboard >= 0 else { throw StartError.noKeyboard(String(cString: strerror(errno))) }
        // newterm, not initscr: an unknown TERM returns NULL instead of exiting the process.
        guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(keyboard, "r"),
              let screen = newterm(nil, output, input), let window = reader_stdscr() else { throw StartError.dumbTerminal(term) }
        screenPointer = screen
        self.window = window
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        if mouse { reader_mouse_on() }
        set_escdelay(25)
        curs_set(0)
        let colorful = has_colors() && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) != false
        if colorful {
            start_color()
            use_default_colors()
        }
        self.theme = colorful ? theme.fitted(toColors: Int(reader_colors())) : theme.withoutColor()
    }

    static func localeIsUTF8() -> Bool {
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        return codeset == "UTF-8" || codeset == "utf8"
    }

    /// The terminal's size now.
    var size: (width: Int, height: Int) { (Int(getmaxx(window)), Int(getmaxy(window))) }

    /// Catches up with a resize whose SIGWINCH ncurses missed (one that lands between its check
    /// and its blocking read waits for the next key otherwise): compares the terminal's size
    /// (TIOCGWINSZ) with ncurses' and resizes ncurses' screen when they differ. True when it did.
    func catchUpWithResize() -> Bool {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else { return false }
        guard Int(size.ws_col) != self.size.width || Int(size.ws_row) != self.size.height else { return false }
        return resizeterm(Int32(size.ws_row), Int32(size.ws_col)) == OK
    }

    /// Restores the terminal from a signal handler, whatever state the reader is in.
    static func emergencyRestore() {
        endwin()
    }

    /// Restores the terminal.
    func close() {
        endwin()
        delscreen(screenPointer)
    }

    // MARK: - Keys

    /// How long `readKey` waits: for ever (nil), or this many milliseconds.
    func setKeyTimeout(milliseconds: Int?) {
        wtimeout(window, Int32(milliseconds ?? -1))
    }

    /// Whether input waits to be read as keys: the rest of a paste, or keys typed ahead. ncurses
    /// reads the keyboard a byte at a time, so what it has not taken is still in the descriptor.
    func keyIsWaiting() -> Bool {
        var waiting = pollfd(fd: keyboard, events: Int16(POLLIN), revents: 0)
        return poll(&waiting, 1, 0) == 1 && waiting.revents & Int16(POLLIN) != 0
    }

    /// The next key, or nil when interrupted, timed out (a signal) or the terminal resized (`resized` set).
    func readKey(resized: inout Bool) -> Key? {
        var character: wint_t = 0
        let result = wget_wch(window, &character)
        if result == KEY_CODE_YES {
            if Int32(character) == KEY_RESIZE { resized = true; return nil }
            if Int32(character) == KEY_MOUSE {
                var x: Int32 = 0, y: Int32 = 0
                switch reader_mouse_event(&x, &y) {
                case 1: return .click(x: Int(x), y: Int(y))
                case 2: return .wheelUp(x: Int(x), y: Int(y))
                case 3: return .wheelDown(x: Int(x), y: Int(y))
                default: return nil
                }
            }
            return Self.functionKey(Int32(character))
        }
        guard result == OK, let scalar = Unicode.Scalar(character) else { return nil }
        switch scalar.value {
        case 10, 13: return .enter
        case 27: return .escape
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(scalar.value + 96)!))
        case 0..<32: return nil
        default: return .character(Character(scalar))
        }
    }

    private static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_NPAGE: return .pageDown
        case KEY_PPAGE: return .pageUp
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        default: return nil
        }
    }

    // MARK: - Drawing

    /// Draws what changed since the last screen; everything after `invalidate`.
    func draw(_ screen: Screen) {
        if last == nil { wclear(window) }
        for change in screen.changes(from: last) {
            var x = change.x
            for cell in change.cells where cell.width > 0 {
                put(cell, x: x, y: change.y)
                x += cell.width
            }
        }
        if let cursor = screen.cursor {
            curs_set(1)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        wrefresh(window)
        last = screen
    }

    /// Forgets what is on the terminal, so the next draw repaints it all.
    func invalidate() {
        last = nil
    }

    private func put(_ cell: Cell, x: Int, y: Int) {
        var chars = cell.text.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) } + [0]
        let look = theme.look(cell.style)
        var attributes = reader_a_normal()
        if look.attributes.contains(.bold) { attributes |= reader_a_bold() }
        if look.attributes.contains(.dim) { attributes |= reader_a_dim() }
        if look.attributes.contains(.underline) { attributes |= reader_a_underline() }
        if look.attributes.contains(.reverse) { attributes |= reader_a_reverse() }
        var value = cchar_t()
        setcchar(&value, &chars, attributes, pair(for: look), nil)
        mvwadd_wch(window, Int32(y), Int32(x), &value)
    }

    /// The colour pair of a look's colours, made on first use (0: the terminal's own).
    private func pair(for look: Theme.Look) -> Int16 {
        let colors = Theme.Look(foreground: look.foreground, background: look.background)
        if colors.foreground == .terminal && colors.background == .terminal { return 0 }
        if let pair = pairs[colors] { return pair }
        let next = Int16(pairs.count + 1)
        guard Int(next) < Int(reader_color_pairs()) else { return 0 }
        func number(_ color: Theme.Color) -> Int16 { if case .index(let i) = color { return Int16(i) } else { return -1 } }
        init_pair(next, number(colors.foreground), number(colors.background))
        pairs[colors] = next
        return next
    }

    // MARK: - Handing the terminal over

    /// Runs `body` with the terminal restored to normal (for a terminal browser), then takes
    /// it back and repaints.
    /// Asks the terminal to put `text` on the clipboard (OSC 52), through ncurses' output.
    /// The text is base64, so no byte of it can act on the terminal.
    func copyToClipboard(_ text: String) {
        let sequence = "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
        _ = reader_putp(sequence)
    }

    func suspended(_ body: () -> Void) {
        endwin()
        body()
        wrefresh(window)
        invalidate()
    }
}
