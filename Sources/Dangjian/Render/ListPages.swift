/// Index pages: per kind, per tag, series and year, per branch, and the lists of tags, series and branches.
extension PageRenderer {
    var pageSize: Int { site.config.pageSize }

    func kindIndex(_ kind: EntryKind, page: Int) -> (path: String, template: String, page: [String: Any]) {
        let members = kind == .brand ? site.brands : kind == .salon ? site.salons : site.talks
        let base = "\(kind.rawValue)s/"
        let pagination = Pagination(base: base, page: page, count: members.count, size: pageSize)
        let shown = Array(pagination.slice(kind == .brand ? brandsByCategory() : members))
        var values: [String: Any] = [
            "title": kind.chineseName, "section": "\(kind.rawValue)s", "count": members.count,
            "pagination": pagination.context, "entries": cards.list(shown),
        ]
        values["groups"] = groups(of: shown, kind: kind)
        let template = kind == .brand ? "brands" : kind == .salon ? "salons" : "talks"
        return (pagination.url, template, values)
    }

    /// Brands in the order of site.yml's categories, newest first within each.
    private func brandsByCategory() -> [Int] {
        let order = Dictionary(uniqueKeysWithValues: site.config.brandCategories.enumerated().map { ($1, $0) })
        return site.brands.enumerated().sorted { a, b in
            let (x, y) = (category(of: a.element), category(of: b.element))
            return x != y ? (order[x] ?? .max) < (order[y] ?? .max) : a.offset < b.offset
        }.map(\.element)
    }

    private func category(of index: Int) -> String {
        if case let .brand(brand) = site.entries[index].details { return brand.category }
        return ""
    }

    /// Consecutive runs of the shown entries under one heading: a category for brands, a month for the rest.
    private func groups(of shown: [Int], kind: EntryKind) -> [[String: Any]] {
        var result: [[String: Any]] = []
        var currentName: String?
        var current: [Int] = []
        func flush() {
            guard let name = currentName else { return }
            result.append(["name": name, "anchor": Slug.make(from: name), "entries": cards.list(current)])
        }
        for index in shown {
            let name = kind == .brand ? category(of: index) : site.entries[index].date.chineseMonth
            if name != currentName { flush(); currentName = name; current = [] }
            current.append(index)
        }
        flush()
        return result
    }

    func groupPage(_ group: EntryGroup, base: String, heading: String, section: String,
                   page: Int) -> (path: String, template: String, page: [String: Any]) {
        let pagination = Pagination(base: base, page: page, count: group.members.count, size: pageSize)
        let shown = Array(pagination.slice(group.members))
        let values: [String: Any] = [
            "title": heading, "name": group.name, "section": section, "count": group.members.count,
            "pagination": pagination.context, "entries": cards.list(shown),
            "groups": groups(of: shown, kind: .talk),
        ]
        return (pagination.url, "list", values)
    }

    func branchPage(_ index: Int, page: Int) -> (path: String, template: String, page: [String: Any]) {
        let group = site.branches[index]
        let base = "branches/\(group.branch.id)/"
        let pagination = Pagination(base: base, page: page, count: group.talks.count, size: pageSize)
        var values: [String: Any] = [
            "title": group.branch.name, "section": "branches", "branch": EntryCards.branchValue(group.branch),
            "brands": cards.list(group.brands), "salons": cards.list(group.salons),
            "talks": cards.list(pagination.slice(group.talks)), "talkCount": group.talks.count,
            "hasBrands": !group.brands.isEmpty, "hasSalons": !group.salons.isEmpty, "hasTalks": !group.talks.isEmpty,
            "pagination": pagination.context, "isFirstPage": page == 1,
        ]
        values["salonCount"] = group.salons.count
        return (pagination.url, "branch", values)
    }

    func branchesIndex() -> (path: String, template: String, page: [String: Any]) {
        let terms = site.branches.map { group -> [String: Any] in
            ["name": group.branch.name, "url": "branches/\(group.branch.id)/index.html",
             "count": group.brands.count + group.salons.count + group.talks.count,
             "brandCount": group.brands.count, "salonCount": group.salons.count, "talkCount": group.talks.count]
        }
        return ("branches/index.html", "terms", ["title": "支部", "section": "branches", "terms": terms, "isBranches": true])
    }

    func termsPage(tagsIndex: Bool) -> (path: String, template: String, page: [String: Any]) {
        if tagsIndex {
            let terms = TagCloud.terms(site.tags, sortedByCount: true)
            return ("tags/index.html", "terms", ["title": "标签", "section": "tags", "terms": terms, "isTags": true])
        }
        let terms = site.series.map { group -> [String: Any] in
            var term: [String: Any] = ["name": group.name, "count": group.members.count]
            if !group.members.isEmpty { term["url"] = "series/\(group.slug)/index.html" }
            return term
        }
        return ("series/index.html", "terms", ["title": "晨学系列", "section": "talks", "terms": terms, "isSeries": true])
    }
}

/// Tags with their entry counts and a weight from 1 to 5 for the cloud's type size.
enum TagCloud {
    static func terms(_ tags: [EntryGroup], sortedByCount: Bool) -> [[String: Any]] {
        let maxCount = tags.map(\.members.count).max() ?? 1
        let ordered = sortedByCount
            ? tags.sorted { $0.members.count != $1.members.count ? $0.members.count > $1.members.count : $0.slug < $1.slug }
            : tags
        return ordered.map { tag in
            let share = Double(tag.members.count) / Double(max(1, maxCount))
            let weight = 1 + Int((share * 4).rounded())
            return ["name": tag.name, "url": "tags/\(tag.slug)/index.html", "count": tag.members.count, "weight": weight]
        }
    }
}
