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
        var hash = Hash64(seed: UInt64(size))
        head.prefix(prefixLength).withUnsafeBytes { hash.mix($0) }
        return hash.hex
    }
}
