/// A JSON array of objects written straight into bytes, laid out as `JSONEncoder` with
/// `.prettyPrinted, .sortedKeys` lays it out (two spaces a level, `"key" : value`). The caller
/// gives each object's fields in key order. A long array is taken a piece at a time
/// (`takePiece`), or its runs are written by writers of their own (`init(after:)`), so it is
/// never whole in memory.
struct JSONArrayWriter {
    /// How long the bytes grow before `takePiece` hands them on.
    static let pieceLength = 1 << 16

    private var bytes: [UInt8]
    private var objects: Int
    private var fields = 0

    /// A writer of a whole array, from its opening bracket.
    init() {
        (bytes, objects) = (Array("[\n".utf8), 0)
        bytes.reserveCapacity(Self.pieceLength + 4_096)
    }

    /// A writer of a run of an array's objects after the first `objects`, written by another
    /// writer: no bracket, and a comma before its first object when any came before.
    init(after objects: Int) {
        (bytes, self.objects) = ([], objects)
    }

    mutating func beginObject() {
        bytes += (objects == 0 ? "  {\n" : ",\n  {\n").utf8
        objects += 1
        fields = 0
    }

    mutating func endObject() {
        bytes += (fields == 0 ? "  }" : "\n  }").utf8
    }

    /// A field whose value is a JSON string.
    mutating func field(_ key: String, string value: String) {
        beginField(key)
        JSONText.append(value, to: &bytes)
    }

    /// A field whose value is a JSON string of `parts` joined, without joining them first.
    mutating func field(_ key: String, joining parts: String...) {
        beginField(key)
        bytes.append(0x22)
        for part in parts { JSONText.appendContent(part, to: &bytes) }
        bytes.append(0x22)
    }

    /// A field whose value is written as it is: a number or a boolean.
    mutating func field(_ key: String, literal value: String) {
        beginField(key)
        bytes += value.utf8
    }

    /// A field whose value is an array of strings, on one line.
    mutating func field(_ key: String, strings values: [String]) {
        beginField(key)
        bytes.append(0x5B)
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            JSONText.append(value, to: &bytes)
        }
        bytes.append(0x5D)
    }

    /// A key is the writer's own name, ASCII with nothing to escape: written as it is.
    private mutating func beginField(_ key: String) {
        bytes += (fields == 0 ? "    " : ",\n    ").utf8
        bytes.append(0x22)
        bytes += key.utf8
        bytes.append(0x22)
        bytes += " : ".utf8
        fields += 1
    }

    /// The bytes written so far, once they reach `pieceLength`; nil before.
    mutating func takePiece() -> [UInt8]? {
        guard bytes.count >= Self.pieceLength else { return nil }
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    /// The bytes written so far, whole: a run's (another writer closes the array), or the opening bracket.
    mutating func take() -> [UInt8] {
        defer { bytes = [] }
        return bytes
    }

    /// The rest of the array, closed.
    mutating func finish() -> [UInt8] {
        bytes += "\n]\n".utf8
        defer { bytes = [] }
        return bytes
    }
}
