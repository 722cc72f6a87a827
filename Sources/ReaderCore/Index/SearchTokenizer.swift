import CSQLite

/// The index's tokenizer (`reader_tokenize` in CSQLite) seen from Swift, for the search that
/// reads every file: the same tokens at the same positions as FTS5 stores.
enum SearchTokenizer {
    /// One token: where its bytes are in the text, and its position (tokens at one position are
    /// alternatives, as a CJK run's last pair and its last character are).
    struct Token: Equatable {
        var range: Range<Int>
        var position: Int
    }

    /// The tokens of folded UTF-8 `text`, as a document (`query` false) or a query splits it.
    static func tokens(of text: UnsafeRawBufferPointer, query: Bool) -> [Token] {
        final class Sink {
            var tokens: [Token] = []
            var position = -1
        }
        let sink = Sink()
        guard let base = text.baseAddress, !text.isEmpty else { return [] }
        withExtendedLifetime(sink) {
            _ = reader_tokenize(base.assumingMemoryBound(to: CChar.self), Int32(text.count), query ? 1 : 0, { context, flags, _, _, start, end in
                let sink = Unmanaged<Sink>.fromOpaque(context!).takeUnretainedValue()
                if flags & FTS5_TOKEN_COLOCATED == 0 { sink.position += 1 }
                sink.tokens.append(Token(range: Int(start)..<Int(end), position: sink.position))
                return 0
            }, Unmanaged.passUnretained(sink).toOpaque())
        }
        return sink.tokens
    }

    /// The tokens of a query term, as byte strings.
    static func queryTokens(_ folded: [UInt8]) -> [[UInt8]] {
        folded.withUnsafeBytes { buffer in tokens(of: buffer, query: true).map { Array(buffer[$0.range]) } }
    }

    /// Whether a token is one CJK character, which a query finds at the start of a pair.
    static func isLoneCJK(_ token: [UInt8]) -> Bool {
        let scalars = String(decoding: token, as: UTF8.self).unicodeScalars
        return scalars.count == 1 && reader_is_cjk(scalars.first!.value) != 0
    }
}
