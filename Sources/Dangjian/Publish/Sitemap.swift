/// `sitemap.xml` for the intranet's crawler or search appliance: every page but the 404 page, sorted,
/// entry pages with their date as `lastmod`. With `base_url` the addresses are absolute, as the
/// sitemaps protocol asks; without it they are relative to the sitemap (the site root), the only
/// address the build knows — a crawler resolves them against where it fetched sitemap.xml.
enum Sitemap {
    static func text(pages: [String], site: LinkedSite) -> String {
        var dates: [String: String] = [:]
        for entry in site.entries { dates[entry.url] = entry.date.isoDay }
        let base = site.config.baseURL ?? ""
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages.sorted() {
            xml += "<url><loc>\(XMLText.escape(base + page))</loc>"
            if let date = dates[page] { xml += "<lastmod>\(date)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }
}
