/// Template values shared by every page: the site's identity, its navigation and its years.
enum SiteValues {
    static func make(_ site: LinkedSite) -> [String: Any] {
        let config = site.config
        return [
            "title": config.title,
            "organization": config.organization,
            "albumTitle": config.albumTitle,
            // For CSS strings (`content: "…"` in @page rules), where HTML escaping does not apply.
            "titleCSS": cssString(config.title),
            "organizationCSS": cssString(config.organization),
            "baseURL": config.baseURL ?? "",
            "years": site.years.map { ["name": $0.name, "url": "\($0.slug)/index.html", "count": $0.members.count] },
            "hasYears": !site.years.isEmpty,
            "pages": site.pages.map { ["title": site.entries[$0].title, "url": site.entries[$0].url] },
            "params": config.params?.templateValue ?? [String: Any](),
            "talkCount": site.talks.count,
            "generator": "dangjian",
        ]
    }

    /// Text made safe inside a double-quoted CSS string in a `<style>` element.
    static func cssString(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "\"", "'", "<", ">", "&", "\n", "\r", "\u{0C}":
                result += "\\" + String(scalar.value, radix: 16, uppercase: true) + " "
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static let sections: [(key: String, name: String, url: String)] = [
        ("home", "首页", "index.html"),
        ("brands", "一支部一品牌", "brands/index.html"),
        ("salons", "先锋沙龙", "salons/index.html"),
        ("talks", "晨学三分钟", "talks/index.html"),
        ("branches", "支部", "branches/index.html"),
        ("tags", "标签", "tags/index.html"),
        ("bulletins", "简报与展板", "bulletins/index.html"),
        ("stats", "统计", "stats/index.html"),
    ]

    /// Every `page.section` the generator gives a page.
    static let sectionKeys = sections.map(\.key) + ["years", "pages", "search", "notFound"]

    static func navigation(current: String) -> [[String: Any]] {
        sections.map { ["name": $0.name, "url": $0.url, "isCurrent": $0.key == current] }
    }
}
