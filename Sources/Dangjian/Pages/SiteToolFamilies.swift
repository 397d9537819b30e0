/// The search page and the statistics page: planned only when the theme has their templates
/// (`search`, `stats`), so older themes keep building.
struct SearchFamily: SinglePageFamily {
    let name = "search"
    let isOptional = true

    let fixedAddress = Addresses.search
    let templateName = "search"

    func content(_ key: PageKey, _ context: PageContext) -> PageContent {
        let site = context.site
        let values: [String: TemplateValue] = [
            "title": .text("搜索"), "section": .text("search"),
            "shardCount": .number(context.searchShards),
            "kinds": .list(site.usedKinds.map { .map(TemplateMap(["value": .text($0.id), "name": .text($0.name)])) }),
            "series": .list(site.series.filter { !$0.members.isEmpty }.map { .map(TemplateMap(["name": .text($0.name)])) }),
            "branches": .list(site.branches.map { .map(TemplateMap(["id": .text($0.branch.id), "name": .text($0.branch.name)])) }),
            "tags": .list(site.tags.map { .map(TemplateMap(["name": .text($0.name)])) }),
            "years": .list(site.years.map { .map(TemplateMap(["value": .text($0.slug), "name": .text($0.name)])) }),
        ]
        return .template("search", TemplateMap(values))
    }
}

struct StatsFamily: SinglePageFamily {
    let name = "stats"
    let isOptional = true

    let fixedAddress = Addresses.stats
    let templateName = "stats"

    func navigation(_ site: LinkedSite) -> [NavigationEntry] {
        [NavigationEntry(key: "stats", title: "统计", url: Addresses.stats, weight: 70)]
    }

    func content(_ key: PageKey, _ context: PageContext) -> PageContent {
        let site = context.site
        let stats = SiteStatistics(site)
        var values: [String: TemplateValue] = [
            "title": .text("统计"), "section": .text("stats"),
            "holidayCount": .number(site.config.holidays.count), "hasHolidays": .flag(!site.config.holidays.isEmpty),
        ]
        for kind in site.catalog.kinds {
            values[TemplateKeys.count(kind)] = .number(site.members(of: kind).count)
            values[TemplateKeys.has(kind)] = .flag(!site.members(of: kind).isEmpty)
        }
        if let daily = site.catalog.dailyRunKind {
            let runs = stats.runs
            let years = Set(stats.perDay.keys.map { EntryDate(dayNumber: $0).year }).sorted(by: >)
            values[TemplateKeys.days(daily)] = .number(stats.perDay.count)
            values["currentRun"] = .number(runs.current)
            values["longestRun"] = .number(runs.longest)
            values["monthsChart"] = .text(SVGCharts.months(stats.perMonth, unit: daily.unit))
            values["calendars"] = .list(years.map { year in
                .map(TemplateMap(["year": .number(year), "svg": .text(SVGCharts.calendar(year: year, perDay: stats.perDay, config: site.config, of: daily))]))
            })
            if let from = runs.longestFrom, let to = runs.longestTo {
                values["longestFrom"] = .text(from.chineseDay)
                values["longestTo"] = .text(to.chineseDay)
            }
            values["isRunning"] = .flag(runs.current > 0)
            if let last = site.members(of: daily).first { values["lastDate"] = .text(site.entries[last].date.chineseDay) }
        }
        let attendance = AttendanceTotals(site)
        values["attendance"] = .number(attendance.total)
        values["hasAttendance"] = .flag(attendance.total > 0)
        values["attendanceMonthsChart"] = .text(SVGCharts.months(attendance.perMonth, unit: "人次"))
        values["attendanceBranchChart"] = .text(SVGCharts.bars(attendance.perBranch, unit: "人次", label: "各支部参与人次"))
        values["attendanceYears"] = .list(attendance.perYear.map { .map(TemplateMap(["name": .text($0.label), "count": .number($0.count)])) })
        values["attendanceKinds"] = .list(attendance.perKind.map { .map(TemplateMap(["name": .text($0.label), "count": .number($0.count)])) })
        values["ledgers"] = .list(LedgerTable.years(in: site).map { .map(TemplateMap(["year": .number($0), "url": .text(Addresses.ledger($0))])) })
        values["reports"] = .list(YearReportFamily.years(in: site).map {
            .map(TemplateMap(["year": .number($0), "url": .text(Addresses.yearReport($0))]))
        })
        for chart in stats.charts {
            switch chart.data {
            case let .bars(counts): values[chart.key] = .text(SVGCharts.bars(counts, unit: chart.unit, label: chart.label))
            case let .distribution(rows, maximum):
                values[chart.key] = .text(SVGCharts.distribution(rows, maximum: maximum, unit: chart.unit, label: chart.label))
            }
        }
        return .template("stats", TemplateMap(values))
    }
}
