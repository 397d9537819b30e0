/// One page per entry, rendered with its kind's template (`talk.mustache` …): its card's values, its
/// body, neighbours, related entries, backlinks, and the entries that name it (a brand's cases).
struct EntryFamily: PageFamily {
    static let name = "entry"
    var name: String { Self.name }

    func plan(_ site: LinkedSite) -> [PageKey] { site.entries.indices.map { PageKey($0) } }
    func address(_ key: PageKey, in site: LinkedSite) -> String { site.entries[key.item].url }
    func template(_ key: PageKey, in site: LinkedSite) -> String? { site.entries[key.item].kind.id }

    func content(_ key: PageKey, _ context: PageContext) -> PageContent {
        let (site, cards, index) = (context.site, context.cards, key.item)
        let entry = site.entries[index]
        let body = site.bodies[index]
        var page = cards[index]
        page["section"] = .text(entry.kind.folder)
        page["body"] = .text(PictureHTML.withWebVersions(body.markedHTML, entry: entry, body: body, pictures: site.pictures))
        page["gallery"] = PictureValues.gallery(entry, pictures: site.pictures, all: false)
        page["characterCount"] = .number(body.characterCount)
        page["readingMinutes"] = .number(TextStatistics.readingMinutes(body.characterCount))
        let toc = TableOfContents.values(body.headings)
        page["toc"] = toc ?? .list([])
        page["hasToc"] = .flag(toc != nil)
        if let previous = site.previous[index] { page["previous"] = .map(cards[previous]) }
        if let next = site.next[index] { page["next"] = .map(cards[next]) }
        page["related"] = cards.list(site.related[index])
        page["hasRelated"] = .flag(!site.related[index].isEmpty)
        page["backlinks"] = cards.list(site.backlinks[index])
        page["hasBacklinks"] = .flag(!site.backlinks[index].isEmpty)
        if entry.kind.appears(in: .board) { page["boardURL"] = .text(Addresses.board(entry.slug)) }
        if entry.kind.appears(in: .ownBulletin), let number = entry.number {
            page["bulletinURL"] = .text(Addresses.entryBulletin(entry.kind, number: number))
        }
        return .template(entry.kind.id, page.merging(context.referrerLists(of: index)))
    }
}

/// Characters and reading time of a text: each Han character counts one, and so does each
/// Latin word or number; about 300 of them a minute.
struct TextStatistics {
    let characters: Int
    var readingMinutes: Int { Self.readingMinutes(characters) }

    static func readingMinutes(_ characters: Int) -> Int { max(1, Int((Double(characters) / 300).rounded(.up))) }

    init(_ text: String) {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            if CJKCharacters.isHan(scalar) {
                count += 1
                inWord = false
            } else if scalar.properties.isAlphabetic || scalar.properties.generalCategory == .decimalNumber {
                if !inWord { count += 1 }
                inWord = true
            } else {
                inWord = false
            }
        }
        characters = count
    }
}
