import Foundation

/// The part of a saved page the library list reads: everything before `<body>`, the first
/// `<h1>…</h1>` (titles are checked against it) and the first `<time>` tag, as a small document,
/// so listing a page costs a scan of its bytes and a parse of its head, not of the whole page.
enum PageHead {
    /// How much of the page is kept when it has no `<body>` tag to stop at.
    static let fallbackLength = 64 << 10

    /// The small document: the head, then a body holding only the first heading and time.
    static func excerpt(of html: String) -> String {
        let bytes = Array(html.utf8)
        let bodyStart = find("<body", in: bytes, from: 0).flatMap { tagStart($0, bytes) }
        let headEnd = bodyStart ?? min(bytes.count, fallbackLength)
        var out = Array(bytes[..<headEnd])
        out += Array("<body>".utf8)
        if let h1 = find("<h1", in: bytes, from: headEnd), let close = find("</h1>", in: bytes, from: h1),
           close - h1 < 8 << 10 {
            out += bytes[h1..<(close + 5)]
        }
        if let time = find("<time", in: bytes, from: headEnd),
           let end = bytes[time...].prefix(2048).firstIndex(of: 0x3E) {
            out += bytes[time...end]
        }
        out += Array("</body>".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// `index` when a tag name ends there (`<body>` but not `<bodyguard>`).
    private static func tagStart(_ index: Int, _ bytes: [UInt8]) -> Int? {
        let next = index + 5
        guard next < bytes.count else { return index }
        let byte = bytes[next]
        return byte == 0x3E || byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x2F ? index : nil
    }

    /// The first `pattern` (lowercase ASCII) at or after `from`, ignoring ASCII case.
    static func find(_ pattern: String, in bytes: [UInt8], from: Int) -> Int? {
        let needle = Array(pattern.utf8)
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress else { return nil }
            var at = from
            while at + needle.count <= buffer.count {
                guard let hit = memchr(base + at, Int32(first), buffer.count - at - needle.count + 1) else { return nil }
                let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                var k = 1
                while k < needle.count, buffer[index + k] | 0x20 == needle[k] || buffer[index + k] == needle[k] { k += 1 }
                if k == needle.count { return index }
                at = index + 1
            }
            return nil
        }
    }
}
