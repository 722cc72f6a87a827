/// What changed between two screens, so the front end redraws only that.
extension Screen {
    /// A run of changed cells on one row.
    public struct Change: Equatable, Sendable {
        public var x: Int
        public var y: Int
        public var cells: [Cell]
    }

    /// The runs of cells that differ from `old` (everything, when the sizes differ). A run
    /// never starts on the continuation of a wide character.
    public func changes(from old: Screen?) -> [Change] {
        var changes: [Change] = []
        let same = old.map { $0.width == width && $0.height == height } ?? false
        for y in 0..<height {
            var x = 0
            while x < width {
                guard !same || self[x, y] != old![x, y] else { x += 1; continue }
                var start = x
                if self[start, y].width == 0 && start > 0 { start -= 1 }
                var end = x
                while end < width && (!same || self[end, y] != old![end, y] || self[end, y].width == 0) { end += 1 }
                changes.append(Change(x: start, y: y, cells: Array(cells[(y * width + start)..<(y * width + end)])))
                x = end
            }
        }
        return changes
    }
}
