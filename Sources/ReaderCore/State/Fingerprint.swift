/// A content fingerprint: a 64-bit multiply-xorshift hash (`Hash64`) of a file's size and every
/// one of its bytes, in 8 KiB pieces. Not cryptographic: it tells articles apart, and two files
/// share one (and so their state) only when their contents are the same.
///
/// The list hashes the head it reads for the title and streams the rest of the file through the
/// hash without keeping it. States written before (by a fingerprint of the size and the first
/// 8 KiB alone) are found by `legacy`, which differs only for files longer than 8 KiB.
public enum Fingerprint {
    /// The hash is fed this many bytes at a time; `legacy` hashed this many in all.
    public static let pieceLength = 8 << 10

    /// The fingerprint of a file whose bytes are all of `bytes`.
    public static func of(_ bytes: [UInt8]) -> String {
        var hash = Hash64(seed: UInt64(bytes.count))
        mix(bytes, into: &hash)
        return hash.hex
    }

    /// The fingerprint of the file at `path`, `size` bytes long, whose first bytes `head` (a whole
    /// number of pieces, or the whole file) were read already.
    public static func of(head: [UInt8], size: Int, path: String) throws(ArticleLoadError) -> String {
        var hash = Hash64(seed: UInt64(size))
        mix(head, into: &hash)
        if head.count < size {
            try FileReader.forEachPiece(of: path, from: head.count, length: pieceLength * 8) { mix($0, into: &hash) }
        }
        return hash.hex
    }

    /// The fingerprint a state written before whole files were hashed has for this file: its size
    /// and first 8 KiB; nil for a file of 8 KiB or less, whose fingerprint it is anyway.
    public static func legacy(head: [UInt8], size: Int) -> String? {
        guard size > pieceLength, head.count >= pieceLength else { return nil }
        var hash = Hash64(seed: UInt64(size))
        head.prefix(pieceLength).withUnsafeBytes { hash.mix($0) }
        return hash.hex
    }

    private static func mix(_ bytes: [UInt8], into hash: inout Hash64) {
        bytes.withUnsafeBytes { mix($0, into: &hash) }
    }

    private static func mix(_ bytes: UnsafeRawBufferPointer, into hash: inout Hash64) {
        var start = 0
        repeat {
            let end = min(start + pieceLength, bytes.count)
            hash.mix(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
            start = end
        } while start < bytes.count
    }
}
