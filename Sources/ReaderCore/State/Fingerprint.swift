/// A content fingerprint: a 64-bit multiply-xorshift hash over the first 8 KiB of a file's
/// bytes, eight at a time, and its size. Not cryptographic: it tells articles apart.
///
/// It reads no more than the library list already reads, so a cold list costs no extra I/O.
/// Two files that agree in size and in their first 8 KiB share a fingerprint (and so their
/// state); for saved articles that means the same article saved twice.
public enum Fingerprint {
    /// How many leading bytes are hashed.
    public static let prefixLength = 8 << 10

    /// The fingerprint of a file of `size` bytes that starts with `head`.
    public static func of(head: [UInt8], size: Int) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(size)
        func mix(_ word: UInt64) {
            hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
        }
        let bytes = head.prefix(prefixLength)
        bytes.withUnsafeBytes { buffer in
            var index = 0
            while index + 8 <= buffer.count {
                mix(buffer.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                index += 8
            }
            var tail: UInt64 = 0
            while index < buffer.count { tail = tail << 8 | UInt64(buffer[index]); index += 1 }
            mix(tail ^ UInt64(buffer.count))
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
