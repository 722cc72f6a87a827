/// A 64-bit multiply-xorshift hash, fed words and bytes: fast, not cryptographic. The hash of
/// `Fingerprint`, the cache's row checks and the index's record of the rows it holds.
public struct Hash64 {
    public private(set) var value: UInt64

    /// A hash started from `seed`.
    public init(seed: UInt64 = 0) {
        value = 0xcbf2_9ce4_8422_2325 ^ seed
    }

    public mutating func mix(_ word: UInt64) {
        value = (value ^ word) &* 0x9E37_79B9_7F4A_7C15
        value ^= value >> 29
    }

    /// Mixes `bytes` eight at a time, then the rest with their count.
    public mutating func mix(_ bytes: UnsafeRawBufferPointer) {
        var index = 0
        while index + 8 <= bytes.count {
            mix(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            index += 8
        }
        var tail: UInt64 = 0
        while index < bytes.count { tail = tail << 8 | UInt64(bytes[index]); index += 1 }
        mix(tail ^ UInt64(bytes.count))
    }

    /// Mixes a string's UTF-8 bytes.
    public mutating func mix(_ text: String) {
        var text = text
        text.withUTF8 { mix(UnsafeRawBufferPointer($0)) }
    }

    /// The value as 16 hex digits.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
