import CICU

/// Decodes an HTML page's bytes to text: BOM, then the transport's charset (an MHTML part's
/// Content-Type), then the <meta> prescan of the first 1024 bytes, then ICU detection.
/// A label is checked against the bytes: a UTF-8 label on bytes that are not UTF-8, any other label on
/// bytes that are UTF-8, and a Latin label on bytes ICU finds to be CJK give way to what the bytes are.
public enum HTMLCharset {
    /// How many bytes the prescan looks at, as the HTML standard's end condition.
    static let prescanLength = 1024

    /// The least ICU confidence (0-100) for a detected CJK encoding to overrule a Latin label. ICU rates CJK
    /// text of a few dozen characters at 100; chance matches in other text rate far lower.
    static let overrulingConfidence: Int32 = 50

    /// The WHATWG Encoding Standard's labels, by the ICU converter that decodes their encoding.
    /// GBK is decoded as GB18030 (its superset), Shift_JIS as windows-31j, EUC-KR as windows-949 and
    /// Big5 as Big5-HKSCS, as the standard's decoders do, and x-user-defined as windows-1252. The
    /// "replacement" labels (ISO-2022-KR/CN, HZ) are left out, so such a page is detected; so is
    /// ISO-8859-16, which Debian's ICU data does not include.
    static let labelsByConverter: [(converter: String, labels: [String])] = [
        ("UTF-8", ["unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8"]),
        ("IBM866", ["866", "cp866", "csibm866", "ibm866"]),
        ("ISO-8859-2", ["csisolatin2", "iso-8859-2", "iso-ir-101", "iso8859-2", "iso88592", "iso_8859-2",
                        "iso_8859-2:1987", "l2", "latin2"]),
        ("ISO-8859-3", ["csisolatin3", "iso-8859-3", "iso-ir-109", "iso8859-3", "iso88593", "iso_8859-3",
                        "iso_8859-3:1988", "l3", "latin3"]),
        ("ISO-8859-4", ["csisolatin4", "iso-8859-4", "iso-ir-110", "iso8859-4", "iso88594", "iso_8859-4",
                        "iso_8859-4:1988", "l4", "latin4"]),
        ("ISO-8859-5", ["csisolatincyrillic", "cyrillic", "iso-8859-5", "iso-ir-144", "iso8859-5", "iso88595",
                        "iso_8859-5", "iso_8859-5:1988"]),
        ("ISO-8859-6", ["arabic", "asmo-708", "csiso88596e", "csiso88596i", "csisolatinarabic", "ecma-114",
                        "iso-8859-6", "iso-8859-6-e", "iso-8859-6-i", "iso-ir-127", "iso8859-6", "iso88596",
                        "iso_8859-6", "iso_8859-6:1987"]),
        ("ISO-8859-7", ["csisolatingreek", "ecma-118", "elot_928", "greek", "greek8", "iso-8859-7", "iso-ir-126",
                        "iso8859-7", "iso88597", "iso_8859-7", "iso_8859-7:1987", "sun_eu_greek"]),
        ("ISO-8859-8", ["csiso88598e", "csisolatinhebrew", "hebrew", "iso-8859-8", "iso-8859-8-e", "iso-ir-138",
                        "iso8859-8", "iso88598", "iso_8859-8", "iso_8859-8:1988", "visual"]),
        ("ISO-8859-8-I", ["csiso88598i", "iso-8859-8-i", "logical"]),
        ("ISO-8859-10", ["csisolatin6", "iso-8859-10", "iso-ir-157", "iso8859-10", "iso885910", "l6", "latin6"]),
        ("ISO-8859-13", ["iso-8859-13", "iso8859-13", "iso885913"]),
        ("ISO-8859-14", ["iso-8859-14", "iso8859-14", "iso885914"]),
        ("ISO-8859-15", ["csisolatin9", "iso-8859-15", "iso8859-15", "iso885915", "iso_8859-15", "l9"]),
        ("KOI8-R", ["cskoi8r", "koi", "koi8", "koi8-r", "koi8_r"]),
        ("KOI8-U", ["koi8-ru", "koi8-u"]),
        ("macintosh", ["csmacintosh", "mac", "macintosh", "x-mac-roman"]),
        ("windows-874", ["dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620", "windows-874"]),
        ("windows-1250", ["cp1250", "windows-1250", "x-cp1250"]),
        ("windows-1251", ["cp1251", "windows-1251", "x-cp1251"]),
        ("windows-1252", ["ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1",
                          "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1",
                          "us-ascii", "windows-1252", "x-cp1252", "x-user-defined"]),
        ("windows-1253", ["cp1253", "windows-1253", "x-cp1253"]),
        ("windows-1254", ["cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9", "iso88599", "iso_8859-9",
                          "iso_8859-9:1989", "l5", "latin5", "windows-1254", "x-cp1254"]),
        ("windows-1255", ["cp1255", "windows-1255", "x-cp1255"]),
        ("windows-1256", ["cp1256", "windows-1256", "x-cp1256"]),
        ("windows-1257", ["cp1257", "windows-1257", "x-cp1257"]),
        ("windows-1258", ["cp1258", "windows-1258", "x-cp1258"]),
        ("x-mac-cyrillic", ["x-mac-cyrillic", "x-mac-ukrainian"]),
        ("GB18030", ["chinese", "csgb2312", "csiso58gb231280", "gb18030", "gb2312", "gb_2312", "gb_2312-80", "gbk",
                     "iso-ir-58", "x-gbk"]),
        ("Big5-HKSCS", ["big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"]),
        ("EUC-JP", ["cseucpkdfmtjapanese", "euc-jp", "x-euc-jp"]),
        ("ISO-2022-JP", ["csiso2022jp", "iso-2022-jp"]),
        ("windows-31j", ["csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j", "x-sjis"]),
        ("windows-949", ["cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987",
                         "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949"]),
        ("UTF-16BE", ["unicodefffe", "utf-16be"]),
        ("UTF-16LE", ["csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le"]),
    ]

    /// The ICU converter name for each label.
    static let converterNames: [String: String] = Dictionary(uniqueKeysWithValues: labelsByConverter.flatMap { entry in
        entry.labels.map { ($0, entry.converter) }
    })

    /// Converters for the CJK multi-byte encodings, which ICU's detector may prefer over a single-byte label.
    static let cjkConverters: Set<String> = ["GB18030", "Big5-HKSCS", "windows-31j", "EUC-JP", "windows-949"]

    /// Converters for the single-byte Latin-script encodings, the labels a server or template puts on pages
    /// in any encoding. (Cyrillic, Greek, Hebrew, Arabic and Thai text is mostly bytes above 0x7F that ICU can
    /// take for a CJK encoding, so their labels are trusted.)
    static let latinConverters: Set<String> = [
        "windows-1252", "windows-1250", "windows-1254", "windows-1257", "windows-1258", "macintosh", "ISO-8859-2",
        "ISO-8859-3", "ISO-8859-4", "ISO-8859-10", "ISO-8859-13", "ISO-8859-14", "ISO-8859-15",
    ]

    /// Decodes `bytes`; `declared` is a charset label from outside the page (MHTML part header), if any.
    public static func decode(_ bytes: [UInt8], declared: String? = nil) -> TextDecoder.Result {
        let byteOrderMarks: [[UInt8]] = [[0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF]]
        if byteOrderMarks.contains(where: bytes.starts(with:)) { return TextDecoder.decode(bytes) }
        let labelled = declared.flatMap(converterName(forLabel:)) ?? prescan(bytes).flatMap(converterName(forLabel:))
        guard let labelled, labelled != "UTF-8" else { return decodeUnlabelled(bytes) }
        let hasHighBytes = bytes.contains { $0 >= 0x80 }
        if hasHighBytes, let text = String(validating: bytes, as: UTF8.self) {
            return TextDecoder.Result(text: text, encoding: "UTF-8")
        }
        if hasHighBytes, latinConverters.contains(labelled), let detected = detection(of: bytes),
           cjkConverters.contains(detected.converter), detected.confidence >= overrulingConfidence {
            return convert(bytes, from: detected.converter)
        }
        return convert(bytes, from: labelled)
    }

    /// Decodes a page with no usable label (or a UTF-8 one): strict UTF-8, else mostly UTF-8, else ICU detection.
    static func decodeUnlabelled(_ bytes: [UInt8]) -> TextDecoder.Result {
        if let text = String(validating: bytes, as: UTF8.self) {
            return TextDecoder.Result(text: text, encoding: "UTF-8")
        }
        if !TextDecoder.mostlyUTF8(bytes), let detected = detection(of: bytes) {
            return convert(bytes, from: detected.converter)
        }
        return lossyUTF8(bytes)
    }

    /// `bytes` converted by the ICU converter `converter`, or decoded as lossy UTF-8 should ICU refuse it.
    static func convert(_ bytes: [UInt8], from converter: String) -> TextDecoder.Result {
        guard let text = TextDecoder.convert(bytes, from: converter) else { return lossyUTF8(bytes) }
        return TextDecoder.Result(text: text, encoding: converter)
    }

    /// `bytes` as UTF-8 with U+FFFD for each invalid sequence.
    static func lossyUTF8(_ bytes: [UInt8]) -> TextDecoder.Result {
        TextDecoder.Result(text: String(decoding: bytes, as: UTF8.self), encoding: "UTF-8")
    }

    /// The converter for the encoding ICU's detector finds in the first 64 KiB, if it is one TextDecoder trusts.
    static func detection(of bytes: [UInt8]) -> (converter: String, confidence: Int32)? {
        let sample = textOutsideTags(bytes.prefix(65536))
        var name = [CChar](repeating: 0, count: 64)
        let confidence = sample.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                reader_detect_charset($0.baseAddress, Int32($0.count), &name, Int32(name.count))
            }
        }
        let detected = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard confidence >= 10, TextDecoder.legacyEncodings.contains(detected),
              let converter = converterName(forLabel: detected)
        else { return nil }
        return (converter, confidence)
    }

    /// The bytes that are not inside "<…>": the markup would sway ICU's detector towards the wrong
    /// single-byte encoding (CJK bytes never include "<" or ">").
    static func textOutsideTags(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count)
        var inTag = false
        for byte in bytes {
            if byte == UInt8(ascii: "<") {
                inTag = true
            } else if byte == UInt8(ascii: ">") {
                inTag = false
            } else if !inTag {
                text.append(byte)
            }
        }
        return text
    }

    /// The ICU converter name for a WHATWG encoding label (case-insensitive, trimmed), or nil if unknown.
    static func converterName(forLabel label: String) -> String? {
        converterNames[normalized(label)]
    }

    /// The label without surrounding ASCII whitespace and in ASCII lowercase, as the Encoding Standard compares it.
    static func normalized(_ label: String) -> String {
        let bytes = Array(label.utf8)
        let start = bytes.firstIndex { !isSpace($0) } ?? bytes.endIndex
        let end = bytes.lastIndex { !isSpace($0) }.map { $0 + 1 } ?? start
        return String(decoding: bytes[start..<end].map(lowercased), as: UTF8.self)
    }

    /// The normalized label spelled by `bytes`, if it names a known encoding.
    static func knownLabel(_ bytes: some Collection<UInt8>) -> String? {
        let label = normalized(String(decoding: bytes, as: UTF8.self))
        return converterNames[label] == nil ? nil : label
    }

    /// The label a page's own declaration amounts to: "utf-8" for a UTF-16 one, since the page was read as ASCII.
    static func asciiCompatible(_ label: String) -> String {
        converterNames[label]?.hasPrefix("UTF-16") == true ? "utf-8" : label
    }

    /// The charset label found by the HTML standard's prescan ("prescan a byte stream to determine its encoding")
    /// of the first 1024 bytes.
    static func prescan(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(prescanLength)
        if head.starts(with: [0x3C, 0x00, 0x3F, 0x00, 0x78, 0x00]) { return "utf-16le" }
        if head.starts(with: [0x00, 0x3C, 0x00, 0x3F, 0x00, 0x78]) { return "utf-16be" }
        var position = head.startIndex
        while position < head.endIndex {
            if head[position...].starts(with: "<!--".utf8) {
                guard let end = firstIndex(of: "-->", in: head, from: position + 2) else { break }
                position = end + 2
            } else if startsMetaTag(head, at: position) {
                position += 5
                if let label = metaCharset(in: head, at: &position) { return label }
            } else if startsTag(head, at: position) {
                guard let end = head[position...].firstIndex(where: { isSpace($0) || $0 == UInt8(ascii: ">") })
                else { break }
                position = end
                while attribute(in: head, at: &position) != nil {}
            } else if head[position] == UInt8(ascii: "<"), position + 1 < head.endIndex,
                      "!/?".utf8.contains(head[position + 1]) {
                guard let end = head[(position + 1)...].firstIndex(of: UInt8(ascii: ">")) else { break }
                position = end
            }
            position += 1
        }
        return xmlDeclarationLabel(head)
    }

    /// True at "<meta" (any case) followed by whitespace or "/".
    static func startsMetaTag(_ head: ArraySlice<UInt8>, at position: Int) -> Bool {
        guard head.endIndex - position >= 6 else { return false }
        let after = head[position + 5]
        return head[position..<position + 5].map(lowercased).elementsEqual("<meta".utf8)
            && (isSpace(after) || after == UInt8(ascii: "/"))
    }

    /// True at "<" or "</" followed by an ASCII letter.
    static func startsTag(_ head: ArraySlice<UInt8>, at position: Int) -> Bool {
        guard head[position] == UInt8(ascii: "<") else { return false }
        let slashed = position + 1 < head.endIndex && head[position + 1] == UInt8(ascii: "/")
        let letter = slashed ? position + 2 : position + 1
        return letter < head.endIndex && (0x61...0x7A).contains(lowercased(head[letter]))
    }

    /// The charset a <meta> element's attributes declare, reading from just after "<meta"; nil when it declares
    /// none, or when the bytes run out inside it (`position` is then at the end).
    static func metaCharset(in head: ArraySlice<UInt8>, at position: inout Int) -> String? {
        var names: Set<[UInt8]> = []
        var gotPragma = false
        var needPragma: Bool?
        var charset: String?
        while let attribute = attribute(in: head, at: &position) {
            guard names.insert(attribute.name).inserted else { continue }
            switch String(decoding: attribute.name, as: UTF8.self) {
            case "http-equiv":
                gotPragma = attribute.value.elementsEqual("content-type".utf8)
            case "content":
                if needPragma == nil, let label = charsetInContent(attribute.value) {
                    charset = label
                    needPragma = true
                }
            case "charset":
                charset = knownLabel(attribute.value)
                needPragma = false
            default:
                break
            }
        }
        guard position < head.endIndex, let needPragma, !needPragma || gotPragma, let charset else { return nil }
        return asciiCompatible(charset)
    }

    /// The standard's "get an attribute": the next attribute's lowercased name and value, or nil at the tag's
    /// ">" or when the bytes run out (`position` is then at the end).
    static func attribute(in head: ArraySlice<UInt8>, at position: inout Int) -> (name: [UInt8], value: [UInt8])? {
        let end = head.endIndex
        while position < end, isSpace(head[position]) || head[position] == UInt8(ascii: "/") { position += 1 }
        guard position < end, head[position] != UInt8(ascii: ">") else { return nil }
        var name: [UInt8] = []
        while position < end, !isSpace(head[position]), head[position] != UInt8(ascii: "=") || name.isEmpty {
            if head[position] == UInt8(ascii: "/") || head[position] == UInt8(ascii: ">") { return (name, []) }
            name.append(lowercased(head[position]))
            position += 1
        }
        while position < end, isSpace(head[position]) { position += 1 }
        guard position < end else { return nil }
        guard head[position] == UInt8(ascii: "=") else { return (name, []) }
        position += 1
        while position < end, isSpace(head[position]) { position += 1 }
        guard position < end else { return nil }
        let first = head[position]
        if first == UInt8(ascii: ">") { return (name, []) }
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            guard let close = head[(position + 1)...].firstIndex(of: first) else {
                position = end
                return nil
            }
            let value = head[(position + 1)..<close].map(lowercased)
            position = close + 1
            return (name, value)
        }
        guard let stop = head[position...].firstIndex(where: { isSpace($0) || $0 == UInt8(ascii: ">") }) else {
            position = end
            return nil
        }
        let value = head[position..<stop].map(lowercased)
        position = stop
        return (name, value)
    }

    /// The standard's "extracting a character encoding from a meta element" for a lowercased content value
    /// such as "text/html; charset=gbk".
    static func charsetInContent(_ content: [UInt8]) -> String? {
        let end = content.endIndex
        var position = content.startIndex
        while let found = firstIndex(of: "charset", in: content[...], from: position) {
            position = found + 7
            while position < end, isSpace(content[position]) { position += 1 }
            guard position < end, content[position] == UInt8(ascii: "=") else { continue }
            position += 1
            while position < end, isSpace(content[position]) { position += 1 }
            guard position < end else { return nil }
            let first = content[position]
            if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
                guard let close = content[(position + 1)...].firstIndex(of: first) else { return nil }
                return knownLabel(content[(position + 1)..<close])
            }
            let stop = content[position...].firstIndex { isSpace($0) || $0 == UInt8(ascii: ";") } ?? end
            return knownLabel(content[position..<stop])
        }
        return nil
    }

    /// The standard's "get an XML encoding": the encoding an `<?xml … encoding="…"?>` declaration names,
    /// used when the prescan finds no <meta>.
    static func xmlDeclarationLabel(_ head: ArraySlice<UInt8>) -> String? {
        let end = head.endIndex
        guard head.starts(with: "<?xml".utf8), head.contains(UInt8(ascii: ">")),
              let found = firstIndex(of: "encoding", in: head, from: head.startIndex)
        else { return nil }
        var position = found + 8
        while position < end, head[position] <= 0x20 { position += 1 }
        guard position < end, head[position] == UInt8(ascii: "=") else { return nil }
        position += 1
        while position < end, head[position] <= 0x20 { position += 1 }
        guard position < end, head[position] == UInt8(ascii: "\"") || head[position] == UInt8(ascii: "'"),
              let close = head[(position + 1)...].firstIndex(of: head[position])
        else { return nil }
        let potential = head[(position + 1)..<close]
        guard !potential.contains(where: { $0 <= 0x20 }), let label = knownLabel(potential) else { return nil }
        return asciiCompatible(label)
    }

    /// Where `pattern` (ASCII) first occurs in `bytes` at or after `start`.
    static func firstIndex(of pattern: String, in bytes: ArraySlice<UInt8>, from start: Int) -> Int? {
        let pattern = Array(pattern.utf8)
        guard bytes.endIndex - start >= pattern.count else { return nil }
        return (start...(bytes.endIndex - pattern.count)).first {
            bytes[$0..<($0 + pattern.count)].elementsEqual(pattern)
        }
    }

    /// True for the HTML standard's ASCII whitespace: TAB, LF, FF, CR and SPACE.
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D || byte == 0x20
    }

    /// The byte with A-Z turned into a-z.
    static func lowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
    }
}
