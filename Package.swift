// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "roundtable",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "roundtable", targets: ["roundtable"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibical",
            pkgConfig: "libical",
            providers: [.apt(["libical-dev"])]
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        // libpq, opened with dlopen on the first postgres:// state; the header only checks the shim
        // against libpq's own prototypes (Debian's libpq-dev).
        .target(name: "CPostgres", cSettings: [.unsafeFlags(["-I/usr/include/postgresql"])]),
        .target(name: "ICalendar", dependencies: ["CLibical"]),
        .target(
            name: "RoundTableCore",
            dependencies: ["ICalendar", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "RoundTableStore",
            dependencies: ["RoundTableCore", "CPostgres", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "RoundTableDocuments",
            dependencies: ["RoundTableCore", .product(name: "Mustache", package: "swift-mustache"), .product(name: "Ink", package: "Ink")],
            plugins: ["EmbedTemplates"]
        ),
        // templates/*.mustache compiled into RoundTableDocuments (Templates.builtIn).
        .plugin(name: "EmbedTemplates", capability: .buildTool()),
        .target(
            name: "RoundTableMail",
            dependencies: ["CCurl", "RoundTableCore", "RoundTableDocuments", "ICalendar"]
        ),
        .target(name: "RoundTableCalDAV", dependencies: ["CCurl", "RoundTableCore"]),
        .executableTarget(
            name: "roundtable",
            dependencies: [
                "RoundTableCore",
                "RoundTableStore",
                "RoundTableMail",
                "RoundTableCalDAV",
                "RoundTableDocuments",
                "ICalendar",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["BuildInfo"]
        ),
        // BuildInfo.commit, for --version.
        .plugin(name: "BuildInfo", capability: .buildTool()),
        .executableTarget(
            name: "roundtable-bench",
            dependencies: ["ICalendar", "RoundTableCore"]
        ),
        .executableTarget(name: "fuzz-schedule", dependencies: ["RoundTableCore"]),
        .executableTarget(name: "fuzz-records", dependencies: ["RoundTableCore"]),
        .executableTarget(name: "fuzz-reply", dependencies: ["RoundTableCore", "RoundTableMail", "ICalendar"]),
        .executableTarget(name: "fuzz-mime", dependencies: ["RoundTableMail"]),
        // What several test targets share: the throwaway PostgreSQL cluster.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ICalendarTests", dependencies: ["ICalendar", "CLibical"]),
        .testTarget(name: "RoundTableCoreTests", dependencies: ["RoundTableCore"]),
        .testTarget(
            name: "RoundTableStoreTests",
            dependencies: ["RoundTableStore", "RoundTableCore", "ICalendar", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "RoundTableMailTests",
            dependencies: ["RoundTableMail", "RoundTableCore", "ICalendar", "TestSupport"],
            exclude: ["parse_eml.py"]
        ),
        .testTarget(name: "RoundTableDocumentsTests", dependencies: ["RoundTableDocuments", "RoundTableCore", "ICalendar"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["ICalendar", "RoundTableMail", "TestSupport"],
            resources: [.copy("Peers"), .copy("Fixtures")]
        ),
    ]
)
