/// Reads one loaded entry into a validated `Entry`, reporting every problem it finds.
/// Returns nil when a required field is missing or wrong, so no half-valid entry is published.
struct EntryReader {
    let config: SiteConfig
    let assetPaths: Set<String>
    let log: DiagnosticLog

    static let commonFields = ["title", "date", "tags", "summary", "slug", "cover", "draft"]

    static func fields(of kind: EntryKind) -> [String] {
        switch kind {
        case .brand: return commonFields + ["branch", "slogan", "category", "highlights"]
        case .salon: return commonFields + ["issue", "host", "speakers", "readings", "homework"]
        case .talk: return commonFields + ["speaker", "series", "branch", "minutes"]
        case .page: return commonFields + ["weight"]
        }
    }

    func read(_ loaded: LoadedEntry) -> Entry? {
        let kind = EntryKind(section: loaded.section)
        let reader = FieldReader(node: loaded.frontMatter, log: log)
        let title = required(reader, "title")
        let date = readDate(reader)
        let slug = readSlug(reader)
        let cover = readCover(reader, folder: folder(of: loaded.contentPath))
        let details = readDetails(kind, reader)
        let extra = reader.warnAboutUnknownKeys(known: Self.fields(of: kind))
        guard let title, let date, let details else { return nil }
        let fileSlug = Slug.fromFileName(String(loaded.contentPath.split(separator: "/").last ?? ""), pinyin: config.pinyin)
        return Entry(path: loaded.path, contentPath: loaded.contentPath, kind: kind, title: title, date: date,
                     tags: uniqued(reader.stringList("tags") ?? []), summary: reader.string("summary"),
                     slug: slug ?? (fileSlug.isEmpty ? kind.rawValue : fileSlug), slugIsExplicit: slug != nil,
                     cover: cover, isDraft: reader.bool("draft") ?? false, details: details, extraFields: extra,
                     fieldLocations: Dictionary(loaded.frontMatter.fields!.map { ($0.key, $0.value.location) },
                                                uniquingKeysWith: { first, _ in first }),
                     body: loaded.body, bodyFirstLine: loaded.bodyFirstLine, revision: loaded.revision)
    }

    private func readDetails(_ kind: EntryKind, _ reader: FieldReader) -> EntryDetails? {
        switch kind {
        case .brand:
            let branch = requiredBranch(reader, "branch")
            let category = requiredChoice(reader, "category", among: config.brandCategories)
            guard let branch, let category else { return nil }
            return .brand(BrandDetails(branch: branch, slogan: reader.string("slogan"), category: category,
                                       highlights: reader.stringList("highlights") ?? []))
        case .salon:
            let issue = readIssue(reader)
            let host = requiredBranch(reader, "host")
            guard let issue, let host else { return nil }
            return .salon(SalonDetails(issue: issue, host: host, speakers: reader.stringList("speakers") ?? [],
                                       readings: reader.stringList("readings") ?? [], homework: reader.string("homework")))
        case .talk:
            let speaker = required(reader, "speaker")
            let series = requiredChoice(reader, "series", among: config.talkSeries)
            let branch = reader.has("branch") ? requiredBranch(reader, "branch") : nil
            let minutes = reader.positiveNumber("minutes") ?? 3
            guard let speaker, let series, !(reader.has("branch") && branch == nil) else { return nil }
            return .talk(TalkDetails(speaker: speaker, series: series, branch: branch, minutes: minutes))
        case .page:
            return .page
        }
    }

    private func required(_ reader: FieldReader, _ key: String) -> String? {
        if let value = reader.string(key) { return value }
        // Absent, empty or blank: all the same to the writer. (A list or map was reported as the wrong type.)
        if !reader.has(key) || reader.isBlank(key) { log.report(ModelError.missingField(file: reader.file, field: key)) }
        return nil
    }

    private func requiredChoice(_ reader: FieldReader, _ key: String, among choices: [String]) -> String? {
        guard let value = required(reader, key) else { return nil }
        guard choices.contains(value) else {
            log.report(ModelError.unknownValue(location: reader.location(of: key), field: key, value: value, choices: choices))
            return nil
        }
        return value
    }

    private func requiredBranch(_ reader: FieldReader, _ key: String) -> Branch? {
        guard let value = required(reader, key) else { return nil }
        guard let branch = config.branch(matching: value) else {
            let choices = config.branches.flatMap { [$0.id, $0.name] }
            log.report(ModelError.unknownValue(location: reader.location(of: key), field: key, value: value, choices: choices))
            return nil
        }
        return branch
    }

    private func readDate(_ reader: FieldReader) -> EntryDate? {
        guard let text = required(reader, "date") else { return nil }
        guard let date = EntryDate(parsing: text) else {
            log.report(ModelError.invalidDate(location: reader.location(of: "date"), value: text))
            return nil
        }
        return date
    }

    private func readSlug(_ reader: FieldReader) -> String? {
        guard let slug = reader.string("slug") else { return nil }
        guard Slug.isValid(slug) else {
            log.report(ModelError.invalidSlug(location: reader.location(of: "slug"), value: slug))
            return nil
        }
        return slug
    }

    private func readIssue(_ reader: FieldReader) -> Int? {
        guard let text = required(reader, "issue") else { return nil }
        guard let issue = Int(text), issue > 0 else {
            log.report(ModelError.invalidIssue(location: reader.location(of: "issue"), value: text))
            return nil
        }
        return issue
    }

    /// The cover's path relative to `content/`, checked to exist inside it.
    private func readCover(_ reader: FieldReader, folder: String) -> String? {
        guard let cover = reader.string("cover") else { return nil }
        guard let resolved = ContentPath.resolve(cover, from: folder), assetPaths.contains(resolved) else {
            log.report(ModelError.missingCover(location: reader.location(of: "cover"), path: cover))
            return nil
        }
        return resolved
    }

    private func folder(of contentPath: String) -> String {
        guard let slash = contentPath.lastIndex(of: "/") else { return "" }
        return String(contentPath[..<slash])
    }

    private func uniqued(_ tags: [String]) -> [String] {
        var seen = Set<String>()
        return tags.filter { seen.insert($0).inserted }
    }
}
