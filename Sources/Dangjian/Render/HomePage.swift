/// The home page: latest talks, latest salon, the brand wall, the tag cloud and the running count.
extension PageRenderer {
    func homeValues() -> [String: Any] {
        let talkDays = Set(site.talks.map { site.entries[$0].date.dayOnly }).count
        var values: [String: Any] = [
            "title": site.config.title,
            "section": "home",
            "latestTalks": cards.list(site.talks.prefix(10)),
            "hasTalks": !site.talks.isEmpty,
            "brands": cards.list(site.brands),
            "hasBrands": !site.brands.isEmpty,
            "tagCloud": TagCloud.terms(Array(site.tags.sorted { $0.members.count > $1.members.count }.prefix(60))
                                        .sorted { $0.slug < $1.slug }, sortedByCount: false),
            "talkCount": site.talks.count,
            "talkDays": talkDays,
            "salonCount": site.salons.count,
            "brandCount": site.brands.count,
            "series": site.series.filter { !$0.members.isEmpty }.map {
                ["name": $0.name, "url": "series/\($0.slug)/index.html", "count": $0.members.count]
            },
        ]
        if let latest = site.salons.first { values["latestSalon"] = cards[latest] }
        if let first = site.talks.last { values["firstTalkDate"] = site.entries[first].date.chineseDay }
        return values
    }
}
