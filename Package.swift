// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Haven",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "haven", targets: ["haven"]),
        .library(name: "HavenKit", targets: ["HavenKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // SHA-256 for the review seal (Foundation on Linux has no digest API).
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        // `haven serve`: the preview server (HavenServer).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.0.0"),
    ],
    targets: [
        // cmark-gfm from the system (Debian: libcmark-gfm-dev, libcmark-gfm-extensions-dev).
        .systemLibrary(
            name: "CMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [
                .apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]),
                .brew(["cmark-gfm"]),
            ]
        ),
        // libvips from the system (Debian: libvips-dev; Homebrew: vips): images (HavenKit/Media only).
        // No pkgConfig: shim.h declares the calls it needs (see there why).
        .systemLibrary(
            name: "CVips",
            providers: [
                .apt(["libvips-dev"]),
                .brew(["vips"]),
            ]
        ),
        // mimalloc, the process-wide allocator of the `haven` executable on Linux (libmimalloc-dev).
        .systemLibrary(
            name: "MiMalloc",
            providers: [.apt(["libmimalloc-dev"])]
        ),
        // Google's libphonenumber (Debian libphonenumber-dev, Homebrew libphonenumber) behind a small
        // C header: parsing, validation, short and emergency numbers, numbers in running text.
        .target(
            name: "CPhoneNumbers",
            cxxSettings: [.unsafeFlags(["-I/opt/homebrew/include", "-I/usr/local/include"], .when(platforms: [.macOS]))],
            linkerSettings: [
                .linkedLibrary("phonenumber"),
                .unsafeFlags(["-L/opt/homebrew/lib", "-L/usr/local/lib"], .when(platforms: [.macOS])),
            ]
        ),
        .target(
            name: "HavenKit",
            dependencies: [
                "CMarkGFM",
                "CPhoneNumbers",
                "CVips",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // The word lists are embedded by scripts/embed-resources.py (Generated/EmbeddedFiles.swift).
            exclude: ["Resources"]
        ),
        // `haven serve`: in-memory build, file watching, live reload, on Hummingbird 2.
        .target(
            name: "HavenServer",
            dependencies: [
                "HavenKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // `haven lsp`: the language server (JSON-RPC over stdio, its own Codable LSP types).
        .target(
            name: "HavenLSP",
            dependencies: ["HavenKit"]
        ),
        .executableTarget(
            name: "haven",
            dependencies: [
                "HavenKit",
                "HavenServer",
                "HavenLSP",
                .target(name: "MiMalloc", condition: .when(platforms: [.linux])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer target (scripts/fuzz.sh); does nothing when built normally.
        .executableTarget(
            name: "HavenFuzz",
            dependencies: ["HavenKit"]
        ),
        .testTarget(
            name: "HavenKitTests",
            dependencies: ["HavenKit", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .testTarget(
            name: "HavenLSPTests",
            dependencies: ["HavenLSP", "HavenKit"]
        ),
        .testTarget(
            name: "HavenServerTests",
            dependencies: [
                "HavenServer",
                "HavenKit",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
