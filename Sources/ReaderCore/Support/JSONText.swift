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
        if !needsEscapes(text) {
            out.append(contentsOf: text.utf8)
            return out.append(0x22)
        }
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
        out.append(0x22)
    }

    /// Whether `text` holds a quote, a backslash or a control or bidi control. The lead bytes of
    /// what may need escaping (C1 controls start C2, U+061C D8, the other bidi controls E2) are
    /// looked for first: most text has none, and is checked no further.
    private static func needsEscapes(_ text: String) -> Bool {
        var text = text
        let leads = text.withUTF8 { bytes in
            bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE2 }
        }
        return leads && text.unicodeScalars.contains { $0 == "\"" || $0 == "\\" || Sanitizer.isControlOrBidi($0.value) }
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
