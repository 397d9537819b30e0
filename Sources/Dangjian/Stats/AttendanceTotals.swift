/// 参与人次 summed over every entry with an attendance field: per month, per year, per branch and per kind.
struct AttendanceTotals {
    typealias Count = SiteStatistics.Count

    let total: Int
    /// Every month from the first entry with attendance to the last (`2026-09`).
    let perMonth: [Count]
    /// Newest year first.
    let perYear: [Count]
    let perBranch: [Count]
    let perKind: [Count]

    init(_ site: LinkedSite) {
        var months: [String: Int] = [:], years: [Int: Int] = [:], branches: [String: Int] = [:], kinds: [String: Int] = [:]
        var total = 0
        for entry in site.entries {
            guard let field = entry.kind.field(with: .attendance), let count = entry.value(field.name)?.integer else { continue }
            total += count
            months[entry.date.monthKey, default: 0] += count
            years[entry.date.year, default: 0] += count
            kinds[entry.kind.id, default: 0] += count
            if let branch = entry.branch { branches[branch.id, default: 0] += count }
        }
        self.total = total
        perYear = years.keys.sorted(by: >).map { Count(label: "\($0)年", count: years[$0]!) }
        // Branches without attendance are left out, as in the other per-branch charts.
        perBranch = site.config.branches.compactMap { branch in branches[branch.id].map { Count(label: branch.name, count: $0) } }
        perKind = site.catalog.kinds.compactMap { kind in kinds[kind.id].map { Count(label: kind.name, count: $0) } }
        perMonth = Self.everyMonth(months)
    }

    private static func everyMonth(_ counts: [String: Int]) -> [Count] {
        guard let first = counts.keys.min(), let last = counts.keys.max() else { return [] }
        var (year, month) = (Int(first.prefix(4)) ?? 0, Int(first.suffix(2)) ?? 1)
        let end = (Int(last.prefix(4)) ?? 0, Int(last.suffix(2)) ?? 1)
        var result: [Count] = []
        while (year, month) <= end {
            let key = EntryDate(year: year, month: month, day: 1).monthKey
            result.append(Count(label: key, count: counts[key] ?? 0))
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        return result
    }
}
