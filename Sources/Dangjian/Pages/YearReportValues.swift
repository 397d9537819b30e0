/// The values of one year report: the whole site's, or one branch's.
struct YearReportValues {
    let year: Int
    let branch: Branch?
    let context: PageContext
    private var site: LinkedSite { context.site }

    init(year: Int, branch: Branch?, context: PageContext) {
        self.year = year
        self.branch = branch
        self.context = context
    }

    /// The year's entries of a kind in year reports, in the kind's order (the branch's only, for a branch report).
    private func members(of kind: EntryKind) -> [Int] {
        context.yearMembers.members(of: kind, year: year, branch: branch)
    }

    func values() -> [String: TemplateValue] {
        let organization = site.config.organization.isEmpty ? site.config.title : site.config.organization
        var values: [String: TemplateValue] = [
            "title": .text(branch.map { "\($0.name)\(year)年度工作总结" } ?? "\(organization)\(year)年度党建工作总结"),
            "section": .text("reports"), "year": .number(year), "isBranch": .flag(branch != nil),
            "branch": branch.map { .map(CardMaker.branch($0)) } ?? .absent,
        ]
        var totals: [TemplateValue] = []
        var all: [Int] = []
        for kind in site.catalog.kinds where kind.appears(in: .yearReports) {
            let members = members(of: kind)
            all += members
            values[TemplateKeys.count(kind)] = .number(members.count)
            values[TemplateKeys.has(kind)] = .flag(!members.isEmpty)
            if !kind.appears(in: .dailyRun) { values[TemplateKeys.list(kind)] = context.cards.list(members) }
            let attendance = Self.attendance(of: members, in: site)
            if !members.isEmpty {
                totals.append(.map(TemplateMap(["name": .text(kind.name), "count": .number(members.count), "unit": .text(kind.unit),
                                                "attendance": .number(attendance), "hasAttendance": .flag(attendance > 0)])))
            }
        }
        let attendance = Self.attendance(of: all, in: site)
        values["totals"] = .list(totals)
        values["attendance"] = .number(attendance)
        values["hasAttendance"] = .flag(attendance > 0)
        values["attendanceChart"] = .text(SVGCharts.months(monthly(all) { Self.attendance(of: [$0], in: site) }, unit: "人次"))
        values.merge(dailyRun(), uniquingKeysWith: { _, new in new })
        values["tags"] = top(all.flatMap { site.entries[$0].tags }, limit: 10) { site.tagSlug($0).map { Addresses.tag($0) } }
        values["speakers"] = topSpeakers(all)
        if let (kind, field) = site.catalog.seriesField {
            values["series"] = top(all.filter { site.entries[$0].kind == kind }.compactMap { site.entries[$0].value(field.name)?.text },
                                   limit: .max) { name in site.series.first { $0.name == name }.map { Addresses.series($0.slug) } }
        }
        values["ratings"] = ratings()
        return values
    }

    /// The daily-run kind's days, its longest run within the year and its months.
    private func dailyRun() -> [String: TemplateValue] {
        guard let daily = site.catalog.dailyRunKind else { return [:] }
        let members = members(of: daily)
        let days = Set(members.map { site.entries[$0].date.dayNumber }).sorted()
        let last = EntryDate(year: year, month: 12, day: 31)
        let runs = TalkRuns(days: days, config: site.config, today: min(last, site.model.today))
        var values: [String: TemplateValue] = [TemplateKeys.days(daily): .number(days.count), "longestRun": .number(runs.longest),
                                               "monthsChart": .text(SVGCharts.months(monthly(members) { _ in 1 }, unit: daily.unit))]
        if let from = runs.longestFrom, let to = runs.longestTo {
            values["longestFrom"] = .text(from.chineseDay)
            values["longestTo"] = .text(to.chineseDay)
        }
        return values
    }

    /// Twelve months of the year, each with `value` summed over its entries.
    private func monthly(_ members: [Int], value: (Int) -> Int) -> [SiteStatistics.Count] {
        var sums = [Int](repeating: 0, count: 12)
        for index in members { sums[site.entries[index].date.month - 1] += value(index) }
        return (1...12).map { SiteStatistics.Count(label: EntryDate(year: year, month: $0, day: 1).monthKey, count: sums[$0 - 1]) }
    }

    /// The people named most often by `members`, most first, each under their page's name and linked to it:
    /// 王 建华 and 王建华（特邀） count as 王建华.
    private func topSpeakers(_ members: [Int]) -> TemplateValue {
        let people = Dictionary(site.people.map { (PeopleNames.key($0.name), $0) }, uniquingKeysWith: { first, _ in first })
        let named = members.flatMap { index in
            var seen = Set<String>()
            return People.names(in: site.entries[index]).compactMap { name in
                let key = PeopleNames.key(name)
                return seen.insert(key).inserted ? people[key] : nil
            }
        }
        let slugs = Dictionary(named.map { ($0.name, $0.slug) }, uniquingKeysWith: { first, _ in first })
        return top(named.map(\.name), limit: 10) { slugs[$0].map { Addresses.speaker($0) } }
    }

    /// The most used of `names`, most first: `{name, count, url}`.
    private func top(_ names: [String], limit: Int, url: (String) -> String?) -> TemplateValue {
        var counts: [String: Int] = [:]
        for name in names { counts[name, default: 0] += 1 }
        let ordered = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(limit)
        return .list(ordered.map { .map(TemplateMap(["name": .text($0.key), "count": .number($0.value), "url": .text(url($0.key))])) })
    }

    /// The year's ratings: periods as columns, branches (or the one branch) as rows of stars.
    private func ratings() -> TemplateValue {
        var tables: [TemplateValue] = []
        for kind in site.catalog.kinds where kind.appears(in: .yearReports) {
            for field in kind.fields {
                guard case let .branchScores(maximum) = field.type else { continue }
                let entries = members(of: kind).reversed().map { site.entries[$0] }
                guard !entries.isEmpty else { continue }
                let branches = branch.map { [$0] } ?? site.config.branches
                let rows = branches.map { branch -> TemplateValue in
                    let cells = entries.map { entry -> TemplateValue in
                        let score = entry.value(field.name)?.scores.first { $0.branch == branch }?.score
                        return .map(TemplateMap(["stars": .text(score.map { CardMaker.stars($0, of: maximum) } ?? "—")]))
                    }
                    return .map(TemplateMap(["branch": .map(CardMaker.branch(branch)), "cells": .list(cells)]))
                }
                tables.append(.map(TemplateMap(["name": .text(kind.name), "periods": .texts(entries.map { $0.periodTitle ?? $0.title }),
                                                "rows": .list(rows)])))
            }
        }
        return .list(tables)
    }

    /// 人次 summed over `members`' attendance fields.
    static func attendance(of members: [Int], in site: LinkedSite) -> Int {
        members.reduce(0) { sum, index in
            let entry = site.entries[index]
            guard let field = entry.kind.field(with: .attendance) else { return sum }
            return sum + (entry.value(field.name)?.integer ?? 0)
        }
    }
}
