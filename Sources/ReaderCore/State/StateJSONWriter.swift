/// Writes a state file as JSON in pieces of about 64 KiB, the articles in key order, two spaces
/// of indent (the shape `JSONEncoder` gives with `.prettyPrinted` and `.sortedKeys`), every
/// control and bidi character escaped. Its `version` is last, where `StateStore` looks for it.
public enum StateJSONWriter {
    /// Hands `file` as JSON to `sink`, piece by piece; the last piece ends in a newline.
    public static func write(_ file: StateFile, to sink: (String) -> Void) {
        var out = "{\n  \"articles\" : {"
        out.reserveCapacity(80 << 10)
        var first = true
        for key in file.articles.keys.sorted() {
            let state = file.articles[key]!
            out += first ? "\n" : ",\n"
            first = false
            out += "    " + JSONText.string(key) + " : {\n"
            var fields = ["\"bookmarked\" : \(state.bookmarked)", "\"bookmarkedAt\" : " + number(state.bookmarkedAt),
                          "\"path\" : " + JSONText.string(state.path), "\"position\" : \(state.position)",
                          "\"positionAt\" : " + number(state.positionAt)]
            if let progress = state.progress { fields.append("\"progress\" : \(progress)") }
            fields += ["\"read\" : \(state.read)", "\"readAt\" : " + number(state.readAt)]
            out += fields.map { "      " + $0 }.joined(separator: ",\n") + "\n    }"
            if out.utf8.count >= 64 << 10 {
                sink(out)
                out = ""
            }
        }
        out += "\n  },\n"
        out += "  \"version\" : \(file.version)\n}\n"
        sink(out)
    }

    /// A time as JSON: whole numbers without a fraction, others as Swift's shortest form.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}
