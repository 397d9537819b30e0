import Foundation

/// A file of the generated site: rendered text, or a copy of a picture, attachment or theme asset.
public struct OutputFile: Sendable {
    public enum Content: Sendable {
        case text(String)
        case copy(URL)
    }

    /// Relative to the output folder, `/`-separated.
    public let path: String
    public let content: Content
}

/// The render stage: every page of the plan in parallel, plus the files copied beside them.
public enum SiteRenderer {
    public static func render(_ site: LinkedSite, templatesFolder: URL, log: DiagnosticLog) -> [OutputFile]? {
        guard let templates = TemplateSet.load(from: templatesFolder, log: log) else { return nil }
        let renderer = PageRenderer(site: site, templates: templates)
        let pages = PageJob.plan(site).parallelMap { renderer.render($0) }
        var files = pages.map { OutputFile(path: $0.path, content: .text($0.html)) }
        files += contentAssets(site)
        files += themeAssets(templatesFolder)
        return files
    }

    /// Pictures and attachments, each copied next to every page that uses it.
    private static func contentAssets(_ site: LinkedSite) -> [OutputFile] {
        let content = site.model.root.appendingPathComponent("content")
        var seen = Set<String>()
        var files: [OutputFile] = []
        for body in site.bodies {
            for asset in body.assets where seen.insert(asset.destination).inserted {
                files.append(OutputFile(path: asset.destination, content: .copy(content.appendingPathComponent(asset.source))))
            }
        }
        return files
    }

    /// The theme's own files (`templates/assets/…`: CSS, scripts, icons) → `assets/…`.
    private static func themeAssets(_ templates: URL) -> [OutputFile] {
        let folder = templates.appendingPathComponent("assets")
        return ContentWalker.files(in: folder, root: templates).map {
            OutputFile(path: "assets/" + $0, content: .copy(folder.appendingPathComponent($0)))
        }
    }
}
