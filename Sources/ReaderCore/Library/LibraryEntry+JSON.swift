import Dispatch
import Foundation

extension LibraryEntry {
    /// The list as JSON (`JSONArrayWriter`: Foundation's encoder takes longer than the list itself).
    public static func json(_ entries: [LibraryEntry]) -> String {
        var out: [UInt8] = []
        writeJSON(entries, to: { out += $0 })
        return String(decoding: out, as: UTF8.self)
    }

    /// The list as JSON, handed to `write` in pieces: runs of `run` entries, one a core at once,
    /// each written into bytes of its own and handed on in order.
    public static func writeJSON(_ entries: [LibraryEntry], run: Int = 2_048, to write: ([UInt8]) -> Void) {
        var writer = JSONArrayWriter()
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var start = 0
        while start < entries.count {
            let starts = Array(stride(from: start, to: min(entries.count, start + run * cores), by: run))
            var pieces = [[UInt8]](repeating: [], count: starts.count)
            pieces.withUnsafeMutableBufferPointer { slots in
                // Each run writes only its own slot.
                nonisolated(unsafe) let slots = slots
                DispatchQueue.concurrentPerform(iterations: starts.count) { piece in
                    var writer = JSONArrayWriter(after: starts[piece])
                    for index in starts[piece]..<min(entries.count, starts[piece] + run) {
                        writer.beginObject()
                        entries[index].writeFields(to: &writer)
                        writer.endObject()
                    }
                    slots[piece] = writer.take()
                }
            }
            if start == 0 { write(writer.take()) }  // the opening bracket
            for piece in pieces { write(piece) }
            start += starts.count * run
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
