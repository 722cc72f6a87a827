/// The articles a library search matched, as the keys of their ids (`key(of:)`): what the list
/// filters on while a query is typed, keeping its own order. A key is a 64-bit hash, so two ids
/// share one with a chance of about one in 10⁹ for each search of a library of 100,000.
///
/// The keys are held by open addressing, each at the slot of its low bits or the next free one
/// (they are hashes already, and a `Set` would hash them again: a third of the time of a typed
/// letter at 100,000). A free slot holds 0, so a key of 0 is held apart.
public struct MatchedArticles: Equatable, Sendable {
    private var slots: [UInt64]
    private var holdsZero = false
    /// How many articles matched.
    public private(set) var count = 0

    /// The articles of `keys`, room made for `capacity` of them at half load.
    init(keys: some Sequence<UInt64>, capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [UInt64](repeating: 0, count: size)
        for key in keys { insert(key) }
    }

    /// The articles `ids` names.
    public init(ids: [String]) {
        self.init(keys: ids.lazy.map(Self.key(of:)), capacity: ids.count)
    }

    /// Whether the article of key `key` matched.
    public func contains(key: UInt64) -> Bool {
        if key == 0 { return holdsZero }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        while slots[slot] != 0 {
            if slots[slot] == key { return true }
            slot = (slot + 1) & mask
        }
        return false
    }

    /// Adds the article of key `key`.
    mutating func insert(_ key: UInt64) {
        if key == 0 {
            if !holdsZero { (holdsZero, count) = (true, count + 1) }
            return
        }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        while slots[slot] != 0 {
            if slots[slot] == key { return }
            slot = (slot + 1) & mask
        }
        slots[slot] = key
        count += 1
    }

    /// The same articles, however they are laid out.
    public static func == (a: MatchedArticles, b: MatchedArticles) -> Bool {
        a.count == b.count && a.holdsZero == b.holdsZero && a.slots.allSatisfy { $0 == 0 || b.contains(key: $0) }
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
