/// A stable text dump for snapshot tests: the rows without trailing spaces, then the style
/// runs that are not `normal`, a row each.
extension Screen {
    public var dump: String {
        var out = ""
        for y in 0..<height { out += line(y).replacingTrailingSpaces() + "\n" }
        out += "--- styles\n"
        for y in 0..<height {
            var runs: [String] = []
            var start = 0
            for x in 1...width where x == width || self[x, y].style != self[start, y].style {
                let style = self[start, y].style
                if style != .normal { runs.append("\(start)-\(x - 1) \(style.rawValue)") }
                start = x
            }
            if !runs.isEmpty { out += "\(y): " + runs.joined(separator: ", ") + "\n" }
        }
        return out
    }

    /// Only the rows, without trailing spaces: what a person sees.
    public var text: String {
        (0..<height).map { line($0).replacingTrailingSpaces() }.joined(separator: "\n")
    }
}

extension String {
    /// The string without trailing spaces.
    fileprivate func replacingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
