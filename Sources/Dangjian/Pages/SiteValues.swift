/// Template values shared by every page (`site`): the site's identity, its years and free pages, counts.
enum SiteValues {
    static func make(_ site: LinkedSite) -> TemplateMap {
        let config = site.config
        var values: [String: TemplateValue] = [
            "title": .text(config.title),
            "organization": .text(config.organization),
            "albumTitle": .text(config.albumTitle),
            // For CSS strings (`content: "…"` in @page rules), where HTML escaping does not apply.
            "titleCSS": .text(cssString(config.title)),
            "organizationCSS": .text(cssString(config.organization)),
            "titleParts": titleParts(config.title),
            "baseURL": .text(config.baseURL ?? ""),
            "years": .list(site.years.map { year in
                .map(TemplateMap(["name": .text(year.name), "url": .text(Addresses.year(year.slug)), "count": .number(year.members.count)]))
            }),
            "hasYears": .flag(!site.years.isEmpty),
            "params": config.params?.templateValue ?? .map(TemplateMap()),
            "generator": .text("dangjian"),
            "urls": .map(PageFamilies.landingAddresses(site)),
        ]
        for kind in site.catalog.kinds {
            values[TemplateKeys.count(kind)] = .number(site.members(of: kind).count)
            if kind.appears(in: .footer) {
                values[TemplateKeys.list(kind)] = .list(site.members(of: kind).map { index in
                    .map(TemplateMap(["title": .text(site.entries[index].title), "url": .text(site.entries[index].url)]))
                })
            }
        }
        return TemplateMap(values)
    }

    /// The title's parts between its separators (`晨学三分钟 · 党建品牌展示`): a masthead breaks its
    /// line between parts, never inside one. Each part has `text` and `isLast`.
    static func titleParts(_ title: String) -> TemplateValue {
        let parts = title.split(whereSeparator: { $0 == "·" || $0 == "・" || $0 == "|" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return .list(parts.enumerated().map { number, part in
            .map(TemplateMap(["text": .text(part), "isLast": .flag(number == parts.count - 1)]))
        })
    }

    /// Text made safe inside a double-quoted CSS string in a `<style>` element.
    static func cssString(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "\"", "'", "<", ">", "&", "\n", "\r", "\u{0C}":
                result += "\\" + String(scalar.value, radix: 16, uppercase: true) + " "
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The main navigation with the current section marked.
    static func navigation(_ items: [NavigationEntry], current: String) -> TemplateValue {
        .list(items.map { .map(TemplateMap(["name": .text($0.title), "url": .text($0.url), "isCurrent": .flag($0.key == current)])) })
    }
}
