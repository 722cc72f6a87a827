import ArgumentParser
import Foundation
import ReaderCore

// Errors, bad flags included, are one line on stderr and a non-zero exit; help goes to stdout.
do {
    var command = try ReaderCommand.parseAsRoot()
    try command.run()
} catch {
    let code = ReaderCommand.exitCode(for: error)
    if code == .success {
        Platform.write(ReaderCommand.fullMessage(for: error) + "\n")
    } else {
        let message = ReaderCommand.message(for: error).split(whereSeparator: \.isNewline).first.map(String.init) ?? "error"
        Platform.warn(message)
    }
    exit(code.rawValue)
}
