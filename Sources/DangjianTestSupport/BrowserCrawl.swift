import Foundation

/// Headless Chromium opening pages of a built site with the network cut, through
/// `Tests/Browser/crawl.py` (Chromium's DevTools protocol over a pipe, Python's standard library).
public struct BrowserCrawl: Decodable {
    public struct Problem: Decodable, CustomStringConvertible {
        public let page: String
        public let url: String
        public let detail: String?
        public var description: String { "\(page): \(url) \(detail ?? "")" }
    }

    /// What the search page showed: `state` is "done" once results are drawn.
    public struct Probe: Decodable {
        public let state: String?
        public let count: Int?
        public let titles: [String]
        public let marks: Int
        public let status: String?
        /// The theme's stylesheet applied (body laid out as flex).
        public let styled: Bool
        public let links: [String]
    }

    public let visited: [String]
    /// Links followed or checked (crawl only).
    public let checked: Int
    public let broken: [Problem]
    public let external: [Problem]
    public let failed: [Problem]
    public let console: [Problem]
    public let probes: [String: Probe]

    /// Every problem of every kind, for one `#expect`.
    public var problems: [Problem] { broken + external + failed + console }

    /// Opens `urls` (and, with `crawl`, every page they link to inside `prefix`).
    public static func run(_ urls: [String], prefix: String, crawl: Bool = false, probe: Bool = false) throws -> BrowserCrawl {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Repository.root.appendingPathComponent("Tests/Browser/crawl.py").path,
                             "--chromium", chromium, "--prefix", prefix] + (crawl ? ["--crawl"] : []) + (probe ? ["--probe"] : []) + urls
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CrawlError(message: "crawl.py exited with \(process.terminationStatus): \(String(decoding: data, as: UTF8.self))")
        }
        return try JSONDecoder().decode(BrowserCrawl.self, from: data)
    }

    /// `chromium` (Debian) or `CHROMIUM` from the environment.
    public static var chromium: String { ProcessInfo.processInfo.environment["CHROMIUM"] ?? "chromium" }

    /// `file:///…/` of a folder, with its characters percent-encoded as Chromium writes them.
    public static func fileURL(_ folder: URL) -> String {
        folder.standardizedFileURL.absoluteString.hasSuffix("/") ? folder.standardizedFileURL.absoluteString
            : folder.standardizedFileURL.absoluteString + "/"
    }

    public struct CrawlError: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }
}
