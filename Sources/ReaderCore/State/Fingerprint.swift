/// A content fingerprint: 64-bit FNV-1a over the first 16 KiB of a file's bytes and its size.
///
/// It reads no more than the library list already reads, so a cold list costs no extra I/O.
/// Two files that agree in size and in their first 16 KiB share a fingerprint (and so their
/// state); for saved articles that means the same article saved twice.
public enum Fingerprint {
    /// How many leading bytes are hashed.
    public static let prefixLength = 16 << 10

    /// The fingerprint of a file of `size` bytes that starts with `head`.
    public static func of(head: [UInt8], size: Int) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in head.prefix(prefixLength) {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        var sizeValue = UInt64(size)
        for _ in 0..<8 {
            hash ^= sizeValue & 0xFF
            hash = hash &* 0x100_0000_01b3
            sizeValue >>= 8
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
