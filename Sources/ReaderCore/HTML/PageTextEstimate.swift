/// The text of a saved web page as a quick byte scan sees it, for the list's reading time
/// without reader mode: everything outside tags and comments, less the contents of `script`,
/// `style`, `noscript`, `template`, `svg` and of the chrome elements `nav`, `header`, `footer`,
/// `aside` and `form`. An estimate: chrome in plain `div`s still counts.
enum PageTextEstimate {
    /// Elements whose contents are skipped.
    static let skipped: Set<String> = ["script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside",
                                       "form", "head"]

    /// The page's estimated text, its runs joined by spaces.
    static func text(of html: String) -> String {
        var html = html
        return html.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count / 4)
            var index = 0, skipping: String?, depth = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard byte == 0x3C else {  // "<"
                    if skipping == nil { out.append(byte) }
                    index += 1
                    continue
                }
                // A comment ends at "-->", anything else at ">".
                if index + 3 < bytes.count, bytes[index + 1] == 0x21, bytes[index + 2] == 0x2D, bytes[index + 3] == 0x2D {
                    index += 4
                    while index + 2 < bytes.count, !(bytes[index] == 0x2D && bytes[index + 1] == 0x2D && bytes[index + 2] == 0x3E) {
                        index += 1
                    }
                    index += 3
                    continue
                }
                let closing = index + 1 < bytes.count && bytes[index + 1] == 0x2F
                var nameEnd = index + (closing ? 2 : 1)
                let nameStart = nameEnd
                while nameEnd < bytes.count, nameEnd - nameStart < 16,
                      (0x61...0x7A).contains(bytes[nameEnd] | 0x20) || (0x30...0x39).contains(bytes[nameEnd]) {
                    nameEnd += 1
                }
                let name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self).lowercased()
                while nameEnd < bytes.count, bytes[nameEnd] != 0x3E { nameEnd += 1 }
                let selfClosing = nameEnd > 0 && nameEnd < bytes.count && bytes[nameEnd - 1] == 0x2F
                index = nameEnd + 1
                if let current = skipping {
                    if name == current { depth += closing ? -1 : (selfClosing ? 0 : 1) }
                    if depth == 0 { skipping = nil }
                } else if !closing, !selfClosing, skipped.contains(name) {
                    (skipping, depth) = (name, 1)
                } else {
                    out.append(0x20)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
