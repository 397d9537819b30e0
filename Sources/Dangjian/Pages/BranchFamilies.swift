/// A page per branch of site.yml: its entries of every kind that joins branches, the kind a branch
/// has most of paginated, the others in full on the first page; and the list of branches.
struct BranchFamily: PageFamily {
    let name = "branch"
    let topFolder: String? = "branches"
    let summary: SummaryLabel? = SummaryLabel(label: "支部", unit: "个")

    /// The kind whose entries are paginated on branch pages.
    static func paginatedKind(_ catalog: KindCatalog) -> EntryKind? {
        catalog.kinds.first { $0.branchListing == .paginated && $0.joins(.branch) }
    }

    func plan(_ site: LinkedSite) -> [PageKey] {
        let kind = Self.paginatedKind(site.catalog)
        return site.branches.enumerated().flatMap { index, group in
            Pagination.keys(item: index, count: kind.map { group.members(of: $0).count } ?? 0, size: site.config.pageSize)
        }
    }

    func address(_ key: PageKey, in site: LinkedSite) -> String { Addresses.branch(site.branches[key.item].branch.id, page: key.page) }
    func template(_ key: PageKey, in site: LinkedSite) -> String? { "branch" }

    func content(_ key: PageKey, _ context: PageContext) -> PageContent {
        let (site, cards) = (context.site, context.cards)
        let group = site.branches[key.item]
        let paginated = Self.paginatedKind(site.catalog)
        let pagination = Pagination(folder: "branches/\(group.branch.id)/", page: key.page,
                                    count: paginated.map { group.members(of: $0).count } ?? 0, size: site.config.pageSize)
        var values: [String: TemplateValue] = [
            "title": .text(group.branch.name), "section": .text("branches"), "branch": .map(CardMaker.branch(group.branch)),
            "pagination": pagination.values, "isFirstPage": .flag(key.page == 1),
        ]
        for kind in site.catalog.kinds where kind.joins(.branch) {
            let members = group.members(of: kind)
            values[TemplateKeys.list(kind)] = cards.list(kind == paginated ? Array(pagination.slice(members)) : members)
            values[TemplateKeys.count(kind)] = .number(members.count)
            values[TemplateKeys.has(kind)] = .flag(!members.isEmpty)
        }
        values.merge(BranchRecords.values(of: group.branch, in: site), uniquingKeysWith: { _, new in new })
        let reports = (context.reportYears[group.branch.id] ?? []).sorted(by: >)
        values["reports"] = .list(reports.map { year in
            .map(TemplateMap(["year": .number(year), "url": .text(Addresses.yearReport(year, branch: group.branch.id))]))
        })
        values["hasReports"] = .flag(!reports.isEmpty)
        return .template("branch", TemplateMap(values))
    }
}

struct BranchesIndexFamily: SinglePageFamily {
    let name = "branches-index"

    let fixedAddress = Addresses.branchesIndex
    let templateName = "terms"

    func navigation(_ site: LinkedSite) -> [NavigationEntry] {
        [NavigationEntry(key: "branches", title: "支部", url: Addresses.branchesIndex, weight: 40)]
    }

    func content(_ key: PageKey, _ context: PageContext) -> PageContent {
        let site = context.site
        let terms = site.branches.map { group -> TemplateValue in
            var term: [String: TemplateValue] = ["name": .text(group.branch.name), "url": .text(Addresses.branch(group.branch.id)),
                                                 "count": .number(group.count)]
            for kind in site.catalog.kinds where kind.joins(.branch) {
                term[TemplateKeys.count(kind)] = .number(group.members(of: kind).count)
            }
            return .map(TemplateMap(term))
        }
        return .template("terms", TemplateMap(["title": .text("支部"), "section": .text("branches"), "terms": .list(terms),
                                               "isBranches": .flag(true)]))
    }
}
