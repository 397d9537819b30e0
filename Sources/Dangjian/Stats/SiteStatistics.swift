/// The numbers behind the statistics page, counted once from the linked site: the daily-run kind's
/// days, months and runs, and each chart the kinds declare.
struct SiteStatistics {
    struct Count: Equatable {
        let label: String
        let count: Int
    }

    struct Chart {
        let key: String
        let label: String
        let unit: String
        let data: ChartData
    }

    enum ChartData {
        /// One bar per name.
        case bars([Count])
        /// One row per entry (a rating's period), split by score from the highest: how many had each.
        case distribution(rows: [(label: String, counts: [Int])], maximum: Int)
    }

    /// Every month from the daily-run kind's first entry to its last, empty months included (`2026-09`).
    let perMonth: [Count]
    /// Entries of the daily-run kind per day (day number → count).
    let perDay: [Int: Int]
    let runs: TalkRuns
    let charts: [Chart]

    init(_ site: LinkedSite) {
        let members = site.catalog.dailyRunKind.map { site.members(of: $0) } ?? []
        var perDay: [Int: Int] = [:]
        var perMonth: [String: Int] = [:]
        for index in members {
            let entry = site.entries[index]
            perDay[entry.date.dayNumber, default: 0] += 1
            perMonth[entry.date.monthKey, default: 0] += 1
        }
        self.perDay = perDay
        self.perMonth = Self.months(perMonth, members: members, site: site)
        runs = TalkRuns(days: perDay.keys.sorted(), config: site.config, today: site.model.today)
        charts = site.catalog.kinds.flatMap { kind in kind.statistics.map { Self.chart($0, of: kind, in: site) } }
    }

    private static func chart(_ statistic: Statistic, of kind: EntryKind, in site: LinkedSite) -> Chart {
        let members = site.members(of: kind)
        switch statistic {
        case let .perValue(field, key, label):
            var counts: [String: Int] = [:]
            for index in members { if let value = site.entries[index].value(field)?.text { counts[value, default: 0] += 1 } }
            // Values no entry has are left out: a list of zero bars says nothing.
            let values = (kind.field(field)?.vocabulary.map(site.config.vocabulary) ?? []).filter { counts[$0] != nil }
            return Chart(key: key, label: label, unit: kind.unit, data: .bars(values.map { Count(label: $0, count: counts[$0] ?? 0) }))
        case let .perBranch(key, label):
            var counts: [String: Int] = [:]
            for index in members { if let branch = site.entries[index].branch { counts[branch.id, default: 0] += 1 } }
            // As for values: branches with none are left out, not drawn as zero bars.
            return Chart(key: key, label: label, unit: kind.unit,
                         data: .bars(site.config.branches.compactMap { branch in counts[branch.id].map { Count(label: branch.name, count: $0) } }))
        case let .scoresOverTime(field, key, label):
            var maximum = 5
            if case let .branchScores(declared)? = kind.field(field)?.type { maximum = declared }
            let rows = members.reversed().map { index -> (label: String, counts: [Int]) in
                let entry = site.entries[index]
                var counts = [Int](repeating: 0, count: maximum)
                for score in entry.value(field)?.scores ?? [] where (1...maximum).contains(score.score) { counts[maximum - score.score] += 1 }
                return (entry.periodTitle ?? entry.title, counts)
            }
            return Chart(key: key, label: label, unit: "个支部", data: .distribution(rows: rows, maximum: maximum))
        }
    }

    private static func months(_ counts: [String: Int], members: [Int], site: LinkedSite) -> [Count] {
        guard let newest = members.first, let oldest = members.last else { return [] }
        var (year, month) = (site.entries[oldest].date.year, site.entries[oldest].date.month)
        let last = site.entries[newest].date
        var result: [Count] = []
        while (year, month) <= (last.year, last.month) {
            let key = EntryDate(year: year, month: month, day: 1).monthKey
            result.append(Count(label: key, count: counts[key] ?? 0))
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        return result
    }
}

/// Runs of daily talks (坚持天数): consecutive working days with at least one talk. Weekends and
/// site.yml's holidays in between do not break a run; a talk given on one counts as a day of it.
struct TalkRuns: Equatable {
    /// Days with talks in the longest run, and its first and last day (the most recent of equal runs).
    let longest: Int
    let longestFrom: EntryDate?
    let longestTo: EntryDate?
    /// The run that reaches today: no working day without a talk between its last day and today
    /// (today itself may still be waiting for its talk). 0 when the last run has ended.
    let current: Int

    init(days: [Int], config: SiteConfig, today: EntryDate) {
        var best = (length: 0, from: 0, to: 0)
        var length = 0
        var start = 0
        for (position, day) in days.enumerated() {
            if position > 0 && Self.onlyDaysOff(after: days[position - 1], before: day, config: config) {
                length += 1
            } else {
                length = 1
                start = day
            }
            if length >= best.length { best = (length, start, day) }
        }
        longest = best.length
        longestFrom = best.length > 0 ? EntryDate(dayNumber: best.from) : nil
        longestTo = best.length > 0 ? EntryDate(dayNumber: best.to) : nil
        let todayNumber = today.dayNumber
        let past = days.filter { $0 <= todayNumber }
        if let last = past.last, last == todayNumber || Self.onlyDaysOff(after: last, before: todayNumber, config: config) {
            current = Self.runLength(endingAt: past.count - 1, in: past, config: config)
        } else {
            current = 0
        }
    }

    /// True when every day strictly between `first` and `second` is a weekend day or a holiday.
    static func onlyDaysOff(after first: Int, before second: Int, config: SiteConfig) -> Bool {
        var day = first + 1
        while day < second {
            if config.isWorkingDay(EntryDate(dayNumber: day)) { return false }
            day += 1
        }
        return true
    }

    private static func runLength(endingAt end: Int, in days: [Int], config: SiteConfig) -> Int {
        var position = end
        while position > 0 && onlyDaysOff(after: days[position - 1], before: days[position], config: config) {
            position -= 1
        }
        return end - position + 1
    }
}
