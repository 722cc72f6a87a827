import Foundation

/// The rows of the list's first screens as the interactive reader left them
/// (`first-screen.tsv`: a few hundred rows in the table's own format), so that the next start
/// shows them before the whole table is read. Derived data like the rest: a missing, damaged or
/// other-version file is simply not used.
extension LibraryCache {
    static let firstScreenHeader = "reader-first-screen 1"

    /// The rows saved by `saveFirstScreen`, in id order; none when there are none that check.
    public func loadFirstScreen() -> [CachedArticle] {
        guard let table = Self.readTable(at: directory + "/first-screen.tsv", wanted: Self.firstScreenHeader),
              table.header == Self.firstScreenHeader, table.badRow == nil else { return [] }
        return table.rows
    }

    /// Writes `rows` in place of the last ones.
    public func saveFirstScreen(_ rows: [CachedArticle]) {
        PrivateFolder.create(directory)
        write(rows, header: Self.firstScreenHeader, to: "first-screen.tsv")
    }
}
