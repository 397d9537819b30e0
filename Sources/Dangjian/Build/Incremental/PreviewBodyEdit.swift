import Foundation

/// The preview's rebuild after an edit of entries' texts alone. The kernel told the server which
/// files changed; when each is an entry file that kept its front matter, only those bodies are read
/// and converted again, into the previous rebuild's site. Every address, list, tag, count, plan
/// and site value is made of front matter, so the rest of the site stands as it was (tested against
/// full builds). Anything else gives up, and the whole rebuild runs: a file added, removed or
/// renamed, a field changed, a link, picture or attachment added to or taken from a text, a
/// problem in reading the file that was not there before, or a new day (future entries appear).
enum PreviewBodyEdit {
    /// What the last rebuild that succeeded made.
    struct Generation: @unchecked Sendable {
        let renderer: SiteRenderer
        let diagnostics: [Diagnostic]
        let summary: [SummaryCount]
        let pageCount: Int
        /// The entries (source paths) whose texts this rebuild edited; empty for a whole rebuild.
        var editedPaths: [String] = []
        /// The pages of the plan by path (`OnDemandSite`), which an edit of texts keeps.
        var jobs: [String: PageJob] = [:]
        /// What converting a body asks of the rest of the site, made at the first edit and kept.
        var bodySite: BodySite?
    }

    /// One edited entry: where it is in the site, and its file as read before and now.
    private struct Edit {
        let index: Int
        let loaded: LoadedEntry
    }

    /// The site after the edit of `changed` (paths relative to the site root), and the run's
    /// problems; nil when the edit is not one of texts alone.
    static func apply(_ changed: Set<String>, to last: Generation, root: URL, options: BuildOptions, cache: BuildCache,
                      clock: inout PhaseClock) -> Generation? {
        let site = last.renderer.site
        guard EntryDate.of(options.now, in: site.config.timeZone).dayOnly == site.model.today,
              let paths = editedEntries(changed, in: site, root: root), !paths.isEmpty else { return nil }
        let edits = clock.time("load") { reread(paths, in: site, root: root, cache: cache.files) }
        guard let edits else { return nil }
        let bodySite = last.bodySite ?? BodySite(site.model, videos: site.videos ?? VideoSurvey.shelf(for: site.model))
        let edited = clock.time("link") {
            convert(edits, in: site, bodySite: bodySite, diagnostics: last.diagnostics, cache: cache.links)
        }
        guard let (linked, diagnostics) = edited else { return nil }
        let renderer = clock.time("prepare") { last.renderer.replacingBodies(linked) }
        return Generation(renderer: renderer, diagnostics: diagnostics, summary: last.summary, pageCount: last.pageCount,
                          editedPaths: paths.map { "content/" + $0 }, jobs: last.jobs, bodySite: bodySite)
    }

    /// The changed entry files (relative to `content/`), or nil when something else changed. Names
    /// the load would not read (hidden ones, an editor's) are left out, and so are files that are
    /// gone and were never part of the site (an editor's temporary copy).
    private static func editedEntries(_ changed: Set<String>, in site: LinkedSite, root: URL) -> [String]? {
        var entries: [String] = []
        for path in changed.sorted() {
            guard path.hasPrefix("content/") else { return nil }
            let contentPath = String(path.dropFirst("content/".count))
            if contentPath.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            if site.entry(atPath: path) != nil, path.hasSuffix(".md") {
                entries.append(contentPath)
                continue
            }
            let known = site.model.assetPaths.contains(contentPath) || site.model.assetPaths.refusal(of: contentPath) != nil
                || site.model.unpublished.contains(contentPath) || site.model.refused.contains(contentPath)
            var info = stat()
            guard !known, lstat(root.path + "/" + path, &info) != 0 else { return nil }
        }
        return entries
    }

    /// The files read again; nil unless each kept its front matter and its reading problems, and the
    /// site was made from the read before.
    private static func reread(_ paths: [String], in site: LinkedSite, root: URL, cache: LoadCache) -> [Edit]? {
        var edits: [Edit] = []
        for (path, read) in zip(paths, ContentLoader.reread(paths, root: root, catalog: site.catalog, cache: cache)) {
            guard let index = site.indexByPath["content/" + path], let before = read.before, let after = read.after,
                  case let .success(old?) = before.result, case let .success(new?) = after.result,
                  old.revision == site.entries[index].revision, old.frontMatter == new.frontMatter,
                  old.bodyFirstLine == new.bodyFirstLine, before.diagnostics == after.diagnostics else { return nil }
            edits.append(Edit(index: index, loaded: new))
        }
        return edits
    }

    /// The site with the edited bodies converted, and the run's problems: the last run's (sorted),
    /// the edited bodies' old problems taken out and their new ones put in, in their places. Nil
    /// when a body's links, pictures or attachments changed (backlinks, picture versions and copied
    /// files would change). `bodySite` answers for every entry; its answers do not depend on bodies.
    private static func convert(_ edits: [Edit], in site: LinkedSite, bodySite: BodySite, diagnostics: [Diagnostic],
                                cache: LinkCache) -> (LinkedSite, [Diagnostic])? {
        var linked = site
        var problems = diagnostics
        cache.begin(unsafeHTML: site.config.unsafeHTML, pinyin: site.config.pinyin)
        for edit in edits {
            let before = site.entries[edit.index]
            guard let oldProblems = cache.problems(of: before.path, revision: before.revision) else { return nil }
            let entry = before.withBody(edit.loaded.body, firstLine: edit.loaded.bodyFirstLine, revision: edit.loaded.revision)
            let old = site.bodies[edit.index]
            let (body, found, lookups) = BodyRenderer.convert(entry, in: bodySite)
            guard body.references == old.references, body.assets == old.assets, body.pictures == old.pictures,
                  body.posters == old.posters else { return nil }
            cache.store(body, problems: found, lookups: lookups, for: entry)
            linked = linked.replacingBody(of: edit.index, entry: entry, body: body)
            problems = DiagnosticLog.replacing(oldProblems, with: found, in: problems)
        }
        cache.finishEdit()
        return (linked, problems)
    }
}
