/// Quoted-printable decoding (RFC 2045), and RFC 2047's Q encoding with its `_` for a space.
enum QuotedPrintable {
    /// Quoted-printable `bytes` decoded.
    /// `=XX` (hex in either case) becomes its byte; `=` before a line break or the end, with only spaces
    /// or tabs between, is a soft line break and disappears with it; any other `=` is kept as written.
    /// With `underscoreIsSpace` (the Q encoding of encoded words) `_` becomes a space.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, underscoreIsSpace: Bool = false) -> [UInt8] {
        let equals = UInt8(ascii: "="), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n"), underscore = UInt8(ascii: "_")
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        let count = bytes.count
        var i = 0
        while i < count {
            let byte = bytes[i]
            if byte != equals {
                output.append(underscoreIsSpace && byte == underscore ? space : byte)
                i += 1
                continue
            }
            if i + 2 < count, let high = hexValue(bytes[i + 1]), let low = hexValue(bytes[i + 2]) {
                output.append(high << 4 | low)
                i += 3
                continue
            }
            var j = i + 1
            while j < count, bytes[j] == space || bytes[j] == tab { j += 1 }
            if j == count {
                i = j
            } else if bytes[j] == lf {
                i = j + 1
            } else if bytes[j] == cr, j + 1 == count || bytes[j + 1] == lf {
                i = min(j + 2, count)
            } else {
                output.append(equals)
                i += 1
            }
        }
        return output
    }

    /// The value of one hexadecimal digit, upper or lower case.
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
