/// A page per person (主讲人) — the talks and salons they gave, counted by year and by series, with
/// their line of the roster — and the list of all of them, by team.
struct SpeakerFamily: PageFamily {
    let name = "speaker"
    /// Planned only when the theme has its template: themes made before it keep building.
    let isOptional = true
    let topFolder: String? = "speakers"
    let summary: SummaryLabel? = SummaryLabel(label: "主讲人", unit: "位")

    func plan(_ site: LinkedSite) -> [PageKey] {
        site.people.enumerated().flatMap { Pagination.keys(item: $0, count: $1.members.count, size: site.config.pageSize) }
    }

    func address(_ key: PageKey, in site: LinkedSite) -> String { Addresses.speaker(site.people[key.item].slug, page: key.page) }
    func template(_ key: PageKey, in site: LinkedSite) -> String? { "speaker" }

    func content(_ key: PageKey, _ context: PageContext) -> PageContent {
        let site = context.site
        let person = site.people[key.item]
        let pagination = Pagination(folder: "speakers/\(person.slug)/", page: key.page, count: person.members.count,
                                    size: site.config.pageSize)
        let shown = Array(pagination.slice(person.members))
        var values: [String: TemplateValue] = [
            "title": .text(person.name), "name": .text(person.name), "section": .text("speakers"),
            "count": .number(person.members.count), "hasEntries": .flag(!person.members.isEmpty), "pagination": pagination.values,
            "entries": context.cards.list(shown),
            "groups": ListGroups.runs(of: shown, by: ListGroups.month(in: site), cards: context.cards),
            "years": SpeakerValues.counts(person.members.map { "\(site.entries[$0].date.year)年" }, order: { $0 > $1 }),
        ]
        values.merge(SpeakerValues.record(person.record), uniquingKeysWith: { _, new in new })
        if let (kind, field) = site.catalog.seriesField {
            let series = person.members.filter { site.entries[$0].kind == kind }.compactMap { site.entries[$0].value(field.name)?.text }
            let order = Dictionary(site.series.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
            values["series"] = SpeakerValues.counts(series, order: { (order[$0] ?? .max, $0) < (order[$1] ?? .max, $1) })
            values["hasSeries"] = .flag(!series.isEmpty)
        }
        for kind in site.catalog.kinds {
            let count = person.members.filter { site.entries[$0].kind == kind }.count
            values[TemplateKeys.count(kind)] = .number(count)
            values[TemplateKeys.has(kind)] = .flag(count > 0)
        }
        return .template("speaker", TemplateMap(values))
    }
}

struct SpeakersIndexFamily: SinglePageFamily {
    let name = "speakers-index"
    /// Planned only when the theme has its template: themes made before it keep building.
    let isOptional = true
    let fixedAddress = Addresses.speakersIndex
    let templateName = "speakers"

    func content(_ key: PageKey, _ context: PageContext) -> PageContent {
        let site = context.site
        var teams: [String: [TemplateValue]] = [:]
        var order: [String] = []
        for person in site.people.sorted(by: { $0.members.count != $1.members.count ? $0.members.count > $1.members.count : $0.slug < $1.slug }) {
            let team = person.record?.team ?? ""
            if teams[team] == nil { order.append(team) }
            var term: [String: TemplateValue] = ["name": .text(person.name), "url": .text(Addresses.speaker(person.slug)),
                                                 "count": .number(person.members.count)]
            term.merge(SpeakerValues.record(person.record), uniquingKeysWith: { _, new in new })
            teams[team, default: []].append(.map(TemplateMap(term)))
        }
        let named = order.filter { !$0.isEmpty }.sorted() + (order.contains("") ? [""] : [])
        let groups = named.map { team in
            TemplateValue.map(TemplateMap(["name": .text(team.isEmpty ? "其他主讲人" : team), "people": .list(teams[team] ?? [])]))
        }
        return .template("speakers", TemplateMap(["title": .text("主讲人"), "section": .text("speakers"), "groups": .list(groups),
                                                  "count": .number(site.people.count)]))
    }
}

/// Values shared by a speaker's page and the list of speakers.
enum SpeakerValues {
    /// The roster's `branch`, `team` and `role` of a person (absent when they are not in it).
    static func record(_ record: SpeakerRecord?) -> [String: TemplateValue] {
        ["branch": record?.branch.map { .map(CardMaker.branch($0)) } ?? .absent, "team": .text(record?.team),
         "role": .text(record?.role), "inRoster": .flag(record != nil)]
    }

    /// `{name, count}` of each distinct value, in the order given (years newest first, series as site.yml lists them).
    static func counts(_ values: [String], order: (String, String) -> Bool) -> TemplateValue {
        var counts: [String: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        let names = counts.keys.sorted(by: order)
        return .list(names.map { .map(TemplateMap(["name": .text($0), "count": .number(counts[$0]!)])) })
    }
}
