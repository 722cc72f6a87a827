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

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    public static func string(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else { return "\"" + text + "\"" }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
