extension RandomAccessCollection where Index == Int {
    /// The index of the last element whose `key` is at most `value`, in a collection sorted by
    /// `key`; the first index when none is (a binary search).
    func lastIndex<Key: Comparable>(notAfter value: Key, by key: (Element) -> Key) -> Int {
        var lo = startIndex, hi = endIndex - 1, found = startIndex
        while lo <= hi {
            let mid = (lo + hi) / 2
            if key(self[mid]) <= value { found = mid; lo = mid + 1 } else { hi = mid - 1 }
        }
        return found
    }
}
