import CICU

/// Turns a file's bytes into text: UTF-8 (with or without BOM), UTF-16 with BOM, or a legacy
/// CJK encoding found by ICU's statistical detector and converted by ICU. Invalid bytes become
/// U+FFFD and every valid character around them is kept.
public enum TextDecoder {
    /// Encodings the detector's answer is trusted for.
    static let legacyEncodings: Set<String> = [
        "GB18030", "Big5", "Shift_JIS", "EUC-JP", "EUC-KR", "ISO-2022-JP", "ISO-2022-KR", "ISO-2022-CN",
        "windows-1252", "ISO-8859-1", "windows-1251", "KOI8-R", "ISO-8859-2", "windows-1250",
    ]

    /// The decoded text and the name of the encoding it was in.
    public struct Result: Equatable, Sendable {
        public var text: String
        public var encoding: String
    }

    /// True when the bytes look like a binary file: a NUL, a known binary signature, or more than
    /// 5% control bytes other than TAB, LF, CR, FF and ESC in the first 4 KiB (UTF-16 with BOM excepted).
    public static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let utf16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || bomlessUTF16(bytes) != nil
        if utf16 { return false }
        let head = bytes.prefix(4096)
        let signatures: [[UInt8]] = [[0x89, 0x50, 0x4E, 0x47], [0x25, 0x50, 0x44, 0x46, 0x2D], [0x50, 0x4B, 0x03, 0x04],
                                     [0x7F, 0x45, 0x4C, 0x46], [0x47, 0x49, 0x46, 0x38], [0xFF, 0xD8, 0xFF], [0x1F, 0x8B]]
        if signatures.contains(where: { head.starts(with: $0) }) { return true }
        var controls = 0
        for byte in head {
            if byte == 0 { return true }
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C && byte != 0x1B) || byte == 0x7F {
                controls += 1
            }
        }
        return controls * 20 > head.count
    }

    /// Decodes `bytes`; the caller has already refused binary files.
    public static func decode(_ bytes: [UInt8]) -> Result {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return Result(text: String(decoding: bytes.dropFirst(3), as: UTF8.self), encoding: "UTF-8")
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return Result(text: utf16(bytes.dropFirst(2), bigEndian: false), encoding: "UTF-16LE") }
        if bytes.starts(with: [0xFE, 0xFF]) { return Result(text: utf16(bytes.dropFirst(2), bigEndian: true), encoding: "UTF-16BE") }
        if let bigEndian = bomlessUTF16(bytes) {
            return Result(text: utf16(bytes[...], bigEndian: bigEndian), encoding: bigEndian ? "UTF-16BE" : "UTF-16LE")
        }
        if let text = String(validating: bytes, as: UTF8.self) { return Result(text: text, encoding: "UTF-8") }
        if !mostlyUTF8(bytes), let name = detect(bytes), let text = convert(bytes, from: name) {
            return Result(text: text, encoding: name)
        }
        return Result(text: String(decoding: bytes, as: UTF8.self), encoding: "UTF-8")
    }

    /// The byte order of UTF-16 text without a BOM (true: big-endian), told by its NULs: the
    /// high bytes of ASCII and Latin text fall on odd offsets (little-endian) or even ones, for
    /// at least a quarter of the characters and nearly none on the other side, and what they decode to has no controls
    /// but whitespace. Nil for anything else (UTF-16 of CJK alone has no NULs to tell by).
    static func bomlessUTF16(_ bytes: [UInt8]) -> Bool? {
        let head = bytes.prefix(4096 & ~1)
        guard head.count >= 4 else { return nil }
        var even = 0, odd = 0
        for (offset, byte) in head.enumerated() where byte == 0 {
            if offset.isMultiple(of: 2) { even += 1 } else { odd += 1 }
        }
        let pairs = head.count / 2
        let bigEndian: Bool
        // A few NULs on the other side: characters such as U+4E00 whose low byte is 0.
        if odd * 4 >= pairs && even * 10 <= odd {
            bigEndian = false
        } else if even * 4 >= pairs && odd * 10 <= even {
            bigEndian = true
        } else {
            return nil
        }
        let text = utf16(head[...], bigEndian: bigEndian)
        let controls = text.unicodeScalars.contains { $0.value < 0x20 && !"\t\n\r\u{0C}".unicodeScalars.contains($0) }
        return controls ? nil : bigEndian
    }

    /// True when well-formed multi-byte UTF-8 sequences are at least as many as stray bytes:
    /// a UTF-8 file with some bad bytes, not a legacy encoding (where they are a few times rarer).
    static func mostlyUTF8(_ bytes: [UInt8]) -> Bool {
        var valid = 0, invalid = 0, i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b <= 0xDF ? 2 : 0
            var ok = length > 0 && i + length <= bytes.count
            if ok { for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { ok = false } }
            if ok { valid += 1; i += length } else { invalid += 1; i += 1 }
        }
        return valid >= invalid && valid > 0
    }

    /// ICU's best guess at the encoding, if it is one we trust.
    static func detect(_ bytes: [UInt8]) -> String? {
        let sample = Array(bytes.prefix(65536))
        var name = [CChar](repeating: 0, count: 64)
        let confidence = sample.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { reader_detect_charset($0.baseAddress, Int32($0.count), &name, Int32(name.count)) }
        }
        guard confidence >= 10 else { return nil }
        let detected = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return legacyEncodings.contains(detected) ? detected : nil
    }

    /// `bytes` converted from `charset` by ICU, with U+FFFD for what does not convert.
    static func convert(_ bytes: [UInt8], from charset: String) -> String? {
        var output = [UInt16](repeating: 0, count: bytes.count + 16)
        let length = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                reader_convert_to_utf16(charset, $0.baseAddress, Int32($0.count), &output, Int32(output.count))
            }
        }
        guard length >= 0, Int(length) <= output.count else { return nil }
        // Single-byte converters substitute U+001A; make every substitution the same visible mark.
        let units = output[..<Int(length)].map { $0 == 0x1A ? 0xFFFD : $0 }
        return String(decoding: units, as: UTF16.self)
    }

    static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(bigEndian ? a << 8 | b : b << 8 | a)
            i += 2
        }
        if i < bytes.endIndex { units.append(0xFFFD) }
        return String(decoding: units, as: UTF16.self)
    }
}
