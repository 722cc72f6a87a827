import Foundation
import ReaderCore

/// The theme files (`NAME.theme`) of the user's folder (`$XDG_CONFIG_HOME/reader/themes`) and of
/// the shipped one, found beside an installed binary or in the source tree (`Platform.resource`).
/// A user's theme of the same name wins.
struct Themes {
    /// Why a theme cannot be used.
    struct UnknownTheme: Error, CustomStringConvertible {
        let name: String
        let known: [String]
        var description: String { "no theme named '\(Sanitizer.line(name))' (themes: \(known.joined(separator: ", ")))" }
    }

    /// The folders looked in, the user's first.
    let folders: [String]

    /// The user's theme folder and the shipped one.
    static func standard() -> Themes {
        let config = Locations.configFile(environment: Platform.environment, home: Platform.home)
        let user = (config as NSString).deletingLastPathComponent + "/themes"
        return Themes(folders: [user, Platform.resource("themes", sourceFolder: "themes")])
    }

    /// The names of the themes there, sorted; `default` is always one.
    func names() -> [String] {
        let files = folders.flatMap { (try? FileManager.default.contentsOfDirectory(atPath: $0)) ?? [] }
        return Array(Set(files.filter { $0.hasSuffix(".theme") }.map { String($0.dropLast(6)) } + ["default"])).sorted()
    }

    /// The theme `name` and the warnings for its bad lines; the built-in default when it is
    /// `default` and has no file.
    func load(_ name: String) throws -> (Theme, [String]) {
        let valid = !name.isEmpty && !name.contains("/") && !name.hasPrefix(".")
        for folder in folders where valid {
            let path = folder + "/" + name + ".theme"
            if let text = try? String(contentsOfFile: path, encoding: .utf8) {
                return ThemeParser.parse(text, name: name, file: Platform.abbreviated(path))
            }
        }
        if name == "default" { return (Theme.builtIn, []) }
        throw UnknownTheme(name: name, known: names())
    }
}
