import Foundation

/// An entry's card: the common values, then each field of its kind as its type says, then counts of
/// the entries that name it. A card is a closed map: a template reading a key the entry lacks finds
/// nothing, never another entry's value.
struct CardMaker: Sendable {
    let site: LinkedSite
    private let seriesURLs: [String: String]
    private let peopleURLs: [String: String]

    init(_ site: LinkedSite) {
        self.site = site
        seriesURLs = Dictionary(site.series.map { ($0.name, Addresses.series($0.slug)) }, uniquingKeysWith: { first, _ in first })
        peopleURLs = Dictionary(site.people.map { (PeopleNames.key($0.name), Addresses.speaker($0.slug)) },
                                uniquingKeysWith: { first, _ in first })
    }

    /// `room`: values the caller adds (the card's fragments), made room for now, so adding them
    /// does not double every card's storage.
    func card(_ index: Int, room: Int = 0) -> TemplateMap {
        let entry = site.entries[index]
        let made = site.bodies[index].summaries
        let summaries = entry.summary.map { [$0, Summary.make(from: $0, length: Summary.cardLength)] } ?? [made.long, made.short]
        var card: [String: TemplateValue] = [
            "title": .text(entry.title), "url": .text(entry.url), "kind": .text(entry.kind.id), "kindName": .text(entry.kind.name),
            "date": .text(entry.date.isoDay), "dateText": .text(entry.date.chineseDay),
            "summary": .text(summaries[0]), "shortSummary": .text(summaries[1]),
            "tags": .list(entry.tags.map { tag in
                .map(TemplateMap(["name": .text(tag), "url": .text(site.tagSlug(tag).map { Addresses.tag($0) } ?? "")]))
            }),
            "hasTags": .flag(!entry.tags.isEmpty),
        ]
        for kind in site.catalog.kinds { card[TemplateKeys.isKind(kind)] = .flag(kind == entry.kind) }
        if let cover = entry.cover {
            card["cover"] = .text(AssetPlacement.beside(entry, source: cover).destination)
            if let picture = site.pictures[cover] { card["coverPicture"] = .map(PictureValues.map(picture)) }
        }
        if let branch = entry.inheritedBranch { card["branch"] = .map(Self.branch(branch)) }
        if let number = site.historyNumbers[index] {
            card["sequenceNumber"] = .number(number)
            card["sequenceText"] = .text("第 \(Self.grouped(number)) \(entry.kind.unit)")
        }
        if let period = entry.periodTitle { card["periodText"] = .text(period) }
        for (field, value) in zip(entry.kind.fields, entry.values) { add(field, value, of: entry, to: &card) }
        for (kind, _) in site.catalog.referrers(of: entry.kind) {
            let count = site.referrers(of: index, kind: kind).count
            card[TemplateKeys.count(kind)] = .number(count)
            card[TemplateKeys.has(kind)] = .flag(count > 0)
        }
        if !entry.extraFields.isEmpty {
            var extra = TemplateMap()
            for field in entry.extraFields { extra[field.key] = field.value.templateValue }
            card["extra"] = .map(extra)
        }
        card.reserveCapacity(card.count + room)
        return .closed(card)
    }

    private func add(_ field: FieldSpec, _ value: FieldValue?, of entry: Entry, to card: inout [String: TemplateValue]) {
        let name = field.name
        switch field.type {
        case .texts:
            let items = value?.texts ?? []
            card[name] = .texts(items)
            card[TemplateKeys.has(field)] = .flag(!items.isEmpty)
            if !items.isEmpty { card[TemplateKeys.text(field)] = .text(items.joined(separator: "、")) }
            if field.has(.person) {
                card[TemplateKeys.links(field)] = .list(items.map { name in
                    .map(TemplateMap(["name": .text(name), "url": .text(peopleURLs[PeopleNames.key(name)] ?? "")]))
                })
            }
        case .positiveInteger:
            guard let number = value?.integer else { return }
            card[name] = .number(number)
            if let text = field.numberText(number) { card[TemplateKeys.text(field)] = .text(text) }
        case .positiveNumber:
            if case let .number(number)? = value { card[name] = .text(Self.format(number)) }
        case .flag:
            if case let .flag(flag)? = value { card[name] = .flag(flag) }
        case .choice:
            guard let text = value?.text else { return }
            card[name] = field.has(.series)
                ? .map(TemplateMap(["name": .text(text), "url": .text(seriesURLs[text] ?? "")])) : .text(text)
            if entry.kind.index == .field(name) { card[TemplateKeys.url(field)] = .text(Addresses.indexGroup(entry.kind, value: text)) }
        case .branch:
            if let branch = value?.branch { card[name] = .map(Self.branch(branch)) }
        case .reference:
            guard let path = entry.references[name], let target = site.entry(atPath: path) else { return }
            card[name] = .map(TemplateMap(["title": .text(target.title), "url": .text(target.url), "slug": .text(target.slug)]))
        case .text:
            guard let text = value?.text else { return }
            card[name] = .text(text)
            if field.has(.person) { card[TemplateKeys.url(field)] = .text(peopleURLs[PeopleNames.key(text)] ?? "") }
        case .asset:
            guard case let .asset(path)? = value else { return }
            let placed = AssetPlacement.beside(entry, source: path)
            card[name] = .text(placed.destination)
            if field.has(.video) { addVideo(path, placed: placed, to: &card) }
        case let .branchScores(maximum):
            card[name] = .list((value?.scores ?? []).map { score in
                .map(TemplateMap(["branch": .map(Self.branch(score.branch)), "score": .number(score.score),
                                  "stars": .text(Self.stars(score.score, of: maximum))]))
            })
        }
    }

    /// A lesson's video: its address percent-encoded (`videoSrc`), type, poster, size and duration (12分30秒).
    private func addVideo(_ source: String, placed: AssetPlacement, to card: inout [String: TemplateValue]) {
        guard case let .success(video)? = site.videos?.check(source) else { return }
        card["videoSrc"] = .text(VideoPlayer.percentEncoded(placed.destination))
        card["videoType"] = .text(video.format.mediaType)
        if video.poster != nil { card["videoPoster"] = .text(VideoPlayer.percentEncoded(VideoPlayer.posterPlacement(for: placed).destination)) }
        if let width = video.info?.width, let height = video.info?.height {
            card["videoWidth"] = .number(width)
            card["videoHeight"] = .number(height)
        }
        if let text = video.info?.durationText { card["durationText"] = .text(text) }
        if let iso = video.info?.isoDuration { card["durationISO"] = .text(iso) }
    }

    /// ★★★★☆ for 4 of 5.
    static func stars(_ score: Int, of maximum: Int) -> String {
        String(repeating: "★", count: max(0, min(score, maximum))) + String(repeating: "☆", count: max(0, maximum - score))
    }

    /// 2,214: thousands grouped with commas.
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return number < 0 ? "-" + result : result
    }

    static func branch(_ branch: Branch) -> TemplateMap {
        TemplateMap(["id": .text(branch.id), "name": .text(branch.name), "url": .text(Addresses.branch(branch.id))])
    }

    /// `3`, `2.5`: whole numbers without a decimal point.
    static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? "\(Int(number))" : "\(number)"
    }
}
