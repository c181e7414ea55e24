// swift-tools-version:6.0
import PackageDescription

/// One set of Swift settings for every target, so the whole package builds under the same rules.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "Kedja",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kedja", targets: ["kedja"]),
        .library(name: "Tabular", targets: ["Tabular"]),
        .library(name: "KedjaModel", targets: ["KedjaModel"]),
        .library(name: "KedjaReports", targets: ["KedjaReports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        .systemLibrary(
            name: "CXlsxWriter", pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]),
        .systemLibrary(name: "CCSV", providers: [.apt(["libcsv-dev"])]),
        // glibc's malloc tuning (mallopt), which the Glibc module does not export; part of libc, nothing to link.
        .systemLibrary(name: "CMalloc"),
        .target(
            name: "Tabular",
            dependencies: ["CCSV", "CXlsxWriter", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strictSettings),
        .target(
            name: "KedjaModel", dependencies: ["Tabular"],
            swiftSettings: strictSettings),
        .target(
            name: "KedjaReports", dependencies: ["Tabular", "KedjaModel"],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "kedja",
            dependencies: [
                "Tabular", "KedjaModel", "KedjaReports",
                .target(name: "CMalloc", condition: .when(platforms: [.linux])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings),
        // Times the hot parts of a run (reader, amounts, tagger, enriched writer) on a generated ledger.
        .executableTarget(
            name: "kedja-bench", dependencies: ["Tabular", "KedjaModel", "KedjaReports"],
            path: "Benchmarks/Sources/kedja-bench", swiftSettings: strictSettings),
        // Helpers every test target shares: package and test-data locations, child processes, the openpyxl probe.
        .target(
            name: "KedjaTestSupport", path: "Tests/Support", exclude: ["xlsx_probe.py"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "TabularTests", dependencies: ["Tabular", "KedjaTestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "KedjaModelTests", dependencies: ["KedjaModel", "Tabular", "KedjaTestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "KedjaReportsTests", dependencies: ["KedjaReports", "KedjaModel", "Tabular", "KedjaTestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "KedjaEndToEndTests", dependencies: ["kedja", "KedjaTestSupport"], swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)
