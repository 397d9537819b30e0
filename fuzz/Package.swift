// swift-tools-version:6.0
// The coverage-guided fuzzer of dangjian's content pipeline (libFuzzer). A package of its own so the
// main package's `swift build` and `swift test` never build it: `scripts/fuzz` builds and runs it.
import Foundation
import PackageDescription

// A package depended on by path is named after its folder (`dangjian`, `main`, a worktree's name).
let mainPackage = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "dangjian-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "DangjianFuzz",
            dependencies: [.product(name: "Dangjian", package: mainPackage)],
            // libFuzzer supplies `main`; the target only defines LLVMFuzzerTestOneInput.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
