/// A fingerprint as a row or a list entry holds it: `Fingerprint`'s 16 lowercase hex digits as
/// their 64 bits (a string of 16 bytes is a heap block of its own, one for each of 100,000
/// rows), any other text as it is. The text it gives back is the text it was given.
public struct PackedFingerprint: Hashable, Sendable {
    private enum Storage: Hashable, Sendable {
        case bits(UInt64)
        case text(String)
    }

    private let storage: Storage

    public init(_ text: String) {
        storage = Self.bits(of: text).map(Storage.bits) ?? .text(text)
    }

    /// The fingerprint as it was given.
    public var text: String {
        switch storage {
        case .text(let text): return text
        case .bits(let bits):
            return String(unsafeUninitializedCapacity: 16) { buffer in
                for index in 0..<16 {
                    let digit = UInt8(truncatingIfNeeded: bits >> UInt64(60 - 4 * index)) & 0xF
                    buffer[index] = digit < 10 ? 0x30 + digit : 0x61 + digit - 10
                }
                return 16
            }
        }
    }

    /// The value of 16 lowercase hex digits; nil for anything else.
    private static func bits(of text: String) -> UInt64? {
        guard text.utf8.count == 16 else { return nil }
        var bits: UInt64 = 0
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39: bits = bits << 4 | UInt64(byte - 0x30)
            case 0x61...0x66: bits = bits << 4 | UInt64(byte - 0x61 + 10)
            default: return nil
            }
        }
        return bits
    }
}
