/// The brand album (画册): one printable A4 book of the kinds in the album (brands), in sections by
/// their grouping field in site.yml's order, oldest first within a section; each with the entries
/// that refer to it (the brand's cases).
struct AlbumFamily: SinglePageFamily {
    let name = "album"
    let printing: PrintKind? = .album
    let summary: SummaryLabel? = SummaryLabel(label: "画册", unit: "本")

    let fixedAddress = Addresses.album
    let templateName = "album"

    func content(_ key: PageKey, _ context: PageContext) -> PageContent {
        let site = context.site
        var number = 0
        var sections: [TemplateValue] = []
        var values: [String: TemplateValue] = [
            "title": .text(site.config.albumTitle), "titleCSS": .text(SiteValues.cssString(site.config.albumTitle)),
            "section": .text("bulletins"),
        ]
        for kind in site.catalog.kinds {
            guard let field = kind.albumGrouping else { continue }
            let members = site.members(of: kind)
            var byValue: [String: [Int]] = [:]
            for index in members { byValue[site.entries[index].value(field)?.text ?? "", default: []].append(index) }
            for value in kind.field(field)?.vocabulary.map(site.config.vocabulary) ?? [] {
                guard let inSection = byValue.removeValue(forKey: value) else { continue }
                // Oldest first within a section: the album reads as the entries were founded.
                let ordered = inSection.sorted { site.entries[$0].date != site.entries[$1].date
                    ? site.entries[$0].date < site.entries[$1].date : site.entries[$0].path < site.entries[$1].path }
                let items = ordered.map { index -> TemplateValue in
                    number += 1
                    var card = context.cardWithBody(index, anchor: Self.anchor(site.entries[index]))
                    card["number"] = .number(number)
                    return .map(card.merging(context.referrerLists(of: index)))
                }
                sections.append(.map(TemplateMap([
                    "name": .text(value), "anchor": .text(field + "-" + Slug.make(from: value)), "count": .number(ordered.count),
                    TemplateKeys.list(kind): .list(items),
                ])))
            }
            values[TemplateKeys.count(kind)] = .number(members.count)
            values[TemplateKeys.has(kind)] = .flag(!members.isEmpty)
        }
        values["categories"] = .list(sections)
        return .template("album", TemplateMap(values))
    }

    /// The id of an entry's part of the album.
    static func anchor(_ entry: Entry) -> String { "\(entry.kind.id)-\(entry.slug)" }

    func printSections(_ key: PageKey, in site: LinkedSite) -> [String: String] {
        var sections: [String: String] = [:]
        for kind in site.catalog.kinds where kind.albumGrouping != nil {
            for index in site.members(of: kind) { sections[Self.anchor(site.entries[index])] = site.entries[index].path }
        }
        return sections
    }
}
