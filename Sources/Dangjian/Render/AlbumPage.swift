/// The brand album (画册): one printable A4 book of every brand, grouped by category in the order of site.yml.
extension PageRenderer {
    func albumPage() -> (path: String, template: String, page: [String: Any]) {
        let path = "album/index.html"
        var byCategory: [String: [Int]] = [:]
        for index in site.brands {
            if case let .brand(brand) = site.entries[index].details { byCategory[brand.category, default: []].append(index) }
        }
        var number = 0
        let categories = site.config.brandCategories.compactMap { category -> [String: Any]? in
            guard let members = byCategory[category] else { return nil }
            // Oldest first within a category: the album reads as the brands were founded.
            let brands = members.sorted { site.entries[$0].date != site.entries[$1].date
                ? site.entries[$0].date < site.entries[$1].date : site.entries[$0].path < site.entries[$1].path }
            return [
                "name": category, "anchor": "category-" + Slug.make(from: category), "count": brands.count,
                "brands": brands.map { index -> [String: Any] in
                    number += 1
                    var card = cards[index]
                    card["body"] = site.bodies[index].markedHTML
                    card["anchor"] = "brand-\(site.entries[index].slug)"
                    card["number"] = number
                    return card
                },
            ]
        }
        let values: [String: Any] = [
            "title": site.config.albumTitle, "titleCSS": SiteValues.cssString(site.config.albumTitle),
            "section": "bulletins", "categories": categories,
            "brandCount": site.brands.count, "hasBrands": !site.brands.isEmpty,
        ]
        return (path, "album", values)
    }
}
