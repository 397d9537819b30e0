/// Pages of the groupings entries join: a page per tag, per series and per year (each paginated,
/// entries under month headings), and the lists of tags and of series.
struct TagFamily: PageFamily {
    let name = "tag"
    let topFolder: String? = "tags"
    let summary: SummaryLabel? = SummaryLabel(label: "标签", unit: "个")

    func plan(_ site: LinkedSite) -> [PageKey] {
        site.tags.enumerated().flatMap { Pagination.keys(item: $0, count: $1.members.count, size: site.config.pageSize) }
    }

    func address(_ key: PageKey, in site: LinkedSite) -> String { Addresses.tag(site.tags[key.item].slug, page: key.page) }
    func template(_ key: PageKey, in site: LinkedSite) -> String? { "list" }

    func content(_ key: PageKey, _ context: PageContext) -> PageContent {
        let tag = context.site.tags[key.item]
        return GroupPage.content(tag, folder: "tags/\(tag.slug)/", heading: "标签：\(tag.name)", section: "tags", key: key, context)
    }
}

struct SeriesFamily: PageFamily {
    let name = "series"
    let topFolder: String? = "series"
    let summary: SummaryLabel? = SummaryLabel(label: "系列", unit: "个")

    func plan(_ site: LinkedSite) -> [PageKey] {
        site.series.enumerated().filter { !$1.members.isEmpty }
            .flatMap { Pagination.keys(item: $0, count: $1.members.count, size: site.config.pageSize) }
    }

    func address(_ key: PageKey, in site: LinkedSite) -> String { Addresses.series(site.series[key.item].slug, page: key.page) }
    func template(_ key: PageKey, in site: LinkedSite) -> String? { "list" }

    func content(_ key: PageKey, _ context: PageContext) -> PageContent {
        let series = context.site.series[key.item]
        return GroupPage.content(series, folder: "series/\(series.slug)/", heading: "系列：\(series.name)",
                                 section: context.catalog.seriesField?.kind.folder ?? "series", key: key, context)
    }
}

struct YearFamily: PageFamily {
    let name = "year"
    let summary: SummaryLabel? = SummaryLabel(label: "年度", unit: "个")

    func plan(_ site: LinkedSite) -> [PageKey] {
        site.years.enumerated().flatMap { Pagination.keys(item: $0, count: $1.members.count, size: site.config.pageSize) }
    }

    func address(_ key: PageKey, in site: LinkedSite) -> String { Addresses.year(site.years[key.item].slug, page: key.page) }
    func template(_ key: PageKey, in site: LinkedSite) -> String? { "list" }

    func content(_ key: PageKey, _ context: PageContext) -> PageContent {
        let year = context.site.years[key.item]
        return GroupPage.content(year, folder: "\(year.slug)/", heading: year.name, section: "years", key: key, context)
    }
}

/// A page of a group's entries (`list.mustache`), under month headings.
enum GroupPage {
    static func content(_ group: EntryGroup, folder: String, heading: String, section: String, key: PageKey,
                        _ context: PageContext) -> PageContent {
        let pagination = Pagination(folder: folder, page: key.page, count: group.members.count, size: context.config.pageSize)
        let shown = Array(pagination.slice(group.members))
        let values: [String: TemplateValue] = [
            "title": .text(heading), "name": .text(group.name), "section": .text(section), "count": .number(group.members.count),
            "pagination": pagination.values, "entries": context.cards.list(shown),
            "groups": ListGroups.runs(of: shown, by: ListGroups.month(in: context.site), cards: context.cards),
        ]
        return .template("list", TemplateMap(values))
    }
}

struct TagsIndexFamily: SinglePageFamily {
    let name = "tags-index"

    let fixedAddress = Addresses.tagsIndex
    let templateName = "terms"

    func navigation(_ site: LinkedSite) -> [NavigationEntry] {
        [NavigationEntry(key: "tags", title: "标签", url: Addresses.tagsIndex, weight: 50)]
    }

    func content(_ key: PageKey, _ context: PageContext) -> PageContent {
        .template("terms", TemplateMap(["title": .text("标签"), "section": .text("tags"),
                                        "terms": TagCloud.terms(context.site.tags, sortedByCount: true), "isTags": .flag(true)]))
    }
}

/// The list of series: titled after the kind that has them (晨学系列), in its section.
struct SeriesIndexFamily: SinglePageFamily {
    let name = "series-index"

    let fixedAddress = Addresses.seriesIndex
    let templateName = "terms"

    func content(_ key: PageKey, _ context: PageContext) -> PageContent {
        let terms = context.site.series.map { group -> TemplateValue in
            var term = TemplateMap(["name": .text(group.name), "count": .number(group.members.count)])
            if !group.members.isEmpty { term["url"] = .text(Addresses.series(group.slug)) }
            return .map(term)
        }
        let kind = context.catalog.seriesField?.kind
        return .template("terms", TemplateMap(["title": .text((kind?.shortName ?? "") + "系列"), "section": .text(kind?.folder ?? "series"),
                                               "terms": .list(terms), "isSeries": .flag(true)]))
    }
}

/// Tags with their entry counts and a weight from 1 to 5 for the cloud's type size.
enum TagCloud {
    static func terms(_ tags: [EntryGroup], sortedByCount: Bool) -> TemplateValue {
        let maxCount = tags.map(\.members.count).max() ?? 1
        let ordered = sortedByCount
            ? tags.sorted { $0.members.count != $1.members.count ? $0.members.count > $1.members.count : $0.slug < $1.slug }
            : tags
        return .list(ordered.map { tag in
            let share = Double(tag.members.count) / Double(max(1, maxCount))
            let weight = 1 + Int((share * 4).rounded())
            return .map(TemplateMap(["name": .text(tag.name), "url": .text(Addresses.tag(tag.slug)),
                                     "count": .number(tag.members.count), "weight": .number(weight)]))
        })
    }
}
