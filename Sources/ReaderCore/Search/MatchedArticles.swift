/// The articles a library search matched, as the keys of their ids (`key(of:)`), with their
/// ranks when the answer is ranked: what the list filters on, keeping its own order and sort
/// while a query is typed, best first (ties in its order) after Enter. A key is a 64-bit hash,
/// so two ids share one with a chance of about one in 10⁹ for each search of 100,000 articles.
///
/// The keys are held by open addressing, each at the slot of its low bits or the next free one
/// (they are hashes already, and a `Set` would hash them again: a third of the time of a typed
/// letter at 100,000). A free slot holds 0, so a key of 0 is held apart.
public struct MatchedArticles: Equatable, Sendable {
    private var slots: [UInt64]
    /// Each slot's rank (`reader_rank`: a title match in the high half, the matches in the low),
    /// when the answer is ranked; empty when it is not.
    private var ranks: [Int64]
    private var holdsZero = false, zeroRank: Int64 = 0
    /// How many articles matched.
    public private(set) var count = 0

    /// The articles of `keys`, room made for `capacity` of them at half load, with ranks if `ranked`.
    init(keys: some Sequence<UInt64>, capacity: Int, ranked: Bool = false) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [UInt64](repeating: 0, count: size)
        ranks = ranked ? [Int64](repeating: 0, count: size) : []
        for key in keys { insert(key) }
    }

    /// Whether the answer ranks its articles (Enter's search).
    public var isRanked: Bool { !ranks.isEmpty }

    /// The articles `ids` names; `ranked`, best first: each ranked above the next.
    public init(ids: [String], ranked: Bool = false) {
        self.init(keys: [], capacity: ids.count, ranked: ranked)
        for (place, id) in ids.enumerated() { insert(Self.key(of: id), rank: Int64(ids.count - place)) }
    }

    /// Whether the article of key `key` matched.
    public func contains(key: UInt64) -> Bool { rank(key: key) != nil }

    /// The rank of the article of key `key` (0 in an unranked answer), nil if it did not match.
    public func rank(key: UInt64) -> Int64? {
        if key == 0 { return holdsZero ? zeroRank : nil }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        while slots[slot] != 0 {
            if slots[slot] == key { return ranks.isEmpty ? 0 : ranks[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Adds the article of key `key`, of rank `rank` in a ranked answer.
    mutating func insert(_ key: UInt64, rank: Int64 = 0) {
        if key == 0 {
            if !holdsZero { (holdsZero, zeroRank, count) = (true, rank, count + 1) }
            return
        }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        while slots[slot] != 0 {
            if slots[slot] == key { return }
            slot = (slot + 1) & mask
        }
        slots[slot] = key
        if !ranks.isEmpty { ranks[slot] = rank }
        count += 1
    }

    /// The same articles, of the same ranks, however they are laid out.
    public static func == (a: MatchedArticles, b: MatchedArticles) -> Bool {
        a.count == b.count && a.isRanked == b.isRanked
            && (!a.holdsZero || a.zeroRank == b.rank(key: 0))
            && a.slots.indices.allSatisfy { slot in
                a.slots[slot] == 0 || b.rank(key: a.slots[slot]) == (a.ranks.isEmpty ? 0 : a.ranks[slot])
            }
    }

    /// The key of the article `id`.
    public static func key(of id: String) -> UInt64 {
        var hash = Hash64(seed: seed)
        hash.mix(id)
        return hash.value
    }

    /// The key of the article whose id is the UTF-8 `bytes`.
    static func key(ofBytes bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = Hash64(seed: seed)
        hash.mix(bytes)
        return hash.value
    }

    private static let seed: UInt64 = 0x6B65_7973  // "keys"
}
