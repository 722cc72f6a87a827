extension LibraryEntry {
    /// The list as JSON (`JSONArrayWriter`: Foundation's encoder takes longer than the list itself).
    public static func json(_ entries: [LibraryEntry]) -> String {
        var out: [UInt8] = []
        writeJSON(entries, to: { out += $0 })
        return String(decoding: out, as: UTF8.self)
    }

    /// The list as JSON, handed to `write` in pieces of about 64 KiB.
    public static func writeJSON(_ entries: [LibraryEntry], to write: ([UInt8]) -> Void) {
        var writer = JSONArrayWriter()
        for entry in entries {
            writer.beginObject()
            entry.writeFields(to: &writer)
            writer.endObject()
            if let piece = writer.takePiece() { write(piece) }
        }
        write(writer.finish())
    }

    /// The entry's fields, in key order.
    private func writeFields(to writer: inout JSONArrayWriter) {
        writer.field("bookmarked", literal: bookmarked ? "true" : "false")
        writer.field("format", string: format.rawValue)
        writer.field("id", string: id)
        if let minutes { writer.field("minutes", literal: String(minutes)) }
        writer.field("path", joining: folder, "/", id)
        if let progress { writer.field("progress", literal: "\(progress)") }
        writer.field("read", literal: read ? "true" : "false")
        if let saved { writer.field("saved", string: saved) }
        if let site { writer.field("site", string: site) }
        writer.field("tags", strings: tags)
        writer.field("title", string: title)
    }
}
