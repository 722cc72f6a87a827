import Foundation
import ReaderCore

/// The theme files of a folder (`NAME.theme`), found beside an installed binary or in the
/// source tree (`Platform.resource`).
struct Themes {
    /// Why a theme cannot be used.
    struct UnknownTheme: Error, CustomStringConvertible {
        let name: String
        let known: [String]
        var description: String { "no theme named '\(Sanitizer.line(name))' (themes: \(known.joined(separator: ", ")))" }
    }

    let folder: String

    /// The names of the themes there, sorted; `default` is always one.
    func names() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return Array(Set(files.filter { $0.hasSuffix(".theme") }.map { String($0.dropLast(6)) } + ["default"])).sorted()
    }

    /// The theme `name` and the warnings for its bad lines; the built-in default when it is
    /// `default` and has no file.
    func load(_ name: String) throws -> (Theme, [String]) {
        let path = folder + "/" + name + ".theme"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            if name == "default" { return (Theme.builtIn, []) }
            throw UnknownTheme(name: name, known: names())
        }
        return ThemeParser.parse(text, name: name, file: path)
    }
}
