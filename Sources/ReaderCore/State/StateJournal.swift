import Foundation

/// The changes made since the state file was last written whole: `state.json.journal` beside it,
/// one JSON object per line, appended under the state's lock and fsynced before a change is
/// acknowledged. A mark costs one short append however many articles the state holds; reading
/// the state replays the journal over the file, and a compaction writes both as one file again.
///
/// A line reads `{"at":1764650000.5,"fingerprint":"…","id":"…","read":true}` (or `bookmarked`,
/// `position`, `progress`; `legacy` when the article has a legacy fingerprint). A last line cut
/// short by a crash was never acknowledged and is ignored; any other line that does not parse is
/// counted, so the store can keep the journal aside before it is emptied.
struct StateJournal {
    let path: String

    /// One change and the time it was made.
    struct Entry {
        var change: StateChange
        var time: Double
    }

    /// Appends `changes`, made at `time`, and returns once they are durable.
    func append(_ changes: [StateChange], at time: Double) throws(StateStoreError) {
        let fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o600)
        guard fd >= 0 else { throw .cannotWrite(path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var text = changes.map { Self.line($0, at: time) + "\n" }.joined()
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { throw .cannotWrite(path, reason: "not a regular file") }
        // A line a crash cut short must not swallow the next one.
        if info.st_size > 0 {
            var last: UInt8 = 0
            if pread(fd, &last, 1, info.st_size - 1) == 1, last != 0x0A { text = "\n" + text }
        }
        if let failure = Descriptor.write(text, to: fd) { throw .cannotWrite(path, reason: failure) }
        if fsync(fd) != 0 { throw .cannotWrite(path, reason: "fsync: " + String(cString: strerror(errno))) }
    }

    /// The journal's entries in order, and how many lines (a torn last one aside) do not parse.
    func read() -> (entries: [Entry], damaged: Int) {
        let bytes: [UInt8]
        do { bytes = try FileReader.read(path, limit: Int.max) } catch {
            if case .notFound = error { return ([], 0) }
            return ([], 1)  // there, but not to be read: said as damage, and kept aside at the next whole write
        }
        var entries: [Entry] = [], damaged = 0
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where !line.isEmpty {
            if let entry = Self.entry(Data(line)) {
                entries.append(entry)
            } else if index < lines.count - 1 {
                damaged += 1
            }
        }
        return (entries, damaged)
    }

    /// The journal's size in bytes (0 when there is none).
    var size: Int {
        var info = stat()
        return lstat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    /// Empties the journal, durably: called once the state file holds its changes.
    func clear() throws(StateStoreError) {
        guard size > 0 else { return }
        guard truncate(path, 0) == 0 else { throw .cannotWrite(path, reason: String(cString: strerror(errno))) }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        if fd >= 0 { fsync(fd); close(fd) }
    }

    /// `change` as one line of JSON.
    static func line(_ change: StateChange, at time: Double) -> String {
        let key = change.article
        var fields = ["\"at\":\(time)", "\"fingerprint\":" + JSONText.string(key.fingerprint), "\"id\":" + JSONText.string(key.id)]
        if let legacy = key.legacyFingerprint { fields.append("\"legacy\":" + JSONText.string(legacy)) }
        switch change {
        case .read(_, let value): fields.append("\"read\":\(value)")
        case .bookmarked(_, let value): fields.append("\"bookmarked\":\(value)")
        case .position(_, let offset): fields.append("\"position\":\(offset)")
        case .progress(_, let percent): fields.append("\"progress\":\(percent)")
        }
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// The entry a line holds, or nil when it is not one.
    static func entry(_ line: Data) -> Entry? {
        guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any],
              let time = (object["at"] as? NSNumber)?.doubleValue, let fingerprint = object["fingerprint"] as? String,
              let id = object["id"] as? String else { return nil }
        let key = ArticleKey(fingerprint: fingerprint, id: id, legacyFingerprint: object["legacy"] as? String)
        let change: StateChange
        if let value = object["read"] as? Bool {
            change = .read(key, value)
        } else if let value = object["bookmarked"] as? Bool {
            change = .bookmarked(key, value)
        } else if let value = (object["position"] as? NSNumber)?.intValue {
            change = .position(key, value)
        } else if let value = (object["progress"] as? NSNumber)?.intValue {
            change = .progress(key, value)
        } else {
            return nil
        }
        return Entry(change: change, time: time)
    }
}
