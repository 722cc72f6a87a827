/// JSON written directly, for output large enough that Foundation's encoder would dominate:
/// the same shape and key order as `JSONEncoder` with `.prettyPrinted, .sortedKeys`.
public enum JSONText {
    /// An array of objects, each given as its (key, JSON value) pairs in key order.
    public static func array(_ objects: [[(String, String)]]) -> String {
        var out = ""
        write(objects.count, { objects[$0] }, to: { out += $0 })
        return out
    }

    /// The array of `count` objects, the object at each index made as it is written, handed to
    /// `write` in pieces of about 64 KiB: a long list is never whole in memory.
    public static func write(_ count: Int, _ object: (Int) -> [(String, String)], to write: (String) -> Void) {
        guard count > 0 else { return write("[\n\n]\n") }
        var out = "[\n"
        for index in 0..<count {
            let fields = object(index)
            out += "  {\n"
            for (k, (key, value)) in fields.enumerated() {
                out += "    \"\(key)\" : \(value)"
                out += k == fields.count - 1 ? "\n" : ",\n"
            }
            out += index == count - 1 ? "  }\n" : "  },\n"
            if out.utf8.count >= 1 << 16 {
                write(out)
                out = ""
            }
        }
        write(out + "]\n")
    }

    /// A JSON string literal: quotes and backslashes escaped, and every control (C0, DEL, C1)
    /// and bidi control written `\uXXXX`, so none reaches a terminal that shows the JSON.
    public static func string(_ text: String) -> String {
        // The lead bytes of what may need escaping (C1 controls start C2, U+061C D8, the other
        // bidi controls E2): most text has none, and is checked no further.
        let leads = text.utf8.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE2 }
        guard leads, text.unicodeScalars.contains(where: { $0 == "\"" || $0 == "\\" || Sanitizer.isControlOrBidi($0.value) }) else {
            return "\"" + text + "\""
        }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if Sanitizer.isControlOrBidi(scalar.value) { out += unicodeEscape(scalar) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
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
