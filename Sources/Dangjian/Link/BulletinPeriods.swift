/// A bulletin (简报) of one period: a month (`2026-09`) or an ISO week (`2026-w37`).
public struct BulletinIssue: Sendable {
    /// `2026-09` or `2026-w37`: the bulletin's folder name.
    public let key: String
    /// 第N期, counted from the first period that has entries.
    public let number: Int
    /// `2026年9月` or `2026年第37周`.
    public let title: String
    /// The period's entries of each kind in bulletins (kind id → entries), oldest first: a bulletin reads in order.
    public let members: [String: [Int]]

    public func members(of kind: EntryKind) -> [Int] { members[kind.id] ?? [] }
}

enum BulletinPeriods {
    static func issues(_ entries: [Entry], order: EntryOrder, period: BulletinPeriod) -> [BulletinIssue] {
        var members: [String: [Int]] = [:]
        var titles: [String: String] = [:]
        for (index, entry) in entries.enumerated() where entry.kind.appears(in: .periodBulletins) {
            let (key, title) = periodKey(entry.date, period: period)
            members[key, default: []].append(index)
            titles[key] = title
        }
        return members.keys.sorted().enumerated().map { offset, key in
            let oldestFirst = Array(order.newestFirst(members[key]!).reversed())
            var byKind: [String: [Int]] = [:]
            for index in oldestFirst { byKind[entries[index].kind.id, default: []].append(index) }
            return BulletinIssue(key: key, number: offset + 1, title: titles[key]!, members: byKind)
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
