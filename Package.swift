// swift-tools-version:6.0
// opsdocs: compiles a folder of ops notes into an offline site, verified snippets and search.
// Targets follow ../shared/DESIGN.md: each stage only knows the stages before it.
import Foundation
import PackageDescription

let package = Package(
    name: "opsdocs",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "opsdocs", targets: ["opsdocs"]),
        .library(name: "OpsdocsSite", targets: ["OpsdocsSite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "OpsdocsConfig", dependencies: [.product(name: "TOMLKit", package: "TOMLKit")]),
        .target(
            name: "OpsdocsContent",
            dependencies: [
                "OpsdocsConfig", .product(name: "Yams", package: "Yams"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]),
        // The shell-session model (prompts, commands, output, heredocs): below Markdown, because
        // the highlighter draws console spans from it and the snippet files are read off it.
        .target(name: "OpsdocsShell"),
        .target(name: "OpsdocsMarkdown", dependencies: ["CCmarkGFM", "OpsdocsConfig", "OpsdocsContent", "OpsdocsShell"]),
        .target(
            name: "OpsdocsSnippets",
            dependencies: ["OpsdocsConfig", "OpsdocsShell", "OpsdocsMarkdown", .product(name: "Yams", package: "Yams")]),
        .target(name: "OpsdocsSearch", dependencies: ["OpsdocsConfig", "CZlib"]),
        .target(
            name: "OpsdocsSite",
            dependencies: [
                "OpsdocsConfig", "OpsdocsContent", "OpsdocsMarkdown", "OpsdocsSnippets", "OpsdocsSearch",
                .product(name: "Mustache", package: "swift-mustache"),
            ]),
        .target(name: "OpsdocsServe", dependencies: ["OpsdocsSite", .product(name: "FlyingFox", package: "FlyingFox")]),
        .executableTarget(
            name: "opsdocs",
            dependencies: ["OpsdocsSite", "OpsdocsServe", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .testTarget(name: "OpsdocsConfigTests", dependencies: ["OpsdocsConfig"]),
        .testTarget(name: "OpsdocsContentTests", dependencies: ["OpsdocsContent"]),
        .testTarget(name: "OpsdocsShellTests", dependencies: ["OpsdocsShell"]),
        .testTarget(name: "OpsdocsMarkdownTests", dependencies: ["OpsdocsMarkdown"]),
        .testTarget(
            name: "OpsdocsSnippetsTests", dependencies: ["OpsdocsSnippets", "OpsdocsConfig", "OpsdocsContent", "OpsdocsMarkdown"]),
        .testTarget(name: "OpsdocsSearchTests", dependencies: ["OpsdocsSearch"]),
        .testTarget(name: "OpsdocsSiteTests", dependencies: ["OpsdocsSite", "OpsdocsSearch"]),
        .testTarget(name: "OpsdocsServeTests", dependencies: ["OpsdocsServe", "OpsdocsSite"]),
    ],
    swiftLanguageModes: [.v6]
)

// Fuzz targets (libFuzzer), only when asked for: `bench/fuzz.sh` builds them with
// OPSDOCS_FUZZ=1 and `-sanitize=fuzzer,address` into .build-fuzz/.
if ProcessInfo.processInfo.environment["OPSDOCS_FUZZ"] != nil {
    let fuzzTargets: [(String, [Target.Dependency])] = [
        ("FuzzFrontMatter", ["OpsdocsConfig", "OpsdocsContent"]),
        ("FuzzTranscript", ["OpsdocsShell", "OpsdocsSnippets"]),
        ("FuzzTokenizer", ["OpsdocsSearch"]),
        ("FuzzLinks", ["OpsdocsContent", "OpsdocsMarkdown"]),
        ("FuzzHighlighter", ["OpsdocsMarkdown"]),
    ]
    package.targets.append(.target(name: "FuzzSupport", path: "Fuzz/FuzzSupport"))
    for (name, dependencies) in fuzzTargets {
        package.targets.append(.executableTarget(name: name, dependencies: dependencies + ["FuzzSupport"], path: "Fuzz/\(name)"))
    }
}
