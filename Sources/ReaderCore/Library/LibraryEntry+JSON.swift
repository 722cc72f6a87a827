extension LibraryEntry {
    /// The list as JSON (`JSONText`: Foundation's encoder takes longer than the list itself).
    public static func json(_ entries: [LibraryEntry]) -> String {
        var out = ""
        writeJSON(entries, to: { out += $0 })
        return out
    }

    /// The list as JSON, handed to `write` a piece at a time (`JSONText.write`).
    public static func writeJSON(_ entries: [LibraryEntry], to write: (String) -> Void) {
        JSONText.write(entries.count, { fields(entries[$0]) }, to: write)
    }

    /// One entry's fields, in key order.
    private static func fields(_ entry: LibraryEntry) -> [(String, String)] {
        var fields = [("bookmarked", "\(entry.bookmarked)"), ("format", JSONText.string(entry.format.rawValue)),
                      ("id", JSONText.string(entry.id)), ("path", JSONText.string(entry.path)), ("read", "\(entry.read)")]
        if let minutes = entry.minutes { fields.append(("minutes", "\(minutes)")) }
        if let progress = entry.progress { fields.append(("progress", "\(progress)")) }
        if let saved = entry.saved { fields.append(("saved", JSONText.string(saved))) }
        if let site = entry.site { fields.append(("site", JSONText.string(site))) }
        fields.append(("tags", "[" + entry.tags.map(JSONText.string).joined(separator: ",") + "]"))
        fields.append(("title", JSONText.string(entry.title)))
        return fields.sorted { $0.0 < $1.0 }
    }
}
