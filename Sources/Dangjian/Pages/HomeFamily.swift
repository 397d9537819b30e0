/// The home page: each kind as its declaration lists it (latest talks, latest salon, the brand wall),
/// the series, the tag cloud and the running count (坚持 N 天 / 共 M 讲).
struct HomeFamily: SinglePageFamily {
    let name = "home"

    let fixedAddress = Addresses.home
    let templateName = "home"

    func navigation(_ site: LinkedSite) -> [NavigationEntry] {
        [NavigationEntry(key: "home", title: "首页", url: Addresses.home, weight: 0)]
    }

    func content(_ key: PageKey, _ context: PageContext) -> PageContent {
        let site = context.site
        var values: [String: TemplateValue] = [
            "title": .text(site.config.title),
            "section": .text("home"),
            "tagCloud": TagCloud.terms(Array(site.tags.sorted { $0.members.count > $1.members.count }.prefix(60))
                .sorted { $0.slug < $1.slug }, sortedByCount: false),
            "series": .list(site.series.filter { !$0.members.isEmpty }.map { series in
                .map(TemplateMap(["name": .text(series.name), "url": .text(Addresses.series(series.slug)),
                                  "count": .number(series.members.count)]))
            }),
        ]
        for kind in site.catalog.kinds {
            let members = site.members(of: kind)
            values[TemplateKeys.count(kind)] = .number(members.count)
            values[TemplateKeys.has(kind)] = .flag(!members.isEmpty)
            switch kind.home {
            case let .latest(count, key)?: values[key] = context.cards.list(members.prefix(count))
            case let .newest(key)?: if let newest = members.first { values[key] = .map(context.cards[newest]) }
            case let .all(key)?: values[key] = context.cards.list(members)
            case nil: break
            }
        }
        if let daily = site.catalog.dailyRunKind {
            let members = site.members(of: daily)
            values[TemplateKeys.days(daily)] = .number(Set(members.map { site.entries[$0].date.dayOnly }).count)
            if let first = members.last { values[TemplateKeys.firstDate(daily)] = .text(site.entries[first].date.chineseDay) }
        }
        return .template("home", TemplateMap(values))
    }
}
