extension LibraryEntry {
    /// The list as JSON (`JSONText`: Foundation's encoder takes longer than the list itself).
    public static func json(_ entries: [LibraryEntry]) -> String {
        JSONText.array(entries.map { entry in
            var fields = [("bookmarked", "\(entry.bookmarked)"), ("format", JSONText.string(entry.format.rawValue)),
                          ("id", JSONText.string(entry.id)), ("path", JSONText.string(entry.path)), ("read", "\(entry.read)")]
            if let saved = entry.saved { fields.append(("saved", JSONText.string(saved))) }
            fields.append(("title", JSONText.string(entry.title)))
            return fields
        })
    }
}
