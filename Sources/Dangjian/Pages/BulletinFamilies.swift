/// Bulletins (简报): one per period (month or ISO week) with that period's entries of every kind in
/// bulletins, one per entry of numbered kinds that have their own (a salon's), and their index.
struct PeriodBulletinFamily: PageFamily {
    let name = "period-bulletin"
    let topFolder: String? = "bulletins"
    let printing: PrintKind? = .bulletin
    let summary: SummaryLabel? = SummaryLabel(label: "简报", unit: "期")

    func plan(_ site: LinkedSite) -> [PageKey] { site.bulletins.indices.map { PageKey($0) } }
    func address(_ key: PageKey, in site: LinkedSite) -> String { Addresses.periodBulletin(site.bulletins[key.item].key) }
    func template(_ key: PageKey, in site: LinkedSite) -> String? { "bulletin" }

    func content(_ key: PageKey, _ context: PageContext) -> PageContent {
        let site = context.site
        let issue = site.bulletins[key.item]
        let fullText = site.config.bulletinFullText
        var values: [String: TemplateValue] = [
            "title": .text("\(site.config.title)简报 第\(issue.number)期"), "section": .text("bulletins"),
            "number": .number(issue.number), "numberText": .text("第\(issue.number)期"), "period": .text(issue.title),
            "isPeriod": .flag(true), "fullText": .flag(fullText),
        ]
        for kind in site.catalog.kinds where kind.appears(in: .periodBulletins) {
            let members = issue.members(of: kind)
            values[TemplateKeys.list(kind)] = .list(members.map { index in
                let anchor = Self.anchor(index)
                // A video lesson is printed as a brief with its QR code: paper cannot play it.
                return .map(fullText && kind.field(with: .video) == nil ? context.cardWithBody(index, anchor: anchor, headingPrefix: anchor)
                                     : context.briefCard(index, anchor: anchor))
            })
            values[TemplateKeys.has(kind)] = .flag(!members.isEmpty)
            values[TemplateKeys.count(kind)] = .number(members.count)
        }
        values.merge(context.qrValues(for: address(key, in: site), title: "\(issue.title)简报"), uniquingKeysWith: { old, _ in old })
        return .template("bulletin", TemplateMap(values))
    }

    /// The id of an entry's part of a bulletin.
    static func anchor(_ index: Int) -> String { "entry-\(index)" }

    func printSections(_ key: PageKey, in site: LinkedSite) -> [String: String] {
        let issue = site.bulletins[key.item]
        var sections: [String: String] = [:]
        for kind in site.catalog.kinds where kind.appears(in: .periodBulletins) {
            for index in issue.members(of: kind) { sections[Self.anchor(index)] = site.entries[index].path }
        }
        return sections
    }
}

struct EntryBulletinFamily: PageFamily {
    let name = "entry-bulletin"
    let topFolder: String? = "bulletins"
    let printing: PrintKind? = .bulletin
    let summary: SummaryLabel? = SummaryLabel(label: "简报", unit: "期")

    func plan(_ site: LinkedSite) -> [PageKey] {
        site.catalog.kinds.filter { $0.appears(in: .ownBulletin) }.flatMap { site.members(of: $0) }.map { PageKey($0) }
    }

    func address(_ key: PageKey, in site: LinkedSite) -> String {
        let entry = site.entries[key.item]
        return Addresses.entryBulletin(entry.kind, number: entry.number ?? 0)
    }

    func template(_ key: PageKey, in site: LinkedSite) -> String? { "bulletin" }
    func sourceFile(_ key: PageKey, in site: LinkedSite) -> String? { site.entries[key.item].path }
    func printSections(_ key: PageKey, in site: LinkedSite) -> [String: String] {
        [PeriodBulletinFamily.anchor(key.item): site.entries[key.item].path]
    }

    func content(_ key: PageKey, _ context: PageContext) -> PageContent {
        let entry = context.site.entries[key.item]
        let number = entry.number ?? 0
        let numberText = entry.kind.field(with: .number)?.numberText(number) ?? "\(number)"
        var values: [String: TemplateValue] = [
            "title": .text("\(entry.kind.name)简报 \(numberText)"), "section": .text("bulletins"), "number": .number(number),
            "numberText": .text(numberText), "period": .text(entry.title),
            entry.kind.id: .map(context.cardWithBody(key.item, anchor: PeriodBulletinFamily.anchor(key.item))),
            TemplateKeys.isKind(entry.kind): .flag(true),
        ]
        values.merge(context.qrValues(for: entry.url, title: entry.title), uniquingKeysWith: { old, _ in old })
        return .template("bulletin", TemplateMap(values))
    }
}

struct BulletinsIndexFamily: SinglePageFamily {
    let name = "bulletins-index"

    let fixedAddress = Addresses.bulletinsIndex
    let templateName = "bulletins"

    func navigation(_ site: LinkedSite) -> [NavigationEntry] {
        [NavigationEntry(key: "bulletins", title: "简报与展板", url: Addresses.bulletinsIndex, weight: 60)]
    }

    func content(_ key: PageKey, _ context: PageContext) -> PageContent {
        let site = context.site
        let inBulletins = site.catalog.kinds.filter { $0.appears(in: .periodBulletins) }
        let periods = site.bulletins.reversed().map { issue -> TemplateValue in
            var period: [String: TemplateValue] = ["title": .text(issue.title), "numberText": .text("第\(issue.number)期"),
                                                   "url": .text(Addresses.periodBulletin(issue.key))]
            for kind in inBulletins {
                period[TemplateKeys.count(kind)] = .number(issue.members(of: kind).count)
                period[TemplateKeys.has(kind)] = .flag(!issue.members(of: kind).isEmpty)
            }
            return .map(TemplateMap(period))
        }
        var values: [String: TemplateValue] = ["title": .text("简报与展板"), "section": .text("bulletins"), "periods": .list(periods),
                                               "boards": BoardsIndexFamily.boardCards(context)]
        let years = YearReportFamily.years(in: site)
        let branchYears = context.reportYears
        values["hasReports"] = .flag(!years.isEmpty)
        values["reports"] = .list(years.map { year in
            let branches = site.branches.filter { branchYears[$0.branch.id]?.contains(year) == true }.map { group in
                TemplateValue.map(TemplateMap(["name": .text(group.branch.name), "url": .text(Addresses.yearReport(year, branch: group.branch.id))]))
            }
            return .map(TemplateMap(["year": .number(year), "url": .text(Addresses.yearReport(year)), "branches": .list(branches)]))
        })
        for kind in site.catalog.kinds where kind.appears(in: .ownBulletin) {
            values[TemplateKeys.list(kind)] = .list(site.members(of: kind).map { index in
                var card = context.cards[index]
                card["bulletinURL"] = .text(Addresses.entryBulletin(kind, number: site.entries[index].number ?? 0))
                return .map(card)
            })
        }
        return .template("bulletins", TemplateMap(values))
    }
}
