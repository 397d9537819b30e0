/// The search page, the statistics page and the 404 page: planned only when the theme has their
/// templates (`search`, `stats`, `404`), so older themes keep building.
extension PageRenderer {
    func searchPage() -> (path: String, template: String, page: [String: Any]) {
        let kinds = [(EntryKind.talk, site.talks), (.salon, site.salons), (.brand, site.brands), (.page, site.pages)]
        let page: [String: Any] = [
            "title": "搜索", "section": "search",
            "shardCount": searchShards,
            "kinds": kinds.filter { !$0.1.isEmpty }.map { ["value": $0.0.rawValue, "name": $0.0.chineseName] },
            "series": site.series.filter { !$0.members.isEmpty }.map { ["name": $0.name] },
            "branches": site.branches.map { ["id": $0.branch.id, "name": $0.branch.name] },
            "tags": site.tags.map { ["name": $0.name] },
            "years": site.years.map { ["value": $0.slug, "name": $0.name] },
        ]
        return ("search/index.html", "search", page)
    }

    func statsPage() -> (path: String, template: String, page: [String: Any]) {
        let stats = SiteStatistics(site)
        let runs = stats.runs
        let talkYears = Set(stats.talksPerDay.keys.map { EntryDate(dayNumber: $0).year }).sorted(by: >)
        var page: [String: Any] = [
            "title": "统计", "section": "stats",
            "talkCount": site.talks.count, "talkDays": stats.talksPerDay.count,
            "salonCount": site.salons.count, "brandCount": site.brands.count,
            "currentRun": runs.current, "longestRun": runs.longest,
            "hasTalks": !site.talks.isEmpty,
            "monthsChart": SVGCharts.months(stats.talksPerMonth, unit: "讲"),
            "calendars": talkYears.map { ["year": $0, "svg": SVGCharts.calendar(year: $0, perDay: stats.talksPerDay, config: site.config)] },
            "seriesChart": SVGCharts.bars(stats.talksPerSeries, unit: "讲", label: "各系列晨学数"),
            "branchChart": SVGCharts.bars(stats.talksPerBranch, unit: "讲", label: "各支部晨学数"),
            "hostChart": SVGCharts.bars(stats.salonsPerHost, unit: "期", label: "各支部承办沙龙数"),
            "categoryChart": SVGCharts.bars(stats.brandsPerCategory, unit: "个", label: "各类别品牌数"),
            "holidayCount": site.config.holidays.count, "hasHolidays": !site.config.holidays.isEmpty,
        ]
        if let from = runs.longestFrom, let to = runs.longestTo {
            page["longestFrom"] = from.chineseDay
            page["longestTo"] = to.chineseDay
        }
        return ("stats/index.html", "stats", page)
    }

    func notFoundPage() -> (path: String, template: String, page: [String: Any]) {
        let extra: [String] = ["search", "stats", "assets", "series", "boards"]
        var folders = Set(extra + site.years.map(\.slug))
        for url in site.entries.map(\.url) + SiteValues.sections.map(\.url) where url.contains("/") {
            folders.insert(String(url.prefix { $0 != "/" }))
        }
        let page: [String: Any] = [
            "title": "页面未找到", "section": "notFound",
            "rootScript": NotFoundPage.rootScript(basePath: site.config.baseURL.map(NotFoundPage.path(of:)) ?? "",
                                                  folders: Array(folders)),
        ]
        return (NotFoundPage.path, "404", page)
    }
}

/// The 404 page is served by the web server at whatever address was not found, so its relative
/// links would point below that address. An inline script sets `dangjianSiteRoot` and adds a
/// `<base>` naming the site root: the path of `base_url` when the address lies below it; otherwise
/// the part of the address before the first of the site's top-level folders (`talks`, `tags` …);
/// otherwise the address's own folder. The template then writes its stylesheet link from
/// `dangjianSiteRoot` (a link in the markup would be fetched too early, by the preload scanner,
/// from the wrong folder). Opened as a file it sets "": the page is at the root.
enum NotFoundPage {
    static let path = "404.html"

    /// `http://intranet.example/dangjian/` → `/dangjian/`.
    static func path(of baseURL: String) -> String {
        guard let scheme = baseURL.range(of: "://") else { return baseURL }
        let rest = baseURL[scheme.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }

    static func rootScript(basePath: String, folders: [String]) -> String {
        let list = "[" + Array(Set(folders)).sorted().map(JSONText.string).joined(separator: ",") + "]"
        return """
        <script>window.dangjianSiteRoot=(function(){var l=window.location;if(!/^https?:$/.test(l.protocol))return "";\
        var p=l.pathname,b=\(JSONText.string(basePath)),f=\(list),r=null;\
        if(b&&p.indexOf(b)===0){r=b}else{var s=p.split("/");for(var i=1;i<s.length-1;i++){if(f.indexOf(s[i])>=0){r=s.slice(0,i).join("/")+"/";break}}}\
        if(r===null){r=p.slice(0,p.lastIndexOf("/")+1)}\
        var e=document.createElement("base");e.href=r;document.head.appendChild(e);return r})();</script>
        """
    }
}
