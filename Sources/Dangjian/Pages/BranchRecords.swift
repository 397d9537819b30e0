/// What other entries record about a branch beyond listing it: its scores in ratings (its stars,
/// now and over time) and the entries that name it in a branch field of their own (the 流动红旗 it held).
enum BranchRecords {
    static func values(of branch: Branch, in site: LinkedSite) -> [String: TemplateValue] {
        var values: [String: TemplateValue] = [:]
        for kind in site.catalog.kinds {
            let members = site.members(of: kind)
            for field in kind.fields {
                switch field.type {
                case let .branchScores(maximum):
                    let history = members.compactMap { index -> TemplateValue? in
                        let entry = site.entries[index]
                        guard let score = entry.value(field.name)?.scores.first(where: { $0.branch == branch }) else { return nil }
                        return .map(TemplateMap(["title": .text(entry.title), "url": .text(entry.url),
                                                 "periodText": .text(entry.periodTitle ?? entry.title),
                                                 "score": .number(score.score), "stars": .text(CardMaker.stars(score.score, of: maximum))]))
                    }
                    values[TemplateKeys.camel(field.name)] = history.first ?? .absent
                    values[TemplateKeys.history(field)] = .list(history)
                    values["has" + TemplateKeys.capitalized(TemplateKeys.history(field))] = .flag(!history.isEmpty)
                case .branch where !field.has(.branch):
                    let held = members.filter { site.entries[$0].value(field.name)?.branch == branch }.map { index in
                        let entry = site.entries[index]
                        return TemplateValue.map(TemplateMap(["title": .text(entry.title), "url": .text(entry.url),
                                                              "periodText": .text(entry.periodTitle ?? entry.title)]))
                    }
                    values[TemplateKeys.held(field)] = .list(held)
                    values["has" + TemplateKeys.capitalized(TemplateKeys.held(field))] = .flag(!held.isEmpty)
                default:
                    continue
                }
            }
        }
        return values
    }
}
