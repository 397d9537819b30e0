/// `sitemap.xml` for the intranet's crawler or search appliance: every page but the 404 page, sorted,
/// entry pages with their date as `lastmod`. With `base_url` the addresses are absolute, as the
/// sitemaps protocol asks; without it they are relative to the sitemap (the site root), the only
/// address the build knows — a crawler resolves them against where it fetched sitemap.xml.
enum Sitemap {
    static let path = "sitemap.xml"

    static func file(pages: [String], site: LinkedSite) -> OutputFile {
        var dates: [String: String] = [:]
        for entry in site.entries { dates[entry.url] = entry.date.isoDay }
        let base = site.config.baseURL ?? ""
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages.sorted() where page != NotFoundPage.path {
            xml += "<url><loc>\(XMLText.escape(base + page))</loc>"
            if let date = dates[page] { xml += "<lastmod>\(date)</lastmod>" }
            xml += "</url>\n"
        }
        return OutputFile(path: path, content: .text(xml + "</urlset>\n"))
    }
}
