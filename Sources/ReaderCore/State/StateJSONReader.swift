import Foundation

/// Reads a state file (`{"version": N, "articles": {KEY: {…}, …}}`) as it streams in, handing
/// over each article's entry as soon as it is read: no tree of the whole document is built, so
/// a state of 250,000 articles costs its entries and a 64 KiB buffer.
///
/// It is as strict as the file's `Decodable` form: any JSON syntax error, a missing or
/// fractional `version`, an `articles` that is not an object, or a field of the wrong type fails
/// with the byte where it went wrong. Unknown keys are skipped; a missing or null field takes its
/// default, as `ArticleState.init(from:)` gives it.
public struct StateJSONReader {
    /// Why a file is not a state file: what went wrong, and where.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    private let fill: (inout [UInt8]) -> Void
    private var buffer: [UInt8] = []
    private var index = 0
    private var offset = 0

    /// A reader over the chunks `fill` gives (it replaces the buffer's content; empty at the end).
    init(fill: @escaping (inout [UInt8]) -> Void) {
        self.fill = fill
    }

    /// The state in `bytes`.
    public static func parse(_ bytes: [UInt8]) throws(Failure) -> StateFile {
        var given = false
        var reader = StateJSONReader { buffer in
            buffer = given ? [] : bytes
            given = true
        }
        return try reader.file()
    }

    /// The state in the file open at `fd`, read to its end.
    public static func parse(fd: Int32) throws(Failure) -> StateFile {
        var reader = StateJSONReader(descriptor: fd)
        return try reader.file()
    }

    /// A reader of the file open at `fd`.
    init(descriptor fd: Int32) {
        self.init { buffer in
            buffer = [UInt8](repeating: 0, count: 64 << 10)
            var n: Int
            repeat { n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) } } while n < 0 && errno == EINTR
            buffer.removeSubrange(max(n, 0)...)
        }
    }

    /// The whole file as a `StateFile`.
    mutating func file() throws(Failure) -> StateFile {
        var articles: [String: ArticleState] = [:]
        let version = try entries { key, state in articles[key] = state }
        return StateFile(version: version, articles: articles)
    }

    /// Reads the document, handing each article's entry to `body` in file order; its version.
    mutating func entries(_ body: (String, ArticleState) -> Void) throws(Failure) -> Int {
        var version: Int?
        try expect(UInt8(ascii: "{"))
        var first = true
        while let key = try nextMember(&first) {
            switch key {
            case "version":
                guard let number = try number(key), let whole = Int(exactly: number) else { throw failure("\"version\" is not a whole number") }
                version = whole
            case "articles":
                if try null() { continue }
                try expect(UInt8(ascii: "{"), what: "\"articles\" to be an object")
                var firstArticle = true
                while let key = try nextMember(&firstArticle) { body(key, try article()) }
            default:
                try skipValue()
            }
        }
        skipSpace()
        guard peek() == nil else { throw failure("not valid JSON: text after the end of the document") }
        guard let version else { throw failure("\"version\" is missing") }
        return version
    }

    /// One article's entry.
    private mutating func article() throws(Failure) -> ArticleState {
        var state = ArticleState(path: "")
        try expect(UInt8(ascii: "{"), what: "an article to be an object")
        var first = true
        while let key = try nextMember(&first) {
            switch key {
            case "path": if let text = try optionalString() { state.path = text }
            case "read": if let value = try bool() { state.read = value }
            case "bookmarked": if let value = try bool() { state.bookmarked = value }
            case "readAt": if let value = try number(key) { state.readAt = value }
            case "bookmarkedAt": if let value = try number(key) { state.bookmarkedAt = value }
            case "positionAt": if let value = try number(key) { state.positionAt = value }
            case "position": if let value = try integer(key) { state.position = max(0, value) }
            case "progress": if let value = try integer(key) { state.progress = min(100, max(0, value)) }
            default: try skipValue()
            }
        }
        return state
    }

    // MARK: - JSON

    /// The key of the next member of an object whose `{` was read, its `:` read too; nil at the
    /// object's end. `first` is true until the first member is read.
    private mutating func nextMember(_ first: inout Bool) throws(Failure) -> String? {
        skipSpace()
        if first {
            first = false
            if peek() == UInt8(ascii: "}") { advance(); return nil }
        } else {
            switch next() {
            case UInt8(ascii: ","): skipSpace()
            case UInt8(ascii: "}"): return nil
            default: throw failure("not valid JSON: expected , or }")
            }
        }
        let key = try string()
        try expect(UInt8(ascii: ":"))
        skipSpace()
        return key
    }

    private mutating func null() throws(Failure) -> Bool {
        guard peek() == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    private mutating func bool() throws(Failure) -> Bool? {
        switch peek() {
        case UInt8(ascii: "t"): try literal("true"); return true
        case UInt8(ascii: "f"): try literal("false"); return false
        case UInt8(ascii: "n"): try literal("null"); return nil
        default: throw failure("expected true or false")
        }
    }

    private mutating func optionalString() throws(Failure) -> String? {
        try null() ? nil : try string()
    }

    /// The number `key` holds (nil for null).
    private mutating func number(_ key: String) throws(Failure) -> Double? {
        if try null() { return nil }
        var bytes: [UInt8] = []
        while let byte = peek(), byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") || (byte >= 0x30 && byte <= 0x39) {
            bytes.append(byte)
            advance()
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard !text.isEmpty, let value = Double(text), value.isFinite else { throw failure("\"\(key)\" is not a number") }
        return value
    }

    private mutating func integer(_ key: String) throws(Failure) -> Int? {
        guard let value = try number(key) else { return nil }
        guard let whole = Int(exactly: value) else { throw failure("\"\(key)\" is not a whole number") }
        return whole
    }

    private mutating func string() throws(Failure) -> String {
        guard next() == UInt8(ascii: "\"") else { throw failure("not valid JSON: expected a string") }
        // Most strings (keys, paths) end in the buffer with no escape: taken in one piece.
        var end = index
        while end < buffer.count, buffer[end] != UInt8(ascii: "\""), buffer[end] != UInt8(ascii: "\\"), buffer[end] >= 0x20 { end += 1 }
        if end < buffer.count, buffer[end] == UInt8(ascii: "\""), let text = String(validating: buffer[index..<end], as: UTF8.self) {
            index = end + 1
            return text
        }
        var bytes: [UInt8] = []
        while true {
            guard let byte = next() else { throw failure("not valid JSON: a string is cut short") }
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: bytes, as: UTF8.self) else { throw failure("not valid JSON: a string is not UTF-8") }
                return text
            case UInt8(ascii: "\\"):
                try escape(into: &bytes)
            case ..<0x20:
                throw failure("not valid JSON: a control character in a string")
            default:
                bytes.append(byte)
            }
        }
    }

    /// The escape after a `\`, appended as UTF-8.
    private mutating func escape(into bytes: inout [UInt8]) throws(Failure) {
        guard let byte = next() else { throw failure("not valid JSON: a string is cut short") }
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(byte)
        case UInt8(ascii: "b"): bytes.append(0x08)
        case UInt8(ascii: "f"): bytes.append(0x0C)
        case UInt8(ascii: "n"): bytes.append(0x0A)
        case UInt8(ascii: "r"): bytes.append(0x0D)
        case UInt8(ascii: "t"): bytes.append(0x09)
        case UInt8(ascii: "u"):
            var value = try hex4()
            if (0xD800..<0xDC00).contains(value) {
                guard next() == UInt8(ascii: "\\"), next() == UInt8(ascii: "u") else { throw failure("not valid JSON: a lone surrogate") }
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low) else { throw failure("not valid JSON: a lone surrogate") }
                value = 0x10000 + (value - 0xD800) << 10 + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(value) else { throw failure("not valid JSON: a lone surrogate") }
            bytes.append(contentsOf: Array(String(scalar).utf8))
        default:
            throw failure("not valid JSON: an unknown escape")
        }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = next(), let digit = Int(String(Unicode.Scalar(byte)), radix: 16) else {
                throw failure("not valid JSON: a bad \\u escape")
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// Skips any value (of a key this reader does not know), arrays and objects included.
    private mutating func skipValue() throws(Failure) {
        skipSpace()
        switch peek() {
        case UInt8(ascii: "{"):
            advance()
            var first = true
            while try nextMember(&first) != nil { try skipValue() }
        case UInt8(ascii: "["):
            advance()
            skipSpace()
            if peek() == UInt8(ascii: "]") { advance(); return }
            while true {
                try skipValue()
                skipSpace()
                switch next() {
                case UInt8(ascii: ","): continue
                case UInt8(ascii: "]"): return
                default: throw failure("not valid JSON: expected , or ]")
                }
            }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try bool()
        case UInt8(ascii: "n"): try literal("null")
        default: _ = try number("a value")
        }
    }

    private mutating func literal(_ word: String) throws(Failure) {
        for byte in word.utf8 where next() != byte { throw failure("not valid JSON: expected \(word)") }
    }

    private mutating func expect(_ byte: UInt8, what: String? = nil) throws(Failure) {
        skipSpace()
        guard next() == byte else {
            throw failure(what.map { "expected \($0)" } ?? "not valid JSON: expected \(Character(Unicode.Scalar(byte)))")
        }
    }

    private mutating func skipSpace() {
        while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { advance() }
    }

    private func failure(_ what: String) -> Failure {
        Failure(description: "\(what) (at byte \(offset + index))")
    }

    // MARK: - Bytes

    private mutating func peek() -> UInt8? {
        if index == buffer.count {
            offset += buffer.count
            fill(&buffer)
            index = 0
        }
        return index < buffer.count ? buffer[index] : nil
    }

    private mutating func advance() { index += 1 }

    private mutating func next() -> UInt8? {
        guard let byte = peek() else { return nil }
        index += 1
        return byte
    }
}
