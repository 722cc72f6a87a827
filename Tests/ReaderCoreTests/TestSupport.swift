import Foundation
@testable import ReaderCore

/// glibc's own `wcwidth`, the oracle ncursesw lays out cells with (C.UTF-8 locale).
enum GlibcWcwidth {
    private static let function: @convention(c) (Int32) -> Int32 = {
        setlocale(LC_CTYPE, "C.UTF-8")
        let symbol = dlsym(dlopen(nil, RTLD_NOW), "wcwidth")!
        return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
    }()

    /// The width of one code point: -1, 0, 1 or 2.
    static func of(_ scalar: Unicode.Scalar) -> Int { Int(function(Int32(bitPattern: scalar.value))) }

    /// The width of a line as ncurses advances the cursor: the sum over its code points.
    static func of(_ text: String) -> Int { text.unicodeScalars.reduce(0) { $0 + max(of($1), 0) } }
}

/// Shared objects for tests: one line breaker, and the sample library's folder.
enum TestSupport {
    static func wrapper() -> Wrapper { Wrapper(breaker: LineBreaker()!) }

    /// The repository's root, found from this file.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let samples = repositoryRoot.appendingPathComponent("Samples")
}
