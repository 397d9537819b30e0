/// Year reports (年度总结): `reports/<YYYY>/index.html` for the whole site and
/// `reports/<YYYY>/<branch>/index.html` for each branch with entries that year — what was done,
/// how many took part, the run of daily talks, honours and ratings, the most used tags, series and
/// speakers, with charts drawn at build time; A4 pages that `dangjian print` prints like bulletins.
struct YearReportFamily: PageFamily {
    let name = "year-report"
    /// Planned only when the theme has its template: themes made before it keep building.
    let isOptional = true
    let topFolder: String? = "reports"
    let printing: PrintKind? = .report
    let summary: SummaryLabel? = SummaryLabel(label: "年度总结", unit: "份")

    /// Item numbers carry the year and the branch (its position + 1, 0 for the whole site).
    private static let branchSlots = 100_000

    func plan(_ site: LinkedSite) -> [PageKey] {
        let branchYears = Self.branchYears(in: site)
        return Self.years(in: site).flatMap { year -> [PageKey] in
            [PageKey(year * Self.branchSlots)] + site.branches.enumerated().compactMap { position, group in
                branchYears[group.branch.id]?.contains(year) == true ? PageKey(year * Self.branchSlots + position + 1) : nil
            }
        }
    }

    func address(_ key: PageKey, in site: LinkedSite) -> String {
        let (year, group) = Self.decode(key, in: site)
        return Addresses.yearReport(year, branch: group?.branch.id)
    }

    func template(_ key: PageKey, in site: LinkedSite) -> String? { "report" }

    func content(_ key: PageKey, _ context: PageContext) -> PageContent {
        let (year, group) = Self.decode(key, in: context.site)
        var values = YearReportValues(year: year, branch: group?.branch, context: context).values()
        values.merge(context.qrValues(for: address(key, in: context.site), title: values["title"].flatMap(\.textValue) ?? ""),
                     uniquingKeysWith: { old, _ in old })
        return .template("report", TemplateMap(values))
    }

    static func decode(_ key: PageKey, in site: LinkedSite) -> (year: Int, branch: BranchGroup?) {
        let slot = key.item % branchSlots
        return (key.item / branchSlots, slot == 0 ? nil : site.branches[slot - 1])
    }

    /// Years with entries of the kinds in year reports, newest first.
    static func years(in site: LinkedSite) -> [Int] {
        let kinds = Set(site.catalog.kinds.filter { $0.appears(in: .yearReports) })
        return site.years.compactMap { group in
            group.members.contains { kinds.contains(site.entries[$0].kind) } ? Int(group.slug) : nil
        }
    }

    /// Branch id → the years in which it has entries of kinds in year reports, or a score: one pass.
    static func branchYears(in site: LinkedSite) -> [String: Set<Int>] {
        var years: [String: Set<Int>] = [:]
        for kind in site.catalog.kinds where kind.appears(in: .yearReports) {
            let scoreFields = kind.fields.filter { if case .branchScores = $0.type { return true } else { return false } }
            for index in site.members(of: kind) {
                let year = site.entries[index].date.year
                if let branch = site.entries[index].branch { years[branch.id, default: []].insert(year) }
                for field in scoreFields {
                    for score in site.entries[index].value(field.name)?.scores ?? [] { years[score.branch.id, default: []].insert(year) }
                }
            }
        }
        return years
    }
}

extension TemplateValue {
    /// The text of a text value.
    var textValue: String? {
        if case let .text(text) = self { return text }
        return nil
    }
}

/// Each year's entries of every kind, for the whole site and for each branch (its own entries and
/// the ratings that score it), each in its kind's order: made in one pass, so a year report does
/// not filter every entry of the site again (there are years × branches of them).
struct YearMembers: Sendable {
    struct Key: Hashable {
        let year: Int
        let branch: Branch?
    }

    private let members: [Key: [String: [Int]]]

    init(_ site: LinkedSite) {
        var members: [Key: [String: [Int]]] = [:]
        for kind in site.catalog.kinds {
            for index in site.members(of: kind) {
                let entry = site.entries[index]
                let year = entry.date.year
                members[Key(year: year, branch: nil), default: [:]][kind.id, default: []].append(index)
                var branches: [Branch] = entry.branch.map { [$0] } ?? []
                for (field, value) in zip(entry.kind.fields, entry.values) {
                    guard case .branchScores = field.type else { continue }
                    for score in value?.scores ?? [] where !branches.contains(score.branch) { branches.append(score.branch) }
                }
                for branch in branches { members[Key(year: year, branch: branch), default: [:]][kind.id, default: []].append(index) }
            }
        }
        self.members = members
    }

    /// The entries of `kind` dated in `year` (of `branch` or scoring it, when given), in the kind's order.
    func members(of kind: EntryKind, year: Int, branch: Branch?) -> [Int] {
        members[Key(year: year, branch: branch)]?[kind.id] ?? []
    }
}
