import Foundation
import Testing
@testable import ReaderCore

/// The freedesktop trash: articles moved there with their `.trashinfo`, never unlinked, and back.
@Suite struct TrashTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("reader-trash-\(UUID())")

    @Test func aPageAndItsFolderGoToTheTrashWithTheirInfoAndComeBack() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let library = root.appendingPathComponent("lib").path
        try FileManager.default.createDirectory(atPath: library + "/Page_files", withIntermediateDirectories: true)
        try "<p>hello</p>".write(toFile: library + "/Page.html", atomically: true, encoding: .utf8)
        try "img".write(toFile: library + "/Page_files/a.png", atomically: true, encoding: .utf8)
        let trash = Trash(directory: root.appendingPathComponent("Trash").path)
        let item = try trash.move(library + "/Page.html", companions: [library + "/Page_files", library + "/None_files"],
                                  now: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(!FileManager.default.fileExists(atPath: library + "/Page.html"))
        #expect(FileManager.default.fileExists(atPath: trash.directory + "/files/Page.html"))
        #expect(FileManager.default.fileExists(atPath: trash.directory + "/files/Page_files/a.png"))
        let info = try String(contentsOfFile: trash.directory + "/info/Page.html.trashinfo", encoding: .utf8)
        #expect(info.hasPrefix("[Trash Info]\nPath=\(library)/Page.html\nDeletionDate=20"))
        #expect(item.moves.count == 2)
        try trash.restore(item)
        #expect(try String(contentsOfFile: library + "/Page.html", encoding: .utf8) == "<p>hello</p>")
        #expect(FileManager.default.fileExists(atPath: library + "/Page_files/a.png"))
        #expect(!FileManager.default.fileExists(atPath: trash.directory + "/info/Page.html.trashinfo"))
    }

    /// A file whose name is not UTF-8 goes by its escaped id: the bytes on disk move, the
    /// `.trashinfo` holds them percent-encoded, and the file comes back under its own name.
    @Test func aFileWhoseNameIsNotUTF8GoesToTheTrashAndComesBack() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let library = root.appendingPathComponent("lib").path
        try FileManager.default.createDirectory(atPath: library, withIntermediateDirectories: true)
        try EscapedPathTests.write(Array("inv-".utf8) + [0xFF] + Array(".txt".utf8), in: library, "bytes")
        let path = library + "/inv-%FF.txt"
        let trash = Trash(directory: root.appendingPathComponent("Trash").path)
        let item = try trash.move(path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: library).isEmpty)
        #expect(try FileReader.read(item.moves[0].to) == Array("bytes".utf8))
        let info = try String(contentsOfFile: trash.directory + "/info/inv-%FF.txt.trashinfo", encoding: .utf8)
        #expect(info.contains("Path=\(library)/inv-%FF.txt\n"), "\(info)")
        try trash.restore(item)
        #expect(try FileReader.read(path) == Array("bytes".utf8))
    }

    @Test func twoFilesOfOneNameBothKeepTheirPlaceAndASpaceIsEscaped() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let trash = Trash(directory: root.appendingPathComponent("Trash").path)
        var items: [Trash.Item] = []
        for folder in ["a b", "c"] {
            let path = root.appendingPathComponent(folder).path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            try folder.write(toFile: path + "/note.txt", atomically: true, encoding: .utf8)
            items.append(try trash.move(path + "/note.txt"))
        }
        #expect(items[1].moves[0].to.hasSuffix("/files/note.txt.2"))
        let info = try String(contentsOfFile: trash.directory + "/info/note.txt.trashinfo", encoding: .utf8)
        #expect(info.contains("/a%20b/note.txt"))
        // Restoring over a file that came back meanwhile is refused, and nothing is lost.
        try "new".write(toFile: root.appendingPathComponent("c/note.txt").path, atomically: true, encoding: .utf8)
        #expect(throws: Trash.Failure.self) { try trash.restore(items[1]) }
        #expect(FileManager.default.fileExists(atPath: items[1].moves[0].to))
    }

    @Test func dMovesTheArticleOutOfTheListAndUAsksForItBack() throws {
        let app = try AppDriver(width: 80, height: 24)
        let entry = try #require(app.state.selectedEntry)
        #expect(app.reducer.reduce(&app.state, .key(.character("d"))) == [.trash(entry)])
        let item = Trash.Item(moves: [(entry.path, "/trash/files/x")], infos: ["/trash/info/x.trashinfo"])
        app.dispatch(.trashed(id: entry.id, item))
        #expect(!app.state.entries.contains { $0.id == entry.id })
        #expect(app.state.message == "moved to the trash: \(entry.title) (u brings it back)")
        #expect(app.reducer.reduce(&app.state, .key(.character("u"))) == [.restore(item)])
        #expect(app.reducer.reduce(&app.state, .key(.character("u"))).isEmpty)
        #expect(app.state.message == "nothing to undo")
    }
}
