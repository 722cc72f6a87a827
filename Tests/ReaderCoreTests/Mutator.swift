/// Mutates seed pages into fuzz inputs: byte flips, inserted, deleted and duplicated ranges,
/// splices of two seeds, hostile tokens, long runs and MIME boundaries, stacked 1 to 8 deep.
/// `input(iteration:)` depends only on the seed and the iteration, so one input can be made again
/// on its own.
struct Mutator {
    let corpus: [[UInt8]]
    let seed: UInt64
    /// The tokens inserted.
    let dictionary: [[UInt8]]

    init(corpus: [[UInt8]], seed: UInt64) {
        self.corpus = corpus
        self.seed = seed
        dictionary = Self.tokens + Self.listNumberTokens
    }
    /// Inputs are cut to this many bytes, so every one stays quick to parse.
    static let maximumLength = 96 << 10

    /// One input: the corpus entry it started from and the mutations applied, in order.
    struct Input {
        var bytes: [UInt8]
        var origin: Int
        var mutations: [String]
    }

    /// The input of `iteration`. The first iterations are the seeds themselves.
    func input(iteration: UInt64) -> Input {
        if iteration < UInt64(corpus.count) {
            return Input(bytes: corpus[Int(iteration)], origin: Int(iteration), mutations: [])
        }
        var rng = SplitMix64(seed: seed ^ (iteration &* 0xD1B5_4A32_D192_ED03))
        _ = rng.next()
        let origin = rng.below(corpus.count)
        var bytes = corpus[origin]
        var log: [String] = []
        let count = 1 << rng.below(4)  // 1, 2, 4 or 8 mutations
        for _ in 0..<count {
            log.append(mutate(&bytes, &rng))
            if bytes.count > Self.maximumLength { bytes.removeSubrange(Self.maximumLength...) }
        }
        return Input(bytes: bytes, origin: origin, mutations: log)
    }

    // MARK: - Mutations

    private func mutate(_ bytes: inout [UInt8], _ rng: inout SplitMix64) -> String {
        switch rng.below(100) {
        case 0..<10:  // flip one bit
            guard !bytes.isEmpty else { fallthrough }
            let at = rng.below(bytes.count), bit = rng.below(8)
            bytes[at] ^= 1 << UInt8(bit)
            return "flip bit \(bit) at \(at)"
        case 10..<18:  // overwrite a byte with an interesting value
            guard !bytes.isEmpty else { fallthrough }
            let at = rng.below(bytes.count), value = rng.pick(Self.interestingBytes)
            bytes[at] = value
            return "set byte at \(at) to \(value)"
        case 18..<24:  // insert random bytes
            let at = rng.below(bytes.count + 1)
            let insert = (0..<rng.within(1...16)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            bytes.insert(contentsOf: insert, at: at)
            return "insert \(insert.count) random bytes at \(at)"
        case 24..<34:  // delete a range
            guard !bytes.isEmpty else { fallthrough }
            let range = randomRange(in: bytes.count, &rng)
            bytes.removeSubrange(range)
            return "delete \(range)"
        case 34..<42:  // duplicate a range elsewhere, sometimes many times
            guard !bytes.isEmpty else { fallthrough }
            let range = randomRange(in: bytes.count, &rng)
            let times = rng.oneIn(4) ? rng.within(2...64) : 1
            let piece = Array(bytes[range])
            let at = rng.below(bytes.count + 1)
            for _ in 0..<times where bytes.count + piece.count <= Self.maximumLength { bytes.insert(contentsOf: piece, at: at) }
            return "duplicate \(range) ×\(times) at \(at)"
        case 42..<52:  // splice with another seed
            let other = corpus[rng.below(corpus.count)]
            guard !other.isEmpty else { return "splice (empty)" }
            if rng.oneIn(2) {
                let cut = rng.below(bytes.count + 1), from = rng.below(other.count)
                bytes = Array(bytes[..<cut]) + other[from...]
                return "splice: first \(cut) bytes, then another seed from \(from)"
            }
            let range = randomRange(in: other.count, &rng)
            let at = rng.below(bytes.count + 1)
            bytes.insert(contentsOf: other[range], at: at)
            return "splice: insert \(range) of another seed at \(at)"
        case 52..<80:  // insert a hostile token, often at a tag boundary
            let token = rng.pick(dictionary)
            let at = tagBoundary(in: bytes, &rng)
            bytes.insert(contentsOf: token, at: at)
            return "insert token \(Self.describe(token)) at \(at)"
        case 80..<87:  // a long run
            let (run, name) = longRun(&rng)
            let at = tagBoundary(in: bytes, &rng)
            bytes.insert(contentsOf: run, at: at)
            return "insert \(name) at \(at)"
        case 87..<92:  // MIME structure
            let token = rng.pick(Self.mimeTokens)
            let at = lineStart(in: bytes, &rng)
            bytes.insert(contentsOf: token, at: at)
            return "insert MIME \(Self.describe(token)) at \(at)"
        case 92..<96:  // replace a range with a token
            guard !bytes.isEmpty else { fallthrough }
            let range = randomRange(in: bytes.count, &rng)
            let token = rng.pick(dictionary)
            bytes.replaceSubrange(range, with: token)
            return "replace \(range) with \(Self.describe(token))"
        default:  // truncate
            let at = rng.below(bytes.count + 1)
            bytes.removeSubrange(at...)
            return "truncate at \(at)"
        }
    }

    /// A non-empty range of `0..<count`: mostly short, sometimes large.
    private func randomRange(in count: Int, _ rng: inout SplitMix64) -> Range<Int> {
        let start = rng.below(count)
        let longest = count - start
        let length = rng.oneIn(8) ? rng.within(1...longest) : rng.within(1...min(longest, 64))
        return start..<(start + length)
    }

    /// A position next to a `<` or `>` half the time, anywhere otherwise.
    private func tagBoundary(in bytes: [UInt8], _ rng: inout SplitMix64) -> Int {
        let at = rng.below(bytes.count + 1)
        guard rng.oneIn(2) else { return at }
        if let found = bytes[at...].firstIndex(where: { $0 == 0x3C || $0 == 0x3E }) {
            return bytes[found] == 0x3E ? found + 1 : found
        }
        return at
    }

    /// The start of a line at or after a random position, or the end.
    private func lineStart(in bytes: [UInt8], _ rng: inout SplitMix64) -> Int {
        let at = rng.below(bytes.count + 1)
        if let newline = bytes[at...].firstIndex(of: 0x0A) { return newline + 1 }
        return bytes.count
    }

    private func longRun(_ rng: inout SplitMix64) -> ([UInt8], String) {
        let count = rng.within(200...3000)
        switch rng.below(9) {
        case 0: return (Self.repeated("<div>", 1000), "1000× <div>")
        case 1: return (Self.repeated("<b>", 1000), "1000× <b>")
        case 2: return (Self.repeated("<table><tr><td>", 400), "400× <table><tr><td>")
        case 3: return (Self.repeated("<ul><li>", 500), "500× <ul><li>")
        case 4: return (Self.repeated("a", count), "\(count)× a")
        case 5: return (Self.repeated("中", count), "\(count)× 中")
        case 6: return (Self.repeated(" ", count), "\(count) spaces")
        case 7: return (Self.repeated("&amp;", count), "\(count)× &amp;")
        default: return (Self.repeated("\u{1B}[31m", count / 4), "\(count / 4)× ESC[31m")
        }
    }

    static func repeated(_ text: String, _ count: Int) -> [UInt8] {
        Array(String(repeating: text, count: count).utf8)
    }

    /// A token as printable text for the mutation log.
    static func describe(_ bytes: [UInt8], limit: Int = 40) -> String {
        var out = ""
        for byte in bytes.prefix(limit) {
            if byte >= 0x20 && byte < 0x7F && byte != 0x5C { out.unicodeScalars.append(Unicode.Scalar(byte)) } else {
                out += "\\x" + String(byte, radix: 16, uppercase: true)
            }
        }
        return "\"" + out + (bytes.count > limit ? "…" : "") + "\""
    }

    // MARK: - Dictionaries

    static let interestingBytes: [UInt8] = [
        0x00, 0x07, 0x09, 0x0A, 0x0D, 0x1B, 0x20, 0x22, 0x26, 0x27, 0x2F, 0x3B, 0x3C, 0x3D, 0x3E, 0x7F, 0x80, 0x9B,
        0xA0, 0xC0, 0xC2, 0xE2, 0xED, 0xEF, 0xF4, 0xF8, 0xFE, 0xFF,
    ]

    /// Hostile markup, escapes, bidi controls, combining marks, ZWJ emoji, variation selectors,
    /// Hangul jamo, invalid UTF-8 (CESU-8 surrogates among it), charsets and Markdown syntax.
    static let tokens: [[UInt8]] = {
        let text: [String] = [
            "<", "</", ">", "<!--", "-->", "<!", "<?", "<script>", "</script>", "<script type=\"application/ld+json\">",
            "<table>", "</table>", "<tr>", "<td>", "<th>", "<caption>", "<td colspan=1000000>", "<td colspan=-5>",
            "<ruby>", "</ruby>", "<rt>", "</rt>", "<rp>", "<rb>", "&#x1b;", "&#27;", "&#0;", "&#x9b;", "&#x202e;",
            "&#x2066;", "&#xd800;", "&#x110000;", "&#99999999999;", "&#7;", "&#x7f;", "&#x85;", "&NotEqualTilde;",
            "&amp;", "&amp;amp;", "&", "&#", "&lt;script&gt;", "\u{202E}", "\u{202A}", "\u{2066}", "\u{2069}",
            "\u{200F}", "\u{061C}", "\u{1B}[31m", "\u{1B}[2J", "\u{1B}]0;owned\u{07}", "\u{1B}]8;;http://evil.example/\u{1B}\\",
            "\u{1B}P1$r\u{1B}\\", "\u{1B}", "\u{9B}31m", "\u{9D}0;x\u{9C}", "\u{07}", "\u{00}", "\u{7F}", "\u{85}",
            "\u{AD}", "\u{FEFF}", "\u{200B}", "\u{0301}\u{0301}\u{0301}", "👩‍👩‍👧‍👦", "🇯🇵", "中", "ｶﾞ", "\u{3000}",
            "\u{FE0F}", "☺\u{FE0E}", "❤\u{FE0F}", "#\u{FE0F}\u{20E3}", "葛\u{E0100}", "\u{E0100}", "👍🏽\u{200D}",
            "\u{1100}\u{1161}\u{11A8}", "\u{1100}\u{1100}\u{1100}", "\u{1160}\u{11A8}", "\u{115F}\u{1160}", "\u{3131}\u{314F}",
            "\t", "\r", "\r\n", "\u{2028}", "\u{FFFD}", "<meta charset=gbk>", "<meta charset=\"shift_jis\">",
            "<meta charset=utf-16le>", "<meta charset=x-user-defined>", "<meta charset=utf-7>",
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=euc-jp\">", "<?xml version=\"1.0\" encoding=\"big5\"?>",
            "<div>", "</div>", "<p>", "</p>", "<br>", "<hr>", "<pre>", "</pre>", "<h1>", "</h1>", "<h2>", "<mark>",
            "</mark>", "<blockquote>", "<ul>", "<ol>", "<li>", "</li>", "</ul>", "<dl><dt>t<dd>", "<b>", "<i>",
            "<ol start=-1>", "<ol start=99999999999999999999>", "<ol reversed start=0><li>a<li>b</ol>", "<li value=-7>", "<img src=x.png>", "<img alt=\"\u{1B}[5malt\" src=x>",
            "<img width=1>", "<picture><img alt=p></picture>", "<a href=\"javascript:alert(1)\">js</a>",
            "<a href=\"https://example.com/\u{1B}[2J\">esc</a>", "<a href=\"https://exa\u{202E}mple.com/\">bidi</a>",
            "<a href=\"data:text/html,<script>\">d</a>", "<a href=\"//evil.example\">", "<a href=\"../x\">",
            "<a href=\"file:///etc/passwd\">", "<a href=\"http://[::1\">", "<a href=\"http://:80\">", "<a href>", "</a>",
            "<base href=\"javascript:alert(1)//\">", "<base href=\"http://base.example/a/\">",
            "<link rel=canonical href=\"\u{1B}[31mhttp://x\">", "<meta name=author content=\"\u{1B}]0;x\u{07}A\">",
            "<meta property=og:title content=\"&#x1b;[31mT\">", "<html lang=\"\u{1B}[31m\">", "<title>", "</title>",
            "<svg>", "<math>", "<template>", "<noscript>", "<plaintext>", "<xmp>", "<textarea>", "<style>", "<iframe>",
            "<![CDATA[", "]]>", "<!DOCTYPE html>", "<!DOCTYPE x [<!ENTITY a \"&a;&a;\">]>", "<x-custom><p>",
            "<div hidden>", "<div style=\"display:none\">", "<span aria-hidden=\"true\">", "<nav>", "<aside>",
            "<article>", "<main>", "<footer>", "<div class=\"comment sidebar\">", "<time datetime=\"\u{1B}[1m2024\">",
            "<!-- saved from url=(0041)javascript:alert(1) -->", "<!-- Saved from \u{1B}[31m at 2024-01-01 using monolith -->",
            "---\n", "---\ntitle: \u{1B}[31mT\nsource: javascript:alert(1)\ntags: [a, \u{202E}b]\n---\n",
            "| a | b |\n|---|---|\n| 1 | 2 |\n", "[^1]", "[^1]: note\n", "[x](javascript:alert(1))", "[y](https://e.com/\u{1B}[2J)",
            "<https://e.com/\u{1B}>", "```\n", "    code\n", "# ", "> ", "- ", "1. ", "==mark==", "**b**", "~~s~~", "\\",
            "=?utf-8?q?=1B[31m?=", "=?utf-8?b?G1szMW0=?=", "=\r\n", "=1B", "=00", "=FF", "=", "https://e.com/" + String(repeating: "x", count: 300),
        ]
        var tokens = text.map { Array($0.utf8) }
        // Invalid UTF-8: a lone continuation byte, overlong forms, a surrogate, past U+10FFFF, truncated sequences.
        tokens += [[0x80], [0xFF], [0xFE], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80],
                   [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82], [0xF0, 0x9F, 0x98],
                   [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0x1B, 0x5B, 0x33, 0x31, 0x6D, 0xC2, 0x9B, 0x32, 0x4A],
                   // CESU-8: U+1F600 as two encoded surrogates, and a lone high one.
                   [0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80], [0xED, 0xA0, 0xBD]]
        return tokens
    }()

    /// Ordered-list numbers at Int's limits, which once overflowed (`HostileHTMLTests.listNumbersNearIntMaxDoNotCrash`).
    static let listNumberTokens: [[UInt8]] = [
        "<ol start=9223372036854775807><li>a<li>b</ol>", "<ol reversed start=-9223372036854775808><li>a<li>b</ol>",
        "<li value=9223372036854775807>",
    ].map { Array($0.utf8) }

    /// MIME pieces: boundaries (the seed archive's and others), part headers and transfer encodings.
    static let mimeTokens: [[UInt8]] = [
        "--\(FuzzCorpus.boundary)\r\n", "--\(FuzzCorpus.boundary)--\r\n", "--\(FuzzCorpus.boundary)\r\nContent-Type: text/html\r\n\r\n",
        "--\(FuzzCorpus.boundary)\r\nContent-Type: text/html; charset=no-such-charset\r\nContent-Transfer-Encoding: base64\r\n\r\nPHA+aGk8L3A+G1szMW0=\r\n",
        "--\(FuzzCorpus.boundary)\r\nContent-Type: multipart/related; boundary=\"\(FuzzCorpus.boundary)\"\r\n\r\n",
        "--\r\n", "--\r\n\r\n", "------\r\n", "Content-Type: text/html; charset=\"utf-16\"\r\n",
        "Content-Type: multipart/related; boundary=\"\"\r\n", "Content-Type: multipart/related; boundary=x\r\n\r\n--x\r\n",
        "Content-Transfer-Encoding: base64\r\n", "Content-Transfer-Encoding: quoted-printable\r\n",
        "Content-Location: javascript:alert(1)\r\n", "Snapshot-Content-Location: \u{1B}[31mhttp://evil/\r\n",
        "Subject: =?utf-8?q?=1B]0;owned=07?=\r\n", "Subject: =?gbk?b?1tDOxA==?=\r\n", "\r\n\t continued\r\n", "\r\n\r\n",
        "Content-Type: text/html; charset=x-user-defined\r\n",
    ].map { Array($0.utf8) }
}
