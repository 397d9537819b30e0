import Foundation

/// Reads one loaded entry into a validated `Entry`, as its kind's declaration says, reporting every
/// problem it finds. Returns nil when a required field is missing or wrong, so no half-valid entry is published.
struct EntryReader {
    let config: SiteConfig
    let catalog: KindCatalog
    let assetPaths: AssetFiles
    let log: DiagnosticLog
    /// The `content/` folder, where covers are read to check that they are pictures.
    var contentFolder: URL?

    func read(_ loaded: LoadedEntry) -> Entry? {
        let kind = loaded.kind
        let reader = FieldReader(node: loaded.frontMatter, log: log, labels: { catalog.label(of: $0, in: kind) })
        if let misplaced = KindGuess.misplaced(loaded, catalog: catalog) {
            log.report(ModelError.wrongFolder(location: misplaced.location, kind: misplaced.kind.name,
                                              folder: misplaced.kind.folder, hint: misplaced.hint))
            return nil
        }
        let title = required(reader, "title")
        let date = readDate(reader)
        let slug = readSlug(reader)
        let cover = readCover(reader, folder: loaded.contentFolder)
        var complete = true
        let fieldReader = FieldValueReader(reader: reader, config: config, assetPaths: assetPaths, folder: loaded.contentFolder, log: log)
        let values = kind.fields.map { field -> FieldValue? in
            let read = fieldReader.read(field)
            if read.failed { complete = false }
            return read.value
        }
        let photos = GalleryReader(assetPaths: assetPaths, folder: loaded.contentFolder, log: log).read(loaded.frontMatter)
        let extra = reader.warnAboutUnknownKeys(known: catalog.knownFields(of: kind) + [GalleryReader.key])
        guard let title, let date, complete else { return nil }
        let fileSlug = Slug.fromFileName(String(loaded.contentPath.split(separator: "/").last ?? ""), pinyin: config.pinyin)
        let period = kind.period.map { config.period(of: $0) }
        var entry = Entry(path: loaded.path, contentPath: loaded.contentPath, kind: kind, title: title, date: date,
                     tags: uniqued(reader.stringList("tags") ?? []), summary: reader.string("summary"),
                     slug: slug ?? (fileSlug.isEmpty ? kind.id : fileSlug), slugIsExplicit: slug != nil,
                     cover: cover, isDraft: reader.bool("draft") ?? false, values: values, extraFields: extra,
                     fieldLocations: Dictionary(loaded.frontMatter.fields!.map { ($0.key, $0.value.location) },
                                                uniquingKeysWith: { first, _ in first }),
                     body: loaded.body, bodyFirstLine: loaded.bodyFirstLine, revision: loaded.revision,
                     periodKey: period?.key(of: date), periodTitle: period?.title(of: date))
        entry.photos = photos
        return entry
    }

    private func required(_ reader: FieldReader, _ key: String) -> String? {
        FieldValueReader(reader: reader, config: config, assetPaths: assetPaths, folder: "", log: log).requiredText(key)
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

    /// The cover's path relative to `content/`, checked to exist inside it and to be a picture.
    private func readCover(_ reader: FieldReader, folder: String) -> String? {
        guard let cover = reader.string("cover") else { return nil }
        guard let resolved = ContentPath.resolve(cover, from: folder), assetPaths.contains(resolved) else {
            if let refusal = ContentPath.resolve(cover, from: folder).flatMap(assetPaths.refusal) {
                log.report(ModelError.refusedFile(location: reader.location(of: "cover"), label: "封面", path: cover, refusal: refusal))
            } else {
                log.report(ModelError.missingCover(location: reader.location(of: "cover"), path: cover))
            }
            return nil
        }
        if let contentFolder, ImageHeader.read(contentFolder.appendingPathComponent(resolved)) == nil {
            log.report(ModelError.coverNotPicture(location: reader.location(of: "cover"), path: cover))
            return nil
        }
        return resolved
    }

    private func uniqued(_ tags: [String]) -> [String] {
        var seen = Set<String>()
        return tags.filter { seen.insert($0).inserted }
    }
}
