import Foundation

/// A saved MHTML page: the bytes of its HTML part and what the archive's headers say.
public struct MHTMLArchive: Equatable, Sendable {
    /// The first text/html part, transfer-decoded (quoted-printable or base64), charset not yet applied.
    public var html: [UInt8]
    /// The charset parameter of that part's Content-Type, if any.
    public var charset: String?
    /// The archive's Subject, RFC 2047 encoded words decoded.
    public var subject: String?
    /// Snapshot-Content-Location, else the HTML part's Content-Location: the page's source URL.
    public var location: String?
    /// The archive's Date header, if any, as written.
    public var date: String?

    /// Reads an archive; nil when `bytes` is not a MIME multipart archive with a text/html part
    /// (a single-part message whose own Content-Type is text/html also counts).
    public static func parse(_ bytes: [UInt8]) -> MHTMLArchive? {
        bytes.withUnsafeBufferPointer { buffer in
            let top = header(buffer, 0..<buffer.count)
            guard let part = htmlEntity(buffer, top.fields, body: top.body..<buffer.count, depth: 0) else {
                return nil
            }
            let body = UnsafeBufferPointer(rebasing: buffer[part.body])
            let html = switch part.fields["content-transfer-encoding"]?.lowercased() {
            case "quoted-printable": QuotedPrintable.decode(body)
            case "base64": base64Decoded(body)
            default: Array(body)
            }
            let location = top.fields["snapshot-content-location"] ?? part.fields["content-location"]
            return MHTMLArchive(html: html,
                                charset: contentType(part.fields["content-type"] ?? "").parameters["charset"],
                                subject: top.fields["subject"].map(EncodedWord.decode),
                                location: location.map(EncodedWord.decode),
                                date: top.fields["date"])
        }
    }

    /// Nested multiparts deeper than this are not looked into.
    static let maxDepth = 8

    /// The header fields the archive is read for.
    static let fieldNames: Set<String> = ["content-type", "content-transfer-encoding", "content-location",
                                          "snapshot-content-location", "subject", "date"]

    /// The first text/html entity in the entity with these header `fields` and `body`, if any.
    /// That is the entity itself, or, when it is a multipart, the first one found in its parts in order.
    static func htmlEntity(_ bytes: UnsafeBufferPointer<UInt8>, _ fields: [String: String], body: Range<Int>,
                           depth: Int) -> (fields: [String: String], body: Range<Int>)? {
        let type = contentType(fields["content-type"] ?? "")
        if type.mediaType == "text/html" { return (fields, body) }
        guard type.mediaType.hasPrefix("multipart/"), depth < maxDepth,
              let boundary = type.parameters["boundary"] else { return nil }
        let delimiter = Array("--\(boundary)".utf8)
        var next = nextDelimiter(bytes, delimiter, from: body.lowerBound, to: body.upperBound)
        while let start = next {
            let after = start + delimiter.count
            if after + 1 < body.upperBound, bytes[after] == UInt8(ascii: "-"), bytes[after + 1] == UInt8(ascii: "-") {
                return nil
            }
            let partStart = lineAfter(bytes, after, to: body.upperBound)
            next = nextDelimiter(bytes, delimiter, from: partStart, to: body.upperBound)
            // The line break before a delimiter belongs to the delimiter.
            var partEnd = next.map { max($0 - 1, partStart) } ?? body.upperBound
            if partEnd > partStart, bytes[partEnd - 1] == UInt8(ascii: "\r") { partEnd -= 1 }
            let part = header(bytes, partStart..<partEnd)
            if let found = htmlEntity(bytes, part.fields, body: part.body..<partEnd, depth: depth + 1) {
                return found
            }
        }
        return nil
    }

    /// The start of the first `delimiter` line at or after `from`, itself the start of a line.
    /// A delimiter line is the delimiter, then `--`, or spaces and tabs up to the line's end. Only line
    /// starts are compared, and no more than the line, so each byte is looked at about twice.
    static func nextDelimiter(_ bytes: UnsafeBufferPointer<UInt8>, _ delimiter: [UInt8], from: Int,
                              to end: Int) -> Int? {
        var line = from
        while line < end {
            if isDelimiter(bytes, delimiter, at: line, to: end) { return line }
            line = lineAfter(bytes, line, to: end)
        }
        return nil
    }

    /// True when the line starting at `line` is a `delimiter` line (see `nextDelimiter`).
    static func isDelimiter(_ bytes: UnsafeBufferPointer<UInt8>, _ delimiter: [UInt8], at line: Int,
                            to end: Int) -> Bool {
        guard end - line >= delimiter.count else { return false }
        for (offset, byte) in delimiter.enumerated() where bytes[line + offset] != byte { return false }
        var i = line + delimiter.count
        if i + 1 < end, bytes[i] == UInt8(ascii: "-"), bytes[i + 1] == UInt8(ascii: "-") { return true }
        while i < end, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") { i += 1 }
        return i == end || bytes[i] == UInt8(ascii: "\n") || bytes[i] == UInt8(ascii: "\r")
    }

    /// The index after the first line feed at or after `from`, or `end` when there is none.
    static func lineAfter(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, to end: Int) -> Int {
        guard from < end, let base = bytes.baseAddress,
              let found = memchr(base + from, Int32(UInt8(ascii: "\n")), end - from) else { return end }
        return UnsafeRawPointer(base).distance(to: found) + 1
    }

    /// The wanted header fields of the entity in `range`, and where its body starts.
    /// Fields are unfolded and trimmed; names are compared case-insensitively and the first non-empty
    /// field of a name wins. The body starts after the first blank line, or at the end of `range` when
    /// there is none. CRLF and LF line ends are both read.
    static func header(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>)
        -> (fields: [String: String], body: Int) {
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
        var fields: [String: String] = [:]
        var name: String?
        var value: [UInt8] = []
        /// Stores the field being read, if it is the first of its name and not empty.
        func finish() {
            let blank = { (byte: UInt8) in byte == space || byte == tab }
            if let name, fields[name] == nil, let first = value.firstIndex(where: { !blank($0) }),
               let last = value.lastIndex(where: { !blank($0) }) {
                fields[name] = String(decoding: value[first...last], as: UTF8.self)
            }
            name = nil
            value = []
        }
        var line = range.lowerBound
        while line < range.upperBound {
            let next = lineAfter(bytes, line, to: range.upperBound)
            var end = next
            if end > line, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
            if end > line, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            if end == line {
                finish()
                return (fields, next)
            }
            if bytes[line] == space || bytes[line] == tab {
                if name != nil { value += bytes[line..<end] }
            } else {
                finish()
                // No wanted name is longer than 32 bytes, so a long line costs no more than a short one.
                if let colon = bytes[line..<min(end, line + 33)].firstIndex(of: UInt8(ascii: ":")) {
                    let field = String(decoding: bytes[line..<colon], as: UTF8.self)
                        .trimmedWhitespace.lowercased()
                    if fieldNames.contains(field) {
                        name = field
                        value = Array(bytes[(colon + 1)..<end])
                    }
                }
            }
            line = next
        }
        finish()
        return (fields, range.upperBound)
    }

    /// The lowercased media type of a Content-Type value, and its parameters.
    /// Parameter names are lowercased and values unquoted (backslash escapes read); empty values are left
    /// out, and the first of a name wins.
    static func contentType(_ value: String) -> (mediaType: String, parameters: [String: String]) {
        var segments: [[UInt8]] = [[]]
        var quoted = false, escaped = false
        for byte in value.utf8 {
            if escaped {
                escaped = false
            } else if quoted, byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if byte == UInt8(ascii: ";"), !quoted {
                segments.append([])
                continue
            }
            segments[segments.count - 1].append(byte)
        }
        /// `bytes` as text without the whitespace around it.
        func trimmed(_ bytes: some Collection<UInt8>) -> String {
            String(decoding: bytes, as: UTF8.self).trimmedWhitespace
        }
        var parameters: [String: String] = [:]
        for segment in segments.dropFirst() {
            guard let equals = segment.firstIndex(of: UInt8(ascii: "=")) else { continue }
            let name = trimmed(segment[..<equals]).lowercased()
            var raw = Array(trimmed(segment[(equals + 1)...]).utf8)
            if raw.first == UInt8(ascii: "\"") {
                var unquoted: [UInt8] = []
                var escape = false
                for byte in raw.dropFirst() {
                    if escape {
                        escape = false
                    } else if byte == UInt8(ascii: "\\") {
                        escape = true
                        continue
                    } else if byte == UInt8(ascii: "\"") {
                        break
                    }
                    unquoted.append(byte)
                }
                raw = unquoted
            }
            if !raw.isEmpty, parameters[name] == nil { parameters[name] = String(decoding: raw, as: UTF8.self) }
        }
        return (trimmed(segments[0]).lowercased(), parameters)
    }

    /// The value of each base64 digit, 0xFF for bytes outside the alphabet.
    static let base64Values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, digit) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(digit)] = UInt8(value)
        }
        return table
    }()

    /// Base64 `bytes` decoded, leniently.
    /// Whitespace and other bytes outside the alphabet are skipped, decoding stops at the first `=`, and
    /// a last group of two or three digits gives one or two bytes (a lone last digit gives none).
    static func base64Decoded(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count / 4 * 3 + 2)
        var bits: UInt32 = 0
        var digits = 0
        base64Values.withUnsafeBufferPointer { values in
            for byte in bytes {
                if byte == UInt8(ascii: "=") { break }
                let value = values[Int(byte)]
                if value == 0xFF { continue }
                bits = bits << 6 | UInt32(value)
                digits += 1
                if digits == 4 {
                    output.append(UInt8(truncatingIfNeeded: bits >> 16))
                    output.append(UInt8(truncatingIfNeeded: bits >> 8))
                    output.append(UInt8(truncatingIfNeeded: bits))
                    bits = 0
                    digits = 0
                }
            }
        }
        if digits == 2 { output.append(UInt8(truncatingIfNeeded: bits >> 4)) }
        if digits == 3 {
            output.append(UInt8(truncatingIfNeeded: bits >> 10))
            output.append(UInt8(truncatingIfNeeded: bits >> 2))
        }
        return output
    }
}
