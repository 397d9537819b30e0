import Foundation

/// What `dangjian import` was asked for.
public struct ImportRequest: Sendable {
    public var kind: EntryKind
    /// Documents and folders of documents (searched through, hidden files left out).
    public var sources: [URL]
    /// Option values by field name (`date`, `tags` and the kind's fields); they win over what documents say.
    public var values: [String: String]

    public init(kind: EntryKind, sources: [URL], values: [String: String] = [:]) {
        self.kind = kind
        self.sources = sources
        self.values = values
    }
}

/// What an import did: the entries written, what each still needs, and every problem by document.
public struct ImportReport: Sendable {
    public struct Written: Sendable, Equatable {
        public let source: String
        /// Relative to the site root.
        public let path: String
        public let pictures: Int
        /// Labels and field names left empty, to fill in (`主讲人（speaker）`).
        public let toFill: [String]
    }

    public var written: [Written] = []
    public var diagnostics: [Diagnostic] = []
    /// What `check` finds in the entries written (they are checked with drafts and future entries).
    public var checkProblems: [Diagnostic] = []
    /// Documents and other files looked at.
    public var found = 0
    public var errors: [Diagnostic] { diagnostics.filter(\.isError) }
}

/// `dangjian import`: Word documents into entries, one each, in parallel; nothing existing is
/// replaced, and an entry appears with its pictures or not at all.
public enum WordImporter {
    public static func run(_ request: ImportRequest, root: URL, catalog: KindCatalog = .standard, now: Date = Date(),
                           environment: [String: String] = ProcessInfo.processInfo.environment,
                           progress: (@Sendable (Int, Int) -> Void)? = nil) -> ImportReport {
        var report = ImportReport()
        let (pandoc, libreOffice) = Converter.find(environment: environment)
        guard let pandoc else {
            report.diagnostics = [ImportError.pandocMissing.diagnostic]
            return report
        }
        let site: ScaffoldSite
        switch ScaffoldSite.read(root: root, catalog: catalog) {
        case let .success(read): site = read
        case let .failure(failure):
            report.diagnostics = failure.diagnostics
            return report
        }
        let optionProblems = checkOptions(request, site: site, now: now)
        let (documents, missing, undecodable) = documents(in: request.sources)
        guard optionProblems.isEmpty, missing.isEmpty else {
            report.diagnostics = optionProblems + missing.map { ImportError.noSource(path: $0).diagnostic }
            return report
        }
        report.found = documents.count + undecodable.count
        let work = root.appendingPathComponent("content/.dangjian-import-\(getpid())")
        defer { try? FileManager.default.removeItem(at: work) }
        guard let filter = try? Converter.writeFilter(in: work) else {
            report.diagnostics = [WriteError.cannotWrite(path: "content/", reason: "无法建立导入用的临时文件夹").diagnostic]
            return report
        }
        let converter = Converter(pandoc: pandoc, libreOffice: libreOffice, filter: filter)
        let conversion = DocumentConversion(converter: converter, kind: request.kind)
        let done = Counter()
        let results = documents.indices.map { $0 }.concurrentMap(width: conversions) { index in
            let result = conversion.convert(documents[index], work: work.appendingPathComponent("\(index)"))
            progress?(done.next(), documents.count)
            return result
        }
        let log = DiagnosticLog()
        undecodable.forEach { log.report(ImportError.nameNotUTF8(file: $0.name, gbk: $0.gbk)) }
        var placer = EntryPlacer(request: request, site: site, root: root, now: now, log: log)
        for result in results {
            switch result {
            case let .success(converted):
                if let written = placer.place(converted) { report.written.append(written) }
                try? FileManager.default.removeItem(at: converted.work)
            case let .failure(problem): log.report(problem)
            }
        }
        report.diagnostics = log.diagnostics
        if !report.written.isEmpty {
            let written = Set(report.written.map(\.path))
            report.checkProblems = SiteBuilder.check(root: root, options: BuildOptions(catalog: catalog, includeDrafts: true, includeFuture: true, now: now))
                .diagnostics.filter { written.contains($0.file) }
        }
        return report
    }

    /// Problems with the options themselves (an unknown series, a bad date): nothing is imported then.
    private static func checkOptions(_ request: ImportRequest, site: ScaffoldSite, now: Date) -> [Diagnostic] {
        let log = DiagnosticLog()
        _ = EntryScaffold.draft(NewEntryRequest(kind: request.kind, title: "-", values: request.values), site: site, now: now,
                                prompter: nil, log: log)
        return log.diagnostics.filter { $0.isError && $0.code != "missing-option" }
    }

    /// A file whose name is not UTF-8, as it is shown (`archive/\xB5\xB3.docx`), and its GBK reading if it has one.
    struct UndecodableName: Sendable, Equatable {
        let name: String
        let gbk: String?
    }

    /// Every file in the folders given (sorted, hidden ones left out) and the files given; paths that
    /// do not exist; files whose names are not UTF-8, which Foundation can neither name nor open.
    static func documents(in sources: [URL]) -> ([SourceDocument], [String], [UndecodableName]) {
        var documents: [SourceDocument] = []
        var missing: [String] = []
        var undecodable: [UndecodableName] = []
        for source in sources {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isFolder) else {
                let given = undecodableNames(source.deletingLastPathComponent(), shown: (source.relativePath as NSString).deletingLastPathComponent)
                    .filter { $0.raw.lossy == source.lastPathComponent }
                if given.isEmpty { missing.append(source.relativePath) } else { undecodable += given.map(\.name) }
                continue
            }
            guard isFolder.boolValue else {
                documents.append(SourceDocument(url: source, name: source.relativePath))
                continue
            }
            let base = source.standardizedFileURL.path
            let enumerator = FileManager.default.enumerator(at: source, includingPropertiesForKeys: [.isRegularFileKey],
                                                            options: [.skipsHiddenFiles])
            var found: [SourceDocument] = []
            var foldersWithBadNames: Set<String> = []
            while let url = enumerator?.nextObject() as? URL {
                let inside = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else {
                    if url.lastPathComponent.contains("\u{FFFD}") { foldersWithBadNames.insert((inside as NSString).deletingLastPathComponent) }
                    continue
                }
                found.append(SourceDocument(url: url, name: (source.relativePath as NSString).appendingPathComponent(inside)))
            }
            documents += found.sorted { $0.name < $1.name }
            for folder in foldersWithBadNames.sorted() {
                undecodable += undecodableNames(source.appendingPathComponent(folder),
                                                shown: (source.relativePath as NSString).appendingPathComponent(folder)).map(\.name)
            }
        }
        return (documents, missing, undecodable)
    }

    private static func undecodableNames(_ folder: URL, shown: String) -> [(raw: RawFileName, name: UndecodableName)] {
        RawFileName.undecodable(in: folder).map { raw in
            (raw, UndecodableName(name: shown.isEmpty ? raw.escaped : (shown as NSString).appendingPathComponent(raw.escaped), gbk: raw.gbk))
        }
    }
}

/// Conversions at once: pandoc's start and its files' reading and writing leave a core idle part of
/// the time, so twice as many as there are cores.
private let conversions = 2 * ProcessInfo.processInfo.activeProcessorCount

extension Array where Element: Sendable {
    /// Maps the elements with at most `width` running at once (for work that waits on other processes), keeping their order.
    func concurrentMap<T: Sendable>(width: Int, _ transform: @escaping @Sendable (Element) -> T) -> [T] {
        let slots = Slots<T>(count)
        let group = DispatchGroup()
        let gate = DispatchSemaphore(value: Swift.max(1, width))
        for (index, element) in enumerated() {
            gate.wait()
            DispatchQueue.global().async(group: group) {
                slots.store(transform(element), at: index)
                gate.signal()
            }
        }
        group.wait()
        return slots.values
    }
}

private final class Slots<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [T?]
    init(_ count: Int) { items = Array(repeating: nil, count: count) }
    func store(_ value: T, at index: Int) { lock.withLock { items[index] = value } }
    var values: [T] { lock.withLock { items.map { $0! } } }
}

/// Counts finished documents from any thread.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func next() -> Int { lock.withLock { count += 1; return count } }
}
