import Foundation

/// Finds every occurrence of a byte string (folded UTF-8) in a buffer: `memchr` for the
/// needle's rarest byte, then `memcmp`, as fast grep tools do. Matches of valid UTF-8 in valid
/// UTF-8 always start on a character, so no match is ever half a character.
enum ByteSearch {
    /// The start offsets of the non-overlapping occurrences of `needle` in `haystack`.
    static func occurrences(of needle: [UInt8], in haystack: UnsafeRawBufferPointer) -> [Int] {
        guard !needle.isEmpty, let base = haystack.baseAddress, haystack.count >= needle.count else { return [] }
        let anchor = rarestIndex(needle)
        let anchorByte = Int32(needle[anchor])
        var found: [Int] = []
        needle.withUnsafeBytes { pattern in
            // `position` is where the anchor byte of the next candidate may be.
            var position = anchor
            let last = haystack.count - needle.count + anchor
            while position <= last, let hit = memchr(base + position, anchorByte, last - position + 1) {
                let at = base.distance(to: UnsafeRawPointer(hit)) - anchor
                if memcmp(base + at, pattern.baseAddress!, needle.count) == 0 {
                    found.append(at)
                    position = at + needle.count + anchor
                } else {
                    position = at + anchor + 1
                }
            }
        }
        return found
    }

    /// `occurrences` over an array.
    static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        haystack.withUnsafeBytes { occurrences(of: needle, in: $0) }
    }

    /// The index of the needle byte least likely in text, so `memchr` stops rarely.
    static func rarestIndex(_ needle: [UInt8]) -> Int {
        func commonness(_ byte: UInt8) -> Int {
            switch byte {
            case 0x20: return 100
            case 0xE3...0xE9: return 90  // lead bytes of kana, CJK ideographs, Hangul
            case 0x65, 0x74, 0x61, 0x6F, 0x69, 0x6E, 0x73, 0x72, 0x68, 0x6C: return 60  // e t a o i n s r h l
            case 0x61...0x7A: return 30
            case 0x30...0x39: return 20
            case 0x80...0xBF: return 15
            default: return 5
            }
        }
        var best = 0
        for index in needle.indices where commonness(needle[index]) < commonness(needle[best]) { best = index }
        return best
    }
}
