import Foundation

/// Gives each converted document its front matter (through `new`'s own steps), a file name no
/// other entry has, and places it. Runs in the documents' order, so the same batch gives the same names.
struct EntryPlacer {
    let request: ImportRequest
    let site: ScaffoldSite
    let root: URL
    let now: Date
    let log: DiagnosticLog
    /// Numbers in use (a numbered kind's), the site's and this batch's.
    private var numbers: Set<Int>
    /// Documents imported before (into this kind), by name as given: their entries.
    private var importedFrom: [String: String]

    static let sourceComment = "由 dangjian import 导入自："

    init(request: ImportRequest, site: ScaffoldSite, root: URL, now: Date, log: DiagnosticLog) {
        self.request = request
        self.site = site
        self.root = root
        self.now = now
        self.log = log
        let numberField = request.kind.field(with: .number)
        importedFrom = Self.importedDocuments(site, kind: request.kind)
        numbers = Set(site.loaded.entries.filter { $0.kind == request.kind }.compactMap { entry in
            // (A number beyond the field's range is a typo `check` reports; it does not count, nor overflow.)
            numberField.flatMap { entry.frontMatter.field($0.name)?.scalar }.flatMap { Int($0) }
                .flatMap { number in numberField?.allows(Double(number)) == true ? number : nil }
        })
    }

    mutating func place(_ document: ConvertedDocument) -> ImportReport.Written? {
        let name = document.source.name
        var values = document.reading.values.merging(request.values) { _, option in option }
        let date = date(of: document, given: request.values["date"])
        values["date"] = date.date.isoDay
        if let field = request.kind.field(with: .number) { values[field.name] = String(number(of: document, field: field)) }
        if let existing = importedFrom[name] {
            log.report(ImportError.alreadyImported(file: name, entry: existing))
            return nil
        }
        let asked = NewEntryRequest(kind: request.kind, title: document.reading.title ?? name, values: values)
        let unresolved = UnresolvedFields()
        guard let first = EntryScaffold.draft(asked, site: site, now: now, prompter: nil, log: DiagnosticLog(),
                                              unresolved: unresolved) else { return nil }
        for attempt in 1...50 {
            var named = first
            if attempt > 1 {
                var renamed = asked
                renamed.values["slug"] = "\(first.slug)-\(attempt)"
                guard let draft = EntryScaffold.draft(renamed, site: site, now: now, prompter: nil, log: DiagnosticLog(),
                                                      unresolved: UnresolvedFields()) else { return nil }
                named = draft
            }
            let stem = String(named.path.split(separator: "/").last!.dropLast(3))
            let folder = String(named.path.dropLast(3))
            let body = document.reading.body.replacingOccurrences(of: DocumentConversion.picturePrefix, with: stem + "/")
            let text = named.text(body: body, comments: [Self.sourceComment + name])
            switch EntryCommit.place(text: text, entryPath: named.path, pictures: document.pictures, picturesPath: folder,
                                     root: root, work: document.work) {
            case .taken: continue
            case let .failed(reason):
                log.report(ImportError.cannotWrite(file: name, entry: named.path, reason: reason))
                return nil
            case .placed:
                importedFrom[name] = named.path
                return written(document, path: named.path, unresolved: unresolved.fields, dateGuessed: date.guessed)
            }
        }
        log.report(ImportError.cannotWrite(file: name, entry: "content/\(request.kind.folder)/", reason: "同名文件太多"))
        return nil
    }

    private func written(_ document: ConvertedDocument, path: String, unresolved: [UnresolvedFields.Field],
                         dateGuessed: Bool) -> ImportReport.Written {
        let name = document.source.name
        for field in unresolved {
            if let value = field.rejected {
                log.report(ImportError.valueNotKnown(file: name, entry: path, field: field.name, label: field.label, value: value))
            } else {
                log.report(ImportError.fieldNotFound(file: name, entry: path, field: field.name, label: field.label))
            }
        }
        if dateGuessed { log.report(ImportError.dateFromFileTime(file: name, entry: path)) }
        for picture in document.unshownPictures {
            log.report(ImportError.unshownPicture(file: name, entry: path, picture: picture))
        }
        let folder = root.appendingPathComponent(String(path.dropLast(3))).path
        let pictures = document.pictures == nil ? 0 : (try? FileManager.default.contentsOfDirectory(atPath: folder).count) ?? 0
        return ImportReport.Written(source: name, path: path, pictures: pictures,
                                    toFill: unresolved.map { "\($0.label)（\($0.name)）" } + (dateGuessed ? ["日期（date）"] : []))
    }

    /// The option's date, the document's, or the file's modification time (then to be checked).
    private func date(of document: ConvertedDocument, given: String?) -> (date: EntryDate, guessed: Bool) {
        if let given, let date = EntryDate(parsing: given) { return (date, false) }
        if let date = document.reading.date { return (date, false) }
        return (EntryDate.of(document.modified ?? now, in: site.config.timeZone).dayOnly, true)
    }

    /// The document's 第N期 when no other entry has it, else the next free number.
    private mutating func number(of document: ConvertedDocument, field: FieldSpec) -> Int {
        if let given = request.values[field.name].flatMap({ Int($0) }) { return given }
        let next = (numbers.max() ?? 0) + 1
        var chosen = next
        if let wanted = document.reading.number {
            if numbers.contains(wanted) {
                log.report(ImportError.numberTaken(file: document.source.name, label: field.label, number: wanted, given: next))
            } else {
                chosen = wanted
            }
        }
        numbers.insert(chosen)
        return chosen
    }

    /// The documents the kind's entries say they were imported from (the comment import writes), by document.
    private static func importedDocuments(_ site: ScaffoldSite, kind: EntryKind) -> [String: String] {
        var found: [String: String] = [:]
        let marker = "# " + sourceComment
        for entry in site.loaded.entries where entry.kind == kind {
            guard let handle = FileHandle(forReadingAtPath: site.loaded.root.appendingPathComponent(entry.path).path) else { continue }
            defer { try? handle.close() }
            let head = String(decoding: (try? handle.read(upToCount: 4096)) ?? Data(), as: UTF8.self)
            guard let start = head.range(of: marker) else { continue }
            let rest = head[start.upperBound...]
            found[String(rest.prefix { $0 != "\n" })] = entry.path
        }
        return found
    }
}
