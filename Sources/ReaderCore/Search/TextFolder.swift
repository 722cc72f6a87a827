import CICU

/// Folds text for matching: NFKC with case folding (ICU `nfkc_cf`), as UTF-8 bytes, so
/// `ｏｐｅｎａｉ` and `OpenAI` fold alike and a byte search finds whole characters only.
///
/// ASCII, CJK ideographs, kana and Hangul syllables fold on a fast path (they are their own
/// NFKC form; ASCII only lowercases); everything else goes through ICU a run at a time.
public enum TextFolder {
    /// The folded UTF-8 bytes of `text`.
    public static func fold(_ text: String) -> [UInt8] {
        var folder = Folder(mapping: false)
        folder.add(text)
        return folder.finish().bytes
    }

    /// The folded bytes of `text`, and for each byte the UTF-16 offset in `text` it came from.
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

    /// True for code points that are their own NFKC case fold and never compose with a neighbour.
    @inline(__always)
    static func isStable(_ v: UInt32) -> Bool {
        (0x3041...0x3096).contains(v) || (0x30A1...0x30FA).contains(v) || (0x4E00...0x9FFF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0xAC00...0xD7A3).contains(v) || (0x3001...0x3003).contains(v)
            || (0x3008...0x3011).contains(v) || v == 0x30FC
    }

    /// Accumulates folded bytes, sending runs of other code points through ICU.
    struct Folder {
        let mapping: Bool
        var bytes: [UInt8] = []
        var origins: [Int32] = []
        /// UTF-16 units waiting for ICU, and the offset where the run started.
        var run: [UInt16] = []
        var runStart = 0
        var offset = 0

        init(mapping: Bool) { self.mapping = mapping }

        mutating func add(_ text: String) {
            bytes.reserveCapacity(bytes.count + text.utf8.count)
            if mapping { origins.reserveCapacity(origins.count + text.utf8.count) }
            for scalar in text.unicodeScalars {
                let v = scalar.value
                if v < 0x80 {
                    flush()
                    bytes.append(v >= 0x41 && v <= 0x5A ? UInt8(v + 0x20) : UInt8(v))
                    if mapping { origins.append(Int32(offset)) }
                } else if isStable(v) {
                    flush()
                    let before = bytes.count
                    bytes.append(contentsOf: scalar.utf8)
                    if mapping { origins.append(contentsOf: repeatElement(Int32(offset), count: bytes.count - before)) }
                } else {
                    if run.isEmpty { runStart = offset }
                    run.append(contentsOf: scalar.utf16)
                }
                offset += scalar.utf16.count
            }
        }

        /// Folds the pending run through ICU; its bytes all map to where the run started.
        mutating func flush() {
            guard !run.isEmpty else { return }
            var output = [UInt16](repeating: 0, count: run.count * 3 + 8)
            var length = run.withUnsafeBufferPointer { reader_nfkc_casefold($0.baseAddress, Int32($0.count), &output, Int32(output.count)) }
            if length > output.count {
                output = [UInt16](repeating: 0, count: Int(length))
                length = run.withUnsafeBufferPointer { reader_nfkc_casefold($0.baseAddress, Int32($0.count), &output, Int32(output.count)) }
            }
            let folded = length >= 0 ? String(decoding: output[..<Int(length)], as: UTF16.self) : String(decoding: run, as: UTF16.self)
            let before = bytes.count
            bytes.append(contentsOf: folded.utf8)
            if mapping { origins.append(contentsOf: repeatElement(Int32(runStart), count: bytes.count - before)) }
            run.removeAll(keepingCapacity: true)
        }

        mutating func finish() -> (bytes: [UInt8], origins: [Int32]) {
            flush()
            return (bytes, origins)
        }
    }
}
