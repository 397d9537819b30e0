/// A bulletin (简报) of one period: a month (`2026-09`) or an ISO week (`2026-w37`).
public struct BulletinIssue: Sendable {
    /// `2026-09` or `2026-w37`: the bulletin's folder name.
    public let key: String
    /// 第N期, counted from the first period that has entries.
    public let number: Int
    /// `2026年9月` or `2026年第37周`.
    public let title: String
    /// Talks and salons of the period, oldest first (a bulletin reads in order).
    public let talks: [Int]
    public let salons: [Int]
}

enum BulletinPeriods {
    static func issues(_ entries: [Entry], period: BulletinPeriod) -> [BulletinIssue] {
        var members: [String: [Int]] = [:]
        var titles: [String: String] = [:]
        for (index, entry) in entries.enumerated() where entry.kind == .talk || entry.kind == .salon {
            let (key, title) = periodKey(entry.date, period: period)
            members[key, default: []].append(index)
            titles[key] = title
        }
        return members.keys.sorted().enumerated().map { offset, key in
            let oldestFirst = Array(Taxonomies.newestFirst(members[key]!, in: entries).reversed())
            return BulletinIssue(key: key, number: offset + 1, title: titles[key]!,
                                 talks: oldestFirst.filter { entries[$0].kind == .talk },
                                 salons: oldestFirst.filter { entries[$0].kind == .salon })
        }
    }

    static func periodKey(_ date: EntryDate, period: BulletinPeriod) -> (key: String, title: String) {
        switch period {
        case .month:
            return (date.monthKey, date.chineseMonth)
        case .week:
            let week = date.isoWeek
            let padded = week.week < 10 ? "0\(week.week)" : "\(week.week)"
            return ("\(week.year)-w\(padded)", "\(week.year)年第\(week.week)周")
        }
    }
}
