/// Entry pages: a brand, a salon, a talk or a free page, with its neighbours, related entries and backlinks.
extension PageRenderer {
    func entryPage(_ index: Int) -> (path: String, template: String, page: [String: Any]) {
        let entry = site.entries[index]
        var page = cards[index]
        page["section"] = entry.kind.rawValue + "s"
        page["body"] = site.bodies[index].markedHTML
        let counts = TextStatistics(site.bodies[index].plainText)
        page["characterCount"] = counts.characters
        page["readingMinutes"] = counts.readingMinutes
        let toc = TableOfContents.values(site.bodies[index].headings)
        page["toc"] = toc ?? []
        page["hasToc"] = toc != nil
        if let previous = site.previous[index] { page["previous"] = cards[previous] }
        if let next = site.next[index] { page["next"] = cards[next] }
        page["related"] = cards.list(site.related[index])
        page["hasRelated"] = !site.related[index].isEmpty
        page["backlinks"] = cards.list(site.backlinks[index])
        page["hasBacklinks"] = !site.backlinks[index].isEmpty
        switch entry.details {
        case .brand: page["boardURL"] = "boards/\(entry.slug)/index.html"
        case let .salon(salon): page["bulletinURL"] = "bulletins/salon-\(PageAddresses.threeDigits(salon.issue))/index.html"
        default: break
        }
        return (entry.url, entry.kind.rawValue, page)
    }
}

/// Characters and reading time of a text: each Han character counts one, and so does each
/// Latin word or number; about 300 of them a minute.
struct TextStatistics {
    let characters: Int
    var readingMinutes: Int { max(1, Int((Double(characters) / 300).rounded(.up))) }

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
