// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "dangjian",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dangjian", targets: ["dangjian"]),
        .library(name: "Dangjian", targets: ["Dangjian"]),
        .library(name: "DangjianPreview", targets: ["DangjianPreview"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
    ],
    targets: [
        // libcmark from the system (Debian: libcmark-dev), found through pkg-config.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // libqrencode from the system (Debian: libqrencode-dev): QR codes on boards and bulletins.
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        // libxlsxwriter from the system (Debian: libxlsxwriter-dev): the year's ledger (台账) as a workbook.
        .systemLibrary(
            name: "CXlsxwriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        // libvips from the system (Debian: libvips-dev): web versions of pictures (thumbnails, page widths).
        .systemLibrary(
            name: "CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]
        ),
        // renameat2(RENAME_EXCHANGE): swaps the new site into place in one step.
        .target(name: "CRenameExchange"),
        .target(
            name: "Dangjian",
            dependencies: [
                "CCmark",
                "CQRencode",
                "CXlsxwriter",
                "CVips",
                "CRenameExchange",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // `dangjian serve`: the preview server, apart from the core so the library links no HTTP stack.
        .target(
            name: "DangjianPreview",
            dependencies: [
                "Dangjian",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "dangjian",
            dependencies: [
                "Dangjian",
                "DangjianPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "DangjianTestSupport", dependencies: ["Dangjian"]),
        .testTarget(name: "DangjianTests", dependencies: ["Dangjian", "DangjianTestSupport"]),
        .testTarget(name: "DangjianPreviewTests", dependencies: ["DangjianPreview"]),
        .testTarget(
            name: "DangjianEndToEndTests",
            dependencies: ["Dangjian", "DangjianTestSupport"],
            resources: [.copy("Snapshots")]
        ),
    ]
)
