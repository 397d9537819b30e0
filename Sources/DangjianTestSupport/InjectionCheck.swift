import Foundation

/// Pages of a built site opened in headless Chromium by `Tests/Browser/xss.py`, with dialogs hooked
/// before any script runs and the DOM checked for markup or addresses that could run script.
public struct InjectionCheck: Decodable {
    public struct Finding: Decodable, CustomStringConvertible {
        public let page: String
        public let url: String
        public let detail: String?
        public var description: String { "\(page): \(url) \(detail ?? "")" }
    }

    /// What one page showed once loaded (a search page: with every result drawn).
    public struct Page: Decodable {
        public let links: [String]
        public let resources: [String]
        public let forms: [String]
        public let base: String?
        public let styled: Bool
        public let state: String?
        public let results: Int
    }

    public let visited: [String]
    /// `alert`, `confirm`, `prompt` or `print` called, by whatever frame.
    public let calls: [Finding]
    /// Real dialogs that opened (the hook bypassed).
    public let dialogs: [Finding]
    /// Live markup or addresses in the DOM.
    public let violations: [Finding]
    public let external: [Finding]
    public let failed: [Finding]
    public let console: [Finding]
    public let pages: [String: Page]

    /// Every sign of live script: for one `#expect`.
    public var live: [Finding] { calls + dialogs + violations }

    /// Opens `urls`, shared out between `browsers` Chromium processes working at once (each opens
    /// its share in order); `allowedEvents` are the theme's own `on…="…"` attributes.
    public static func run(_ urls: [String], prefix: String, allowedEvents: [String], browsers: Int = 2) throws -> InjectionCheck {
        let shares = (0..<max(1, browsers)).map { share in urls.enumerated().filter { $0.offset % max(1, browsers) == share }.map(\.element) }
        let results = Results(count: shares.count)
        DispatchQueue.concurrentPerform(iterations: shares.count) { share in
            results.set(share, Result { try runOne(shares[share], prefix: prefix, allowedEvents: allowedEvents) })
        }
        let checks = try results.all.map { try $0!.get() }
        return InjectionCheck(visited: checks.flatMap(\.visited), calls: checks.flatMap(\.calls), dialogs: checks.flatMap(\.dialogs),
                              violations: checks.flatMap(\.violations), external: checks.flatMap(\.external),
                              failed: checks.flatMap(\.failed), console: checks.flatMap(\.console),
                              pages: checks.reduce(into: [:]) { $0.merge($1.pages) { first, _ in first } })
    }

    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Result<InjectionCheck, Error>?]
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: Result<InjectionCheck, Error>) { lock.withLock { values[index] = value } }
        var all: [Result<InjectionCheck, Error>?] { lock.withLock { values } }
    }

    private static func runOne(_ urls: [String], prefix: String, allowedEvents: [String]) throws -> InjectionCheck {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let list = FileManager.default.temporaryDirectory.appendingPathComponent("dangjian-xss-\(UUID().uuidString).txt")
        try urls.joined(separator: "\n").write(to: list, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: list) }
        process.arguments = ["python3", Repository.root.appendingPathComponent("Tests/Browser/xss.py").path,
                             "--chromium", BrowserCrawl.chromium, "--prefix", prefix, "--settle", "0.03", "--url-list", list.path]
            + allowedEvents.flatMap { ["--allow-on", $0] }
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BrowserCrawl.CrawlError(message: "xss.py exited with \(process.terminationStatus): \(String(decoding: data.prefix(2000), as: UTF8.self))")
        }
        return try JSONDecoder().decode(InjectionCheck.self, from: data)
    }

    /// The `on…="…"` attributes the theme's templates write themselves (the print button's).
    public static func themeEvents(in templates: URL = Repository.templates) -> [String] {
        var found = Set<String>()
        for file in TestSite.files(under: templates) where file.hasSuffix(".mustache") {
            guard let text = try? String(contentsOf: templates.appendingPathComponent(file), encoding: .utf8) else { continue }
            for match in text.matches(of: /\s(on[a-z]+)="([^"{}]*)"/) { found.insert("\(match.output.1)=\(match.output.2)") }
        }
        return found.sorted()
    }
}
