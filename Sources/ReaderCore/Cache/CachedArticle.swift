/// What the cache knows of one file, true while its size, modification time, inode and change
/// time stand: its list metadata.
public struct CachedArticle: Equatable, Sendable {
    public var id: String
    public var size: Int
    public var modified: Int
    public var inode: UInt64
    /// The change time (ctime), in nanoseconds.
    public var changed: Int
    public var date: String?
    public var title: String
    /// The site's name, else the source URL's host.
    public var site: String?
    public var tags: [String]
    /// The fingerprint states written before whole files were hashed know it by, if another.
    public var legacyFingerprint: String?
    /// The content fingerprint the state is keyed by, held packed (the small fields after it
    /// fill the rest of its last word: 144 bytes a row, 160 with `minutes` an `Int?`).
    var packedFingerprint: PackedFingerprint
    public var format: ArticleFormat
    /// How long it takes to read, in minutes: a dump's or clipping's from its head, scaled to the
    /// file's size; a web page's from the text outside its chrome elements (`PageTextEstimate`).
    @PackedOptionalInt public var minutes: Int?

    /// The content fingerprint the state is keyed by.
    public var fingerprint: String {
        get { packedFingerprint.text }
        set { packedFingerprint = PackedFingerprint(newValue) }
    }

    public init(id: String, size: Int, modified: Int, inode: UInt64 = 0, changed: Int = 0, format: ArticleFormat,
                fingerprint: String, date: String?, title: String, site: String? = nil, tags: [String] = [], minutes: Int? = nil,
                legacyFingerprint: String? = nil) {
        self.id = id
        self.size = size
        self.modified = modified
        self.inode = inode
        self.changed = changed
        self.format = format
        self.packedFingerprint = PackedFingerprint(fingerprint)
        self.date = date
        self.title = title
        self.site = site
        self.tags = tags
        self.minutes = minutes
        self.legacyFingerprint = legacyFingerprint
    }

    /// True when the row describes `file` as it is now.
    public func matches(_ file: LibraryFile) -> Bool {
        size == file.size && modified == file.modified && inode == file.inode && changed == file.changed && format == file.format
    }

    // MARK: - One line of `articles.tsv`

    /// The row as a tab-separated line; the id and title are escaped. Its last field checks the
    /// rest: a hash of the bytes before it.
    var line: String {
        let fields = [Self.escape(id), String(size), String(modified), String(inode), String(changed), format.rawValue, fingerprint,
                      date ?? "-", Self.escape(title), site.map(Self.escape) ?? "-", Self.escape(tags.joined(separator: "\n")),
                      minutes.map(String.init) ?? "-", legacyFingerprint ?? "-"].joined(separator: "\t")
        var hash = Hash64()
        hash.mix(fields)
        return fields + "\t" + hash.hex
    }

    /// Parses a line written by `line` (its bytes, without the newline); nil for anything else,
    /// a line whose check does not match included.
    init?(line: UnsafeRawBufferPointer.SubSequence) {
        var fields: [Range<Int>] = []
        fields.reserveCapacity(14)
        var start = line.startIndex
        for index in line.indices where line[index] == 0x09 {
            fields.append(start..<index)
            start = index + 1
        }
        fields.append(start..<line.endIndex)
        guard fields.count == 14 else { return nil }
        var hash = Hash64()
        hash.mix(UnsafeRawBufferPointer(rebasing: line[line.startIndex..<fields[13].lowerBound - 1]))
        guard line[fields[13]].elementsEqual(hash.hex.utf8) else { return nil }
        func text(_ k: Int) -> String { String(decoding: line[fields[k]], as: UTF8.self) }
        func number(_ range: Range<Int>) -> Int? {
            guard !range.isEmpty, range.count <= 19 else { return nil }
            var value = 0
            for index in range {
                let byte = line[index]
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                let (tens, over) = value.multipliedReportingOverflow(by: 10)
                let (sum, overAgain) = tens.addingReportingOverflow(Int(byte - 0x30))
                guard !over && !overAgain else { return nil }
                value = sum
            }
            return value
        }
        guard let size = number(fields[1]), let modified = number(fields[2]), let inode = number(fields[3]),
              let changed = number(fields[4]), let format = ArticleFormat(rawValue: text(5)), fields[6].count == 16,
              fields[12].count == 16 || text(12) == "-" else { return nil }
        let date = text(7)
        func unescaped(_ k: Int) -> String { Self.unescape(line[fields[k]]) }
        let site = line[fields[9]], tags = unescaped(10)
        self.init(id: unescaped(0), size: size, modified: modified, inode: UInt64(inode), changed: changed,
                  format: format, fingerprint: text(6), date: date == "-" ? nil : date, title: unescaped(8),
                  site: site.elementsEqual("-".utf8) ? nil : unescaped(9),
                  tags: tags.isEmpty ? [] : tags.split(separator: "\n").map(String.init), minutes: number(fields[11]),
                  legacyFingerprint: text(12) == "-" ? nil : text(12))
    }

    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// The text of an escaped field's bytes (`\\`, `\t`, `\n`, `\r` undone), made once.
    static func unescape(_ bytes: UnsafeRawBufferPointer.SubSequence) -> String {
        guard bytes.contains(0x5C) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var escaped = false
        for byte in bytes {
            if escaped {
                out.append(byte == 0x74 ? 0x09 : byte == 0x6E ? 0x0A : byte == 0x72 ? 0x0D : byte)
                escaped = false
            } else if byte == 0x5C {
                escaped = true
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
