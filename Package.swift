// swift-tools-version:6.0
import PackageDescription

/// Every module sees only what it imports itself (SE-0444), so the layering in docs/architecture.md
/// is checked by the compiler: a file that uses `LocalDate` must import CalendarTime, and a
/// target must declare it.
let guarded: [SwiftSetting] = [.enableUpcomingFeature("MemberImportVisibility")]

// Linux only (README): the code calls glibc and Linux directly, so no Apple platform is declared,
// and Sources/CalendarTime/LinuxOnly.swift stops a build for any other system with a message.
// Guarding every Glibc import would let macOS compile a program that could not run there.
let package = Package(
    name: "roundtable",
    products: [
        .executable(name: "roundtable", targets: ["roundtable"]),
        .executable(name: "roundtable-serve", targets: ["roundtable-serve"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Hummingbird's own dependencies, named because the server's files import them.
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // libical alone (module.modulemap: link "ical"): pkg-config's libical also names libicalss
        // and libicalvcal, which we never call and which bring Berkeley DB, three libraries more
        // for the loader to bind at every start.
        .systemLibrary(name: "CLibical", providers: [.apt(["libical-dev"])]),
        // cmark-gfm renders the report's Markdown: its parser runs in time linear in its input
        // (Ink, used before, backtracked: a line of 30 '[' took minutes). See MarkdownHTML.swift.
        // Linked statically (RoundTableDocuments' linker settings): two more shared libraries
        // would cost every start of the cron commands, which never render Markdown.
        .systemLibrary(name: "CCmarkGFM", providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        // libcurl loaded on first use (dlopen), not linked: see Sources/CCurl/include/CCurl.h.
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("dl")]),
        // libpq, opened with dlopen on the first postgres:// state; the header only checks the shim
        // against libpq's own prototypes (Debian's libpq-dev).
        .target(name: "CPostgres", cSettings: [.unsafeFlags(["-I/usr/include/postgresql"])]),
        // SHA-256 for members' links, from libcrypto loaded with dlopen on first use (CDigest.h).
        .target(name: "CDigest", linkerSettings: [.linkedLibrary("dl")]),
        // Dates, times and zones: the one vocabulary every layer shares, with no calendar format in it.
        .target(name: "CalendarTime", swiftSettings: guarded),
        .target(name: "ICalendar", dependencies: ["CLibical", "CalendarTime"], swiftSettings: guarded),
        .target(
            name: "RoundTableCore",
            dependencies: ["CalendarTime", "ICalendar", .product(name: "Yams", package: "Yams")],
            swiftSettings: guarded
        ),
        .target(
            name: "RoundTableStore",
            dependencies: ["CalendarTime", "CDigest", "CPostgres", "RoundTableCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: guarded
        ),
        .target(
            name: "RoundTableDocuments",
            dependencies: [
                "CalendarTime", "CCmarkGFM", "RoundTableCore",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: guarded,
            linkerSettings: [.unsafeFlags(["-Xlinker", "-l:libcmark-gfm-extensions.a", "-Xlinker", "-l:libcmark-gfm.a"])],
            plugins: ["EmbedTemplates"]
        ),
        // templates/*.mustache compiled into RoundTableDocuments (Templates.builtIn).
        .plugin(name: "EmbedTemplates", capability: .buildTool()),
        .target(
            name: "RoundTableMail",
            dependencies: ["CCurl", "CalendarTime", "ICalendar", "RoundTableCore", "RoundTableDocuments"],
            swiftSettings: guarded
        ),
        .target(name: "RoundTableCalDAV", dependencies: ["CCurl", "RoundTableCore"], swiftSettings: guarded),
        .executableTarget(
            name: "roundtable",
            dependencies: [
                "RoundTableCore",
                "RoundTableStore",
                "RoundTableMail",
                "RoundTableCalDAV",
                "RoundTableDocuments",
                "CalendarTime",
                "ICalendar",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: guarded,
            plugins: ["BuildInfo"]
        ),
        // The web server (`roundtable serve`, issue 27): its own executable, so that SwiftNIO and
        // Hummingbird never reach the CLI's binary, its size or its start-up. `roundtable serve`
        // execs it from the CLI's own folder.
        .target(
            name: "RoundTableServer",
            dependencies: [
                "CalendarTime", "RoundTableCore", "RoundTableStore", "RoundTableDocuments",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: guarded
        ),
        .executableTarget(
            name: "roundtable-serve",
            dependencies: [
                "RoundTableServer", "RoundTableStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: guarded
        ),
        // BuildInfo.commit, for --version.
        .plugin(name: "BuildInfo", capability: .buildTool()),
        .executableTarget(
            name: "roundtable-bench",
            dependencies: ["CalendarTime", "ICalendar", "RoundTableCore"]
        ),
        .executableTarget(name: "fuzz-schedule", dependencies: ["RoundTableCore"]),
        .executableTarget(name: "fuzz-records", dependencies: ["RoundTableCore"]),
        .executableTarget(name: "fuzz-reply", dependencies: ["CalendarTime", "ICalendar", "RoundTableCore", "RoundTableMail"]),
        .executableTarget(name: "fuzz-mime", dependencies: ["RoundTableMail"]),
        .executableTarget(name: "fuzz-report", dependencies: ["RoundTableDocuments"]),
        .executableTarget(name: "fuzz-template", dependencies: ["RoundTableDocuments"]),
        .testTarget(name: "CalendarTimeTests", dependencies: ["CalendarTime"]),
        .testTarget(name: "ICalendarTests", dependencies: ["CalendarTime", "ICalendar", "CLibical"]),
        .testTarget(name: "RoundTableCoreTests", dependencies: ["CalendarTime", "ICalendar", "RoundTableCore"]),
        .testTarget(
            name: "RoundTableStoreTests",
            dependencies: ["CalendarTime", "ICalendar", "RoundTableCore", "RoundTableStore", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // What every test suite shares: the repository, the built binary, scratch folders, the
        // peer programs in Peers/ and the servers they start, an in-memory transport.
        .target(name: "TestSupport", dependencies: ["RoundTableMail"], path: "Tests/TestSupport", exclude: ["Peers"]),
        .testTarget(
            name: "RoundTableMailTests",
            dependencies: ["RoundTableMail", "RoundTableCore", "ICalendar", "TestSupport"],
            exclude: ["parse_eml.py"]
        ),
        .testTarget(name: "RoundTableCalDAVTests", dependencies: ["RoundTableCalDAV", "RoundTableCore", "ICalendar"]),
        .testTarget(
            name: "RoundTableDocumentsTests",
            dependencies: ["CalendarTime", "ICalendar", "RoundTableCore", "RoundTableDocuments", "TestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["CalendarTime", "ICalendar", "RoundTableMail", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
