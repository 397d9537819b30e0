/// The numbers behind the statistics page, counted once from the linked site.
struct SiteStatistics {
    struct Count: Equatable {
        let label: String
        let count: Int
    }

    /// Every month from the first talk to the last, empty months included (`2026-09`).
    let talksPerMonth: [Count]
    /// Talks per day (day number → count).
    let talksPerDay: [Int: Int]
    let runs: TalkRuns
    let talksPerSeries: [Count]
    let talksPerBranch: [Count]
    let salonsPerHost: [Count]
    let brandsPerCategory: [Count]

    init(_ site: LinkedSite) {
        let config = site.config
        var perDay: [Int: Int] = [:]
        var perMonth: [String: Int] = [:]
        var perBranch: [String: Int] = [:]
        for index in site.talks {
            let entry = site.entries[index]
            perDay[entry.date.dayNumber, default: 0] += 1
            perMonth[entry.date.monthKey, default: 0] += 1
            if let branch = entry.branch { perBranch[branch.id, default: 0] += 1 }
        }
        talksPerDay = perDay
        talksPerMonth = Self.months(perMonth, site: site)
        runs = TalkRuns(days: perDay.keys.sorted(), config: config, today: site.model.today)
        talksPerSeries = site.series.map { Count(label: $0.name, count: $0.members.count) }
        talksPerBranch = config.branches.map { Count(label: $0.name, count: perBranch[$0.id] ?? 0) }
        salonsPerHost = site.branches.map { Count(label: $0.branch.name, count: $0.salons.count) }
        var perCategory: [String: Int] = [:]
        for index in site.brands {
            if case let .brand(brand) = site.entries[index].details { perCategory[brand.category, default: 0] += 1 }
        }
        brandsPerCategory = config.brandCategories.map { Count(label: $0, count: perCategory[$0] ?? 0) }
    }

    private static func months(_ counts: [String: Int], site: LinkedSite) -> [Count] {
        guard let newest = site.talks.first, let oldest = site.talks.last else { return [] }
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
