import Foundation

/// A file system path as the reader holds and prints it: text that is always valid, printable
/// UTF-8 and decodes back to the path's exact bytes.
///
/// A path component is kept as it is unless it has to be escaped. It is escaped when it is not
/// valid UTF-8, holds a control or bidi character, or holds `%` followed by two hex digits; then
/// each offending byte becomes `%XX` and each `%` becomes `%25`. Among names of one folder that
/// Unicode counts as the same text (NFC `café` and NFD `café`), the one in NFC keeps its form and
/// the others have every non-ASCII byte escaped, so every id is distinct as text too.
/// Decoding turns every `%XX` back into its byte: a component with none is its own bytes.
public enum EscapedPath {
    /// The escaped form of one path component's bytes; `asciiOnly` escapes every non-ASCII byte.
    public static func component<Bytes: Collection<UInt8>>(_ bytes: Bytes, asciiOnly: Bool = false) -> String {
        if !asciiOnly, let text = String(validating: bytes, as: UTF8.self), !needsEscape(text) { return text }
        var out = ""
        var rest = Array(bytes)[...]
        while !rest.isEmpty {
            let length = validSequenceLength(rest)
            let sequence = rest.prefix(max(length, 1))
            rest = rest.dropFirst(sequence.count)
            if length > 0, let scalar = String(decoding: sequence, as: UTF8.self).unicodeScalars.first,
               scalar != "%", !Sanitizer.isControlOrBidi(scalar.value), !(asciiOnly && !scalar.isASCII) {
                out.unicodeScalars.append(scalar)
            } else {
                for byte in sequence { out += hex(byte) }
            }
        }
        return out
    }

    /// The escaped form of a path given as text (a command-line argument), component by component.
    public static func of(_ path: String) -> String {
        path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map { component($0) }
            .joined(separator: "/")
    }

    /// The escaped form of a path the system returned.
    public static func of(systemPath: UnsafePointer<CChar>) -> String {
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(systemPath).assumingMemoryBound(to: UInt8.self),
                                        count: strlen(systemPath))
        return bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map { component($0) }
            .joined(separator: "/")
    }

    /// The path's bytes for a system call, NUL-terminated.
    public static func system(_ path: String) -> [CChar] {
        var out: [CChar] = []
        out.reserveCapacity(path.utf8.count + 1)
        let bytes = Array(path.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
               let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                out.append(CChar(bitPattern: high << 4 | low))
                index += 3
            } else {
                out.append(CChar(bitPattern: bytes[index]))
                index += 1
            }
        }
        out.append(0)
        return out
    }

    /// The canonical path of `path`, symlinks resolved, escaped, if it exists.
    public static func real(_ path: String) -> String? {
        guard let resolved = realpath(system(path), nil) else { return nil }
        defer { free(resolved) }
        return of(systemPath: resolved)
    }

    /// The escaped names of one folder's entries, in the order given: a name that Unicode counts
    /// as equal to an earlier-kept one, and that is not itself in NFC, has its non-ASCII escaped.
    static func names(_ entries: [[UInt8]]) -> [String] {
        var names = entries.map { component($0) }
        var groups: [String: [Int]] = [:]
        for (index, name) in names.enumerated() where !name.utf8.allSatisfy({ $0 < 0x80 }) {
            groups[name, default: []].append(index)
        }
        for members in groups.values where members.count > 1 {
            let keeper = members.first { names[$0].unicodeScalars.elementsEqual(names[$0].precomposedStringWithCanonicalMapping.unicodeScalars) }
                ?? members.min { entries[$0].lexicographicallyPrecedes(entries[$1]) }!
            for index in members where index != keeper { names[index] = component(entries[index], asciiOnly: true) }
        }
        return names
    }

    /// Whether valid text must still be escaped to be printed and decoded back unchanged.
    private static func needsEscape(_ text: String) -> Bool {
        var digitsAfterPercent = -1, ascii = true
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F { return true }
            if byte == UInt8(ascii: "%") {
                digitsAfterPercent = 0
            } else if digitsAfterPercent >= 0, hexValue(byte) != nil {
                digitsAfterPercent += 1
                if digitsAfterPercent == 2 { return true }
            } else {
                digitsAfterPercent = -1
                if byte >= 0x80 { ascii = false }
            }
        }
        return !ascii && text.unicodeScalars.contains { Sanitizer.isControlOrBidi($0.value) }
    }

    /// The length of the valid UTF-8 sequence that starts `bytes`, or 0 if it is not one.
    private static func validSequenceLength(_ bytes: ArraySlice<UInt8>) -> Int {
        guard let lead = bytes.first else { return 0 }
        let length = lead < 0x80 ? 1 : lead >= 0xC2 && lead < 0xE0 ? 2 : lead >= 0xE0 && lead < 0xF0 ? 3
            : lead >= 0xF0 && lead < 0xF5 ? 4 : 0
        guard length > 0, bytes.count >= length else { return 0 }
        return String(validating: bytes.prefix(length), as: UTF8.self) == nil ? 0 : length
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 15)])
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
