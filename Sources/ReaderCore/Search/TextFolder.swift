import CICU

/// Folds text for matching, as UTF-8 bytes, so a byte search finds whole characters only:
/// NFKC with case folding (ICU `nfkc_cf`: `ｏｐｅｎａｉ` and `OpenAI` fold alike), without
/// Latin accents (`café` as `cafe`), katakana as hiragana (`カフェ` as `かふぇ`) and Traditional
/// Chinese as Simplified (`圖書館` as `图书馆`, `HanVariants`).
///
/// ASCII, CJK ideographs, kana and Hangul syllables fold on a fast path (they are their own
/// NFKC form; ASCII only lowercases). Everything else goes through ICU, a character (a base and
/// the marks that combine with it) at a time, so each folded byte knows where it came from;
/// a base on the fast path followed by a combining mark joins the mark in ICU.
public enum TextFolder {
    /// The folded UTF-8 bytes of `text`.
    public static func fold(_ text: String) -> [UInt8] {
        var folder = Folder(mapping: false)
        folder.add(text)
        return folder.finish().bytes
    }

    /// The folded bytes of `text`, and for each byte the UTF-16 offset in `text` of the
    /// character it came from.
    public static func foldWithOrigins(_ text: String) -> (bytes: [UInt8], origins: [Int32]) {
        var folder = Folder(mapping: true)
        folder.add(text)
        return folder.finish()
    }

    /// How many folded bytes one code point makes on its own.
    static func foldedLength(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x80 { return 1 }
        if isStable(v) { return scalar.utf8.count }
        return fold(String(scalar)).count
    }

    /// True for code points that are their own NFKC case fold.
    @inline(__always)
    static func isStable(_ v: UInt32) -> Bool {
        (0x3041...0x3096).contains(v) || (0x30A1...0x30FA).contains(v) || (0x4E00...0x9FFF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0xAC00...0xD7A3).contains(v) || (0x3001...0x3003).contains(v)
            || (0x3008...0x3011).contains(v) || v == 0x30FC
    }

    /// True for code points that compose with the character before them: combining marks,
    /// kana voicing marks (halfwidth ones too, which NFKC turns into combining ones), Hangul
    /// vowel and final jamo.
    @inline(__always)
    static func combines(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x300 { return false }
        return scalar.properties.canonicalCombiningClass.rawValue != 0 || (0x1161...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v)
            || v == 0x3099 || v == 0x309A || v == 0xFF9E || v == 0xFF9F
    }

    /// Accumulates folded bytes; characters off the fast path wait in `pending` until the
    /// next base, then go through ICU together.
    struct Folder {
        let mapping: Bool
        var bytes: [UInt8] = []
        var origins: [Int32] = []
        /// UTF-16 units of the character waiting for ICU, and its offset.
        var pending: [UInt16] = []
        var pendingOffset = 0
        /// Where the last fast-path character's bytes start, in case a mark follows it.
        var lastFast: (byteStart: Int, offset: Int, scalar: Unicode.Scalar)?
        var offset = 0

        init(mapping: Bool) { self.mapping = mapping }

        mutating func add(_ text: String) {
            bytes.reserveCapacity(bytes.count + text.utf8.count)
            if mapping { origins.reserveCapacity(origins.count + text.utf8.count) }
            for scalar in text.unicodeScalars {
                let v = scalar.value
                if combines(scalar) {
                    // A mark joins the character before it: take a fast-path base back.
                    if pending.isEmpty, let last = lastFast {
                        bytes.removeSubrange(last.byteStart...)
                        if mapping { origins.removeSubrange(last.byteStart...) }
                        pending.append(contentsOf: last.scalar.utf16)
                        pendingOffset = last.offset
                    }
                    if pending.isEmpty { pendingOffset = offset }
                    pending.append(contentsOf: scalar.utf16)
                    lastFast = nil
                } else if v < 0x80 || isStable(v) {
                    flush()
                    lastFast = (bytes.count, offset, scalar)
                    if v < 0x80 {
                        bytes.append(v >= 0x41 && v <= 0x5A ? UInt8(v + 0x20) : UInt8(v))
                    } else {
                        bytes.append(contentsOf: Self.variant(scalar).utf8)
                    }
                    if mapping { origins.append(contentsOf: repeatElement(Int32(offset), count: bytes.count - lastFast!.byteStart)) }
                } else {
                    // A new base off the fast path: it starts a character of its own when
                    // offsets are wanted, else it may share ICU's call with its neighbours.
                    if mapping { flush() }
                    if pending.isEmpty { pendingOffset = offset }
                    pending.append(contentsOf: scalar.utf16)
                    lastFast = nil
                }
                offset += scalar.utf16.count
            }
        }

        /// Folds the pending characters through ICU; their bytes map to where they started.
        mutating func flush() {
            guard !pending.isEmpty else { return }
            var output = [UInt16](repeating: 0, count: pending.count * 3 + 8)
            var length = pending.withUnsafeBufferPointer { reader_fold_for_search($0.baseAddress, Int32($0.count), &output, Int32(output.count)) }
            if length > output.count {
                output = [UInt16](repeating: 0, count: Int(length))
                length = pending.withUnsafeBufferPointer { reader_fold_for_search($0.baseAddress, Int32($0.count), &output, Int32(output.count)) }
            }
            let folded = length >= 0 ? String(decoding: output[..<Int(length)], as: UTF16.self) : String(decoding: pending, as: UTF16.self)
            let before = bytes.count
            for scalar in folded.unicodeScalars { bytes.append(contentsOf: Self.variant(scalar).utf8) }
            if mapping { origins.append(contentsOf: repeatElement(Int32(pendingOffset), count: bytes.count - before)) }
            pending.removeAll(keepingCapacity: true)
        }

        /// The form search keeps of a folded scalar: katakana as hiragana, Traditional as Simplified.
        @inline(__always)
        static func variant(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
            let v = scalar.value
            if (0x30A1...0x30F6).contains(v) { return Unicode.Scalar(v - 0x60)! }
            if HanVariants.range.contains(v) { return Unicode.Scalar(HanVariants.simplify(v))! }
            return scalar
        }

        mutating func finish() -> (bytes: [UInt8], origins: [Int32]) {
            flush()
            return (bytes, origins)
        }
    }
}
