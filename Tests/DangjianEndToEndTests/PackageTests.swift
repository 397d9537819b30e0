import Dangjian
import DangjianTestSupport
import Foundation
import Testing

/// The Debian package `scripts/package` makes, checked as an office PC without Swift would meet it.
/// Runs when `DANGJIAN_PACKAGE` names the package (`scripts/test` builds it and sets it).
@Suite("The Debian package", .enabled(if: ProcessInfo.processInfo.environment["DANGJIAN_PACKAGE"] != nil))
struct PackageTests {
    static var package: String { ProcessInfo.processInfo.environment["DANGJIAN_PACKAGE"] ?? "" }

    /// Output and status of a program, with only `environment` (so nothing of the Swift toolchain).
    static func run(_ program: String, _ arguments: [String], environment: [String: String] = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"],
                    in folder: URL? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.environment = environment
        if let folder { process.currentDirectoryURL = folder }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("its name, version, architecture, and dependencies on Debian's own libraries only")
    func metadata() throws {
        #expect(Self.package.hasSuffix("dangjian_\(DangjianVersion.current)_amd64.deb"))
        let fields = try Self.run("/usr/bin/dpkg-deb", ["-f", Self.package, "Package", "Version", "Architecture", "Depends", "Recommends"]).output
        #expect(fields.contains("Package: dangjian") && fields.contains("Version: \(DangjianVersion.current)") && fields.contains("Architecture: amd64"))
        for library in ["libcmark", "libqrencode", "libxlsxwriter", "libc6"] { #expect(fields.contains(library), "Depends lacks \(library)") }
        #expect(!fields.lowercased().contains("swift"))
        #expect(fields.contains("Recommends: chromium, fonts-noto-cjk, pandoc"))
        let contents = try Self.run("/usr/bin/dpkg-deb", ["-c", Self.package]).output
        for file in ["./usr/bin/dangjian", "./usr/share/dangjian/templates/base.mustache", "./usr/share/doc/dangjian/使用说明.md",
                     "./usr/share/doc/dangjian/copyright"] {
            #expect(contents.contains(file), "the package lacks \(file)")
        }
    }

    /// The versions Debian 12.0 (bookworm as released, June 2023) shipped of the libraries the program
    /// may depend on: a PC installed from its discs and never updated has these.
    static let debian12_0: [String: String] = [
        "libc6": "2.36-9", "libcmark0.30.2": "0.30.2-6", "libgcc-s1": "12.2.0-14", "libstdc++6": "12.2.0-14",
        "libqrencode4": "4.1.1-1", "libxlsxwriter4": "1.1.4-2+b1", "zlib1g": "1:1.2.13.dfsg-1", "libssl3": "3.0.9-1",
        "libminizip1": "1.1-8", "libvips42": "8.14.1-3", "libglib2.0-0": "2.74.6-2",
    ]

    @Test("Depends are dpkg-shlibdeps' minimum versions, none above what Debian 12.0 shipped")
    func dependsInstallOnDebian12_0() throws {
        let depends = try Self.run("/usr/bin/dpkg-deb", ["-f", Self.package, "Depends"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dangjian-depends-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Self.run("/usr/bin/dpkg-deb", ["-x", Self.package, folder.path]).status == 0)
        let script = Repository.root.appendingPathComponent("scripts/shlib-depends").path
        let computed = try Self.run(script, [folder.appendingPathComponent("usr/bin/dangjian").path])
        #expect(computed.status == 0, "\(computed.output)")
        #expect(depends == computed.output.trimmingCharacters(in: .whitespacesAndNewlines), "the package's Depends are not what the symbols need")
        for clause in depends.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let match = clause.wholeMatch(of: /([a-z0-9.+-]+)(?: \((?:>=|>>) ([^)]+)\))?/) else {
                Issue.record("unexpected Depends clause \(clause)")
                continue
            }
            let (package, minimum) = (String(match.output.1), match.output.2.map(String.init))
            let released = try #require(Self.debian12_0[package], "\(package) is not one of Debian 12.0's libraries listed here")
            if let minimum {
                let atMost = try Self.run("/usr/bin/dpkg", ["--compare-versions", minimum, "le", released])
                #expect(atMost.status == 0, "\(package) (>= \(minimum)) is newer than Debian 12.0's \(released)")
            }
        }
    }

    @Test("unpacked on a machine's path without Swift, the program needs no Swift library, makes a site and builds it")
    func runsWithoutSwift() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dangjian-package-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Self.run("/usr/bin/dpkg-deb", ["-x", Self.package, folder.path]).status == 0)
        let program = folder.appendingPathComponent("usr/bin/dangjian").path
        let libraries = try Self.run("/usr/bin/ldd", [program]).output
        #expect(!libraries.contains("libswift") && !libraries.contains("libFoundation") && !libraries.contains("/opt/swift"), "\(libraries)")
        let made = try Self.run(program, ["init", "网站", "--organization", "测试局", "--title", "测试网站"], in: folder)
        #expect(made.status == 0, "\(made.output)")
        let built = try Self.run(program, ["build", "--root", "网站"], in: folder)
        #expect(built.status == 0 && built.output.contains("已生成"), "\(built.output)")
    }

    @Test("its dependencies are satisfiable on this Debian (apt install ./package, simulated)")
    func installable() throws {
        let path = URL(fileURLWithPath: Self.package).standardizedFileURL.path
        let simulated = try Self.run("/usr/bin/apt-get", ["install", "--simulate", "--no-install-recommends", path])
        #expect(simulated.status == 0, "\(simulated.output)")
    }
}
