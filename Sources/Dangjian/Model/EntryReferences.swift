/// Resolves reference fields (a case's `brand:`) to the entries they name: by the target's path
/// relative to the file, its file name (with or without `.md`), its slug or its title. A name that
/// matches nothing is an error with the closest name as a suggestion; a name of a draft or
/// future entry leaves the referring entry out too, with a warning; a name of an entry refused for
/// an error leaves it out quietly (that error is the one to fix). A field with the `inheritsBranch`
/// role gives the entry its target's branch.
enum EntryReferences {
    struct Resolved {
        let entries: [Entry]
        /// Entries left out because what they name is not published (source paths relative to `content/`).
        let leftOut: Set<String>
        /// Entries left out because what they name was refused for an error.
        var refused = Set<String>()
    }

    /// `refused`: source paths (relative to `content/`) of entry files refused for an error; `refusedFiles`:
    /// those of them that could be read, whose titles and slugs can name them.
    static func resolve(_ entries: [Entry], unpublished: [Entry], refused: Set<String>, refusedFiles: [LoadedEntry],
                        catalog: KindCatalog, log: DiagnosticLog) -> Resolved {
        let referring = Set(catalog.kinds.filter { $0.fields.contains { $0.referencedKind != nil } }.map(\.id))
        guard entries.contains(where: { referring.contains($0.kind.id) }) else { return Resolved(entries: entries, leftOut: []) }
        var targets: [String: Names] = [:]
        for kind in catalog.kinds where !catalog.referrers(of: kind).isEmpty {
            targets[kind.id] = Names(published: entries.filter { $0.kind == kind }, unpublished: unpublished.filter { $0.kind == kind },
                                     refused: refused.filter { $0.hasPrefix(kind.folder + "/") },
                                     refusedFiles: refusedFiles.filter { $0.kind == kind })
        }
        var result: [Entry] = []
        var leftOut = Set<String>()
        var leftOutRefused = Set<String>()
        result.reserveCapacity(entries.count)
        for var entry in entries {
            var keep = true
            var targetRefused = false
            for field in entry.kind.fields {
                guard let kindID = field.referencedKind, case let .reference(written)? = entry.value(field.name),
                      let names = targets[kindID], let kind = catalog.kind(id: kindID) else { continue }
                let location = FieldLocator.location(of: field.name, in: entry)
                switch names.find(written, from: entry.contentFolder) {
                case let .published(target):
                    entry.references[field.name] = target.path
                    if field.has(.inheritsBranch) { entry.inheritedBranch = target.branch }
                case .unpublished:
                    log.report(ModelError.unpublishedReference(location: location, label: field.label, value: written,
                                                               kind: entry.kind.name))
                    keep = false
                case .refused:
                    targetRefused = true
                case .none:
                    log.report(ModelError.unknownReference(location: location, field: field.name, label: field.label,
                                                           value: written, kind: kind.name,
                                                           suggestion: Suggestion.closest(to: written, among: names.spellings)))
                }
            }
            if targetRefused {
                leftOutRefused.insert(entry.contentPath)
            } else if keep {
                result.append(entry)
            } else {
                leftOut.insert(entry.contentPath)
            }
        }
        return Resolved(entries: result, leftOut: leftOut, refused: leftOutRefused)
    }

    /// The ways the entries of one kind can be named.
    struct Names {
        enum Found {
            case published(Entry)
            case unpublished
            case refused
            case none
        }

        private var published: [String: Entry] = [:]
        private var unpublished = Set<String>()
        private var refused = Set<String>()
        private var byPath: [String: Entry] = [:]
        /// Titles and slugs, for suggestions.
        private(set) var spellings: [String] = []

        init(published entries: [Entry], unpublished drafts: [Entry], refused paths: Set<String> = [], refusedFiles: [LoadedEntry] = []) {
            // Short titles, titles, then slugs and file names: a later, more exact spelling wins a clash.
            for entry in entries {
                published[Self.shortTitle(entry.title)] = entry
                spellings.append(Self.shortTitle(entry.title))
            }
            for entry in entries {
                published[entry.title] = entry
                spellings.append(entry.title)
            }
            for entry in entries {
                for name in Self.names(of: entry) { published[name] = entry }
                byPath[entry.contentPath] = entry
                spellings.append(entry.slug)
            }
            for draft in drafts {
                unpublished.formUnion([draft.title, Self.shortTitle(draft.title), draft.contentPath] + Self.names(of: draft))
            }
            for path in paths { refused.formUnion([path] + Self.fileNames(path)) }
            for file in refusedFiles {
                let written = ["title", "slug"].compactMap { file.frontMatter.field($0)?.scalar }
                refused.formUnion(written + written.map(Self.shortTitle))
            }
        }

        /// A title's name before its subtitle: 红色引擎 for 红色引擎：党建引领机关建设.
        static func shortTitle(_ title: String) -> String {
            let cut = title.firstRange(of: "——")?.lowerBound ?? title.firstIndex { $0 == "：" || $0 == ":" } ?? title.endIndex
            let short = title[..<cut].trimmingCharacters(in: .whitespaces)
            return short.isEmpty ? title : short
        }

        /// The slug and the file name with and without `.md`.
        private static func names(of entry: Entry) -> [String] {
            [entry.slug] + fileNames(entry.contentPath)
        }

        /// A file's name with and without `.md`.
        private static func fileNames(_ contentPath: String) -> [String] {
            let file = String(contentPath.split(separator: "/").last ?? "")
            return [file, String(file.dropLast(3))]
        }

        func find(_ written: String, from folder: String) -> Found {
            let name = written.trimmingCharacters(in: .whitespaces)
            if name.contains("/"), let path = ContentPath.resolve(name, from: folder) {
                if let entry = byPath[path] { return .published(entry) }
                if unpublished.contains(path) { return .unpublished }
                if refused.contains(path) { return .refused }
            }
            if let entry = published[name] { return .published(entry) }
            if unpublished.contains(name) { return .unpublished }
            return refused.contains(name) ? .refused : .none
        }
    }
}
