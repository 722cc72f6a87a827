import Foundation

/// Takes out of a page, before it is parsed, the bytes no reader shows: the bodies of `<style>`
/// elements and the payloads of long `data:` URLs in attributes (inlined images and fonts). A
/// SingleFile page is mostly such bytes, and gumbo would otherwise walk every one of them: a
/// 5 MB page spent 84% of its time there. The tree that comes out is the same (the parser keeps
/// only a `data:` URL's scheme, and drops styles).
enum HTMLPayloadPruner {
    /// `data:` payloads shorter than this are left alone.
    static let shortPayload = 256

    /// `html` without style bodies and long `data:` payloads; the same bytes if it has neither.
    static func pruned(_ html: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var copied = 0
        var i = 0
        let n = html.count
        func skip(_ range: Range<Int>) {
            if out.isEmpty { out.reserveCapacity(n / 2) }
            out.append(contentsOf: html[copied..<range.lowerBound])
            copied = range.upperBound
        }
        while i < n {
            let byte = html[i]
            if byte == 0x3C, starts("<style", html, at: i), let open = firstIndex(of: 0x3E, html, from: i) {
                let body = open + 1
                let close = find("</style", html, from: body) ?? n
                if close > body { skip(body..<close) }
                i = max(close, body)
                continue
            }
            if byte == 0x64 || byte == 0x44, i > 0, [0x22, 0x27, 0x28, 0x3D].contains(html[i - 1]), starts("data:", html, at: i) {
                let start = i + 5
                var end = start
                while end < n, isPayload(html[end]) { end += 1 }
                // Only a payload that ends where the attribute or url() does is taken out.
                if end - start >= shortPayload, end < n, [0x22, 0x27, 0x29, 0x20, 0x3E].contains(html[end]) {
                    skip(start..<end)
                }
                i = end
                continue
            }
            i += 1
        }
        guard copied > 0 else { return html }
        out.append(contentsOf: html[copied...])
        return out
    }

    /// Bytes of a base64 or percent-encoded payload and its media type.
    private static func isPayload(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
            || [0x2B, 0x2F, 0x3D, 0x25, 0x2C, 0x3B, 0x3A, 0x2E, 0x5F, 0x2D].contains(byte)
    }

    /// Whether `pattern` (lowercase ASCII) starts at `index`, ignoring ASCII case.
    private static func starts(_ pattern: StaticString, _ bytes: [UInt8], at index: Int) -> Bool {
        let count = pattern.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return pattern.withUTF8Buffer { p in (0..<count).allSatisfy { bytes[index + $0] | 0x20 == p[$0] | 0x20 } }
    }

    private static func find(_ pattern: StaticString, _ bytes: [UInt8], from: Int) -> Int? {
        var at = from
        while let lt = firstIndex(of: 0x3C, bytes, from: at) {
            if starts(pattern, bytes, at: lt) { return lt }
            at = lt + 1
        }
        return nil
    }

    private static func firstIndex(of byte: UInt8, _ bytes: [UInt8], from: Int) -> Int? {
        guard from < bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, let hit = memchr(base + from, Int32(byte), buffer.count - from) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }
}
