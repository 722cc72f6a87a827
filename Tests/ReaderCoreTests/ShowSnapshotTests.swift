import Foundation
import Testing
@testable import ReaderCore

/// `reader show` output for every sample article at widths 20, 40 and 80, compared with the
/// snapshots in `Snapshots/show/`. Re-record with `RECORD_SNAPSHOTS=1 make test` (the run then
/// fails once, so a recording is never mistaken for a pass).
@Suite struct ShowSnapshotTests {
    static let snapshots = TestSupport.repositoryRoot.appendingPathComponent("Tests/ReaderCoreTests/Snapshots/show")

    static var sampleIDs: [String] {
        let scan = try? LibraryScanner(root: TestSupport.samples.path).scan()
        return scan?.files.map(\.id) ?? []
    }

    @Test func theSampleLibraryHasAtLeastEightArticles() {
        #expect(Self.sampleIDs.count >= 8)
    }

    @Test(arguments: sampleIDs, [20, 40, 80])
    func showMatchesItsSnapshot(id: String, width: Int) throws {
        let path = TestSupport.samples.appendingPathComponent(id).path
        let article = try ArticleLoader().load(path: path, format: ArticleFormat(fileName: id)!, fallbackTitle: Library.fallbackTitle(id))
        let text = ArticleRenderer(wrapper: TestSupport.wrapper()).layout(article, width: width).text
        for line in text.split(separator: "\n") { #expect(GlibcWcwidth.of(String(line)) <= width) }
        let file = Self.snapshots.appendingPathComponent(id.replacingOccurrences(of: "/", with: "__") + ".\(width).txt")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
            try FileManager.default.createDirectory(at: Self.snapshots, withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("recorded \(file.lastPathComponent); run again without RECORD_SNAPSHOTS")
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(text == expected, "\(id) at \(width):\n\(Self.diff(expected, text))")
    }

    /// The first lines where two texts differ, as `-expected` / `+actual`.
    static func diff(_ expected: String, _ actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for index in 0..<max(a.count, b.count) where out.count < 12 {
            let left = index < a.count ? String(a[index]) : "<none>", right = index < b.count ? String(b[index]) : "<none>"
            if left != right { out += ["line \(index + 1):", "-\(left)", "+\(right)"] }
        }
        return out.joined(separator: "\n")
    }
}
