/// JSON written directly, for output large enough that Foundation's encoder would dominate:
/// the same shape and key order as `JSONEncoder` with `.prettyPrinted, .sortedKeys`.
public enum JSONText {
    /// A JSON string literal: quotes and backslashes escaped, and every control (C0, DEL, C1)
    /// and bidi control written `\uXXXX`, so none reaches a terminal that shows the JSON.
    public static func string(_ text: String) -> String {
        guard needsEscapes(text) else { return "\"" + text + "\"" }
        var out: [UInt8] = []
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` as a JSON string literal (as `string` writes it) to `out`.
    static func append(_ text: String, to out: inout [UInt8]) {
        out.append(0x22)
        appendContent(text, to: &out)
        out.append(0x22)
    }

    /// Appends `text` as the inside of a JSON string literal (escaped, without its quotes).
    static func appendContent(_ text: String, to out: inout [UInt8]) {
        if !needsEscapes(text) { return out.append(contentsOf: text.utf8) }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += #"\""#.utf8
            case "\\": out += #"\\"#.utf8
            case "\n": out += #"\n"#.utf8
            case "\t": out += #"\t"#.utf8
            case "\r": out += #"\r"#.utf8
            default:
                if Sanitizer.isControlOrBidi(scalar.value) { out += unicodeEscape(scalar).utf8 } else { out += scalar.utf8 }
            }
        }
    }

    /// Whether `text` holds a quote, a backslash or a control or bidi control, read from its
    /// UTF-8 bytes: C1 controls are C2 80–9F, U+061C is D8 9C, U+200E–200F E2 80 8E–8F,
    /// U+202A–202E E2 80 AA–AE, U+2066–2069 E2 81 A6–A9.
    private static func needsEscapes(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let count = bytes.count
            for index in 0..<count {
                let byte = bytes[index]
                if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F { return true }
                guard byte == 0xC2 || byte == 0xD8 || byte == 0xE2, index + 1 < count else { continue }
                let next = bytes[index + 1]
                if byte == 0xC2 { if next <= 0x9F { return true } else { continue } }
                if byte == 0xD8 { if next == 0x9C { return true } else { continue } }
                guard index + 2 < count else { continue }
                let last = bytes[index + 2]
                if next == 0x80 && (last == 0x8E || last == 0x8F || (0xAA...0xAE).contains(last)) { return true }
                if next == 0x81 && (0xA6...0xA9).contains(last) { return true }
            }
            return false
        }
    }

    /// JSON from an encoder (which escapes only C0 controls) with every C1 control, DEL and
    /// bidi control in it written `\uXXXX`: outside its strings JSON holds none, so nothing
    /// else changes.
    public static func escapingControls(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { $0.value >= 0x7F && Sanitizer.isControlOrBidi($0.value) }) else { return json }
        var out = ""
        for scalar in json.unicodeScalars {
            if scalar.value >= 0x7F && Sanitizer.isControlOrBidi(scalar.value) {
                out += unicodeEscape(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `\u009b`: a scalar of the Basic Multilingual Plane as a JSON escape.
    private static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
