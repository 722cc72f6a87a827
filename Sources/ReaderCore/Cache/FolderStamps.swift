/// A walk's record of the library's folders, each statted before its entries were read, beside
/// the stamp of the table of rows the walk found them to hold and those rows' signature
/// (`SearchIndex.signature`).
///
/// While every folder and the table are as recorded, no article was added, removed or renamed
/// since: a lazy check (`list` and `search --lazy-check`) takes the table's rows, and an index
/// that holds them, as the library without a stat of every file. An edit in place (an append, a
/// `>`) moves the file's mtime and not its folder's, so a lazy check does not see it; a full
/// check does, and records the folders again.
public struct FolderStamps: Equatable, Sendable {
    /// One folder: its real path (escaped) and its stamp.
    public struct Folder: Equatable, Sendable {
        public var path: String
        public var stamp: FileStamp
    }

    /// The library folder's real path (escaped).
    public var root: String
    /// The table file's stamp when the walk was recorded.
    public var table: FileStamp
    /// The signature of the table's rows.
    public var signature: String
    public var folders: [Folder]

    static let header = "reader-folders 1"

    /// Whether every folder is as recorded.
    public func stand() -> Bool {
        folders.allSatisfy { FileStamp.of(path: $0.path) == $0.stamp }
    }

    /// The record as lines, the last a check of the rest: the header, the root, the table's
    /// stamp, the signature, then a line per folder (its stamp, then its path).
    var text: String {
        var text = Self.header + "\n" + root + "\n" + table.fields + "\n" + signature + "\n"
        for folder in folders { text += folder.stamp.fields + "\t" + folder.path + "\n" }
        var check = Hash64()
        check.mix(text)
        return text + check.hex + "\n"
    }

    /// The record `text` writes; nil for any other text (another version's, cut short or damaged).
    init?(text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 6, lines.removeLast().isEmpty, lines.popLast() != nil, lines[0] == Self.header,
              let table = FileStamp(fields: lines[2].split(separator: "\t", omittingEmptySubsequences: false))
        else { return nil }
        var folders: [Folder] = []
        for line in lines.dropFirst(4) {
            let fields = line.split(separator: "\t", maxSplits: 5, omittingEmptySubsequences: false)
            guard fields.count == 6, let stamp = FileStamp(fields: fields.prefix(5)) else { return nil }
            folders.append(Folder(path: String(fields[5]), stamp: stamp))
        }
        self.init(root: String(lines[1]), table: table, signature: String(lines[3]), folders: folders)
        guard self.text == text else { return nil }
    }

    public init(root: String, table: FileStamp, signature: String, folders: [Folder]) {
        (self.root, self.table, self.signature, self.folders) = (root, table, signature, folders)
    }
}
