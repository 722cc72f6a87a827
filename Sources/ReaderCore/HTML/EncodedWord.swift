/// RFC 2047 encoded words (`=?charset?B?…?=`, `=?charset?Q?…?=`) in a header value.
enum EncodedWord {
    /// `value` with its encoded words decoded and the text around them kept.
    /// Words with only spaces or tabs between them are joined without that space, and adjacent words in
    /// one charset are converted together, so a character whose bytes were split across two words
    /// survives. A word in a charset that neither Swift nor ICU knows stays as written, with the space
    /// around it.
    static func decode(_ value: String) -> String {
        guard value.contains("=?") else { return value }
        let bytes = Array(value.utf8)
        var output = ""
        var plainStart = 0
        // Adjacent words in one charset, not yet converted: their charset, bytes and where they are written.
        var runCharset: String?
        var runBytes: [UInt8] = []
        var runRange = 0..<0
        // The whitespace between the previous run and this one, dropped unless one of them is kept as written.
        var gapBeforeRun: Range<Int>?
        var previousRunKept = false
        /// Writes the pending run, converted or as written, with the gap before it when that is kept.
        func flush() {
            guard let charset = runCharset else { return }
            let converted = text(runBytes, charset: charset)
            if let gap = gapBeforeRun, previousRunKept || converted == nil {
                output += String(decoding: bytes[gap], as: UTF8.self)
            }
            output += converted ?? String(decoding: bytes[runRange], as: UTF8.self)
            previousRunKept = converted == nil
            runCharset = nil
            runBytes = []
        }
        var i = 0
        while i < bytes.count {
            guard let found = word(bytes, at: i) else {
                i += 1
                continue
            }
            let gap = plainStart..<i
            let adjacent = runCharset != nil
                && bytes[gap].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            if adjacent, runCharset == found.charset {
                runBytes += found.bytes
                runRange = runRange.lowerBound..<found.end
            } else {
                flush()
                if adjacent {
                    gapBeforeRun = gap
                } else {
                    output += String(decoding: bytes[gap], as: UTF8.self)
                    gapBeforeRun = nil
                }
                runCharset = found.charset
                runBytes = found.bytes
                runRange = i..<found.end
            }
            i = found.end
            plainStart = i
        }
        flush()
        output += String(decoding: bytes[plainStart...], as: UTF8.self)
        return output
    }

    /// The well-formed encoded word that starts at `start`, if one does.
    /// Its charset is lowercased and without an RFC 2231 language; `end` is the index after its `?=`.
    static func word(_ bytes: [UInt8], at start: Int) -> (charset: String, bytes: [UInt8], end: Int)? {
        let question = UInt8(ascii: "?")
        guard start + 1 < bytes.count, bytes[start] == UInt8(ascii: "="), bytes[start + 1] == question else {
            return nil
        }
        let charsetStart = start + 2
        var i = charsetStart
        while i < bytes.count, isTokenByte(bytes[i]) { i += 1 }
        let charsetEnd = i
        guard charsetEnd > charsetStart, i + 2 < bytes.count, bytes[i] == question, bytes[i + 2] == question else {
            return nil
        }
        let encoding = bytes[i + 1] | 0x20
        guard encoding == UInt8(ascii: "b") || encoding == UInt8(ascii: "q") else { return nil }
        i += 3
        let textStart = i
        while i < bytes.count, bytes[i] != question, bytes[i] > 0x20, bytes[i] < 0x7F { i += 1 }
        guard i + 1 < bytes.count, bytes[i] == question, bytes[i + 1] == UInt8(ascii: "=") else { return nil }
        let decoded = bytes[textStart..<i].withUnsafeBufferPointer { text in
            encoding == UInt8(ascii: "b")
                ? MHTMLArchive.base64Decoded(text) : QuotedPrintable.decode(text, underscoreIsSpace: true)
        }
        let name = String(decoding: bytes[charsetStart..<charsetEnd], as: UTF8.self).lowercased()
        let charset = name.split(separator: "*", maxSplits: 1, omittingEmptySubsequences: false)[0]
        return (String(charset), decoded, i + 2)
    }

    /// True for the bytes RFC 2047 allows in a charset name: printable ASCII but space and especials.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F && !"()<>@,;:\\\"/[]?.=".utf8.contains(byte)
    }

    /// `bytes` as text in `charset`, with U+FFFD for bytes that do not convert; nil for an unknown one.
    static func text(_ bytes: [UInt8], charset: String) -> String? {
        switch charset {
        case "utf-8", "utf8", "us-ascii", "ascii": String(decoding: bytes, as: UTF8.self)
        default: charset.isEmpty ? nil : TextDecoder.convert(bytes, from: charset)
        }
    }
}
