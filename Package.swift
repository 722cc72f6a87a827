// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "reader",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "reader", targets: ["Reader"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(name: "CNcurses", pkgConfig: "ncursesw",
                       providers: [.apt(["libncurses-dev"])]),
        .systemLibrary(name: "CGumbo", pkgConfig: "gumbo", providers: [.apt(["libgumbo-dev"])]),
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CMalloc"),
        .target(name: "CICU",
                linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]),
        .target(name: "CSQLite",
                linkerSettings: [.linkedLibrary("sqlite3"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]),
        .target(name: "ReaderCore",
                dependencies: ["CICU", "CSQLite", "CGumbo", "CCmark", "CMalloc", .product(name: "Yams", package: "Yams")]),
        .executableTarget(name: "Reader",
                          dependencies: ["ReaderCore", "CNcurses",
                                         .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(name: "ReaderBench", dependencies: ["ReaderCore"], path: "Sources/ReaderBench"),
        .testTarget(name: "ReaderCoreTests", dependencies: ["ReaderCore"],
                    resources: [.copy("Fixtures")]),
    ]
)
