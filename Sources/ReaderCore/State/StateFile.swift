/// The state file's content: a schema version and each article's state, keyed by fingerprint.
public struct StateFile: Equatable, Sendable, Codable {
    /// The schema this build writes. A newer file is read but never written.
    public static let currentVersion = 1

    public var version: Int
    public var articles: [String: ArticleState]

    public init(version: Int = StateFile.currentVersion, articles: [String: ArticleState] = [:]) {
        self.version = version
        self.articles = articles
    }

    enum CodingKeys: String, CodingKey { case version, articles }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(Int.self, forKey: .version)
        articles = try c.decodeIfPresent([String: ArticleState].self, forKey: .articles) ?? [:]
    }

    /// The key under which `article` is stored: its fingerprint, else its legacy one (a state
    /// written before whole files were hashed), else (after an edit changed the fingerprint) the
    /// entry whose path hint is its id and whose fingerprint no file has.
    /// `hints` (`pathHints()`), given when many articles are looked up, finds the entry by path
    /// without a pass over every entry.
    public func key(for article: ArticleKey, liveFingerprints: Set<String> = [], hints: [String: [String]]? = nil) -> String? {
        if articles[article.fingerprint] != nil { return article.fingerprint }
        if let legacy = article.legacyFingerprint, articles[legacy] != nil { return legacy }
        if let hints { return hints[article.id]?.first { !liveFingerprints.contains($0) } }
        return articles.first { $0.value.path == article.id && !liveFingerprints.contains($0.key) }?.key
    }

    /// The state of `article`, or a fresh one.
    public func state(for article: ArticleKey, liveFingerprints: Set<String> = [], hints: [String: [String]]? = nil) -> ArticleState {
        key(for: article, liveFingerprints: liveFingerprints, hints: hints).flatMap { articles[$0] } ?? ArticleState(path: article.id)
    }

    /// The keys of the entries by their path hints: for looking up a whole list.
    public func pathHints() -> [String: [String]] {
        var hints: [String: [String]] = [:]
        for (key, state) in articles { hints[state.path, default: []].append(key) }
        return hints
    }

    /// What looking up a whole list's articles (`state(for:liveFingerprints:hints:)` for each of
    /// `articles`) needs, made once: the path hints if one of them is not held, and every one's
    /// fingerprint if such a one has a hint (telling the hint's entry from a live file's).
    public func lookups<Articles: Collection>(for articles: Articles, key: (Articles.Element) -> ArticleKey,
                                              fingerprint: (Articles.Element) -> String)
        -> (live: Set<String>, hints: [String: [String]]) {
        guard !self.articles.isEmpty, let first = articles.firstIndex(where: { !holds(key($0)) }) else { return ([], [:]) }
        let hints = pathHints()
        let hinted = articles[first...].contains { hints[key($0).id] != nil && !holds(key($0)) }
        return (hinted ? Set(articles.map(fingerprint)) : [], hints)
    }

    /// Whether `article` has an entry under its fingerprint or its legacy one (no path hint needed).
    public func holds(_ article: ArticleKey) -> Bool {
        articles[article.fingerprint] != nil || article.legacyFingerprint.map { articles[$0] != nil } == true
    }

    /// Applies `change` at `time`: the article's entry is re-keyed to its current fingerprint
    /// and path, and the changed field takes the new value and time. `liveFingerprints` (asked
    /// only when the fingerprint is not found) keeps a path hint from taking another file's entry.
    public mutating func apply(_ change: StateChange, at time: Double, liveFingerprints: () -> Set<String> = { [] }) {
        let article = change.article
        let live = articles[article.fingerprint] == nil ? liveFingerprints() : []
        var state = state(for: article, liveFingerprints: live)
        if let old = key(for: article, liveFingerprints: live), old != article.fingerprint { articles.removeValue(forKey: old) }
        state.path = article.id
        switch change {
        case .read(_, let value): (state.read, state.readAt) = (value, time)
        case .bookmarked(_, let value): (state.bookmarked, state.bookmarkedAt) = (value, time)
        case .position(_, let offset): (state.position, state.positionAt) = (max(0, offset), time)
        case .progress(_, let percent): (state.progress, state.positionAt) = (min(100, max(0, percent)), max(time, state.positionAt))
        }
        articles[article.fingerprint] = state
    }

    /// Both files' entries, merged field by field (the later change wins).
    public func merged(with other: StateFile) -> StateFile {
        var result = self
        for (key, theirs) in other.articles {
            result.articles[key] = result.articles[key].map { $0.merged(with: theirs) } ?? theirs
        }
        return result
    }
}
