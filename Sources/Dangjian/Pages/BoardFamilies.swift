/// Exhibition boards (展板): one per entry of kinds with boards (brands), at site.yml's board size,
/// naming the entries that refer to it (the brand's cases) with a QR code to them; and their index.
struct BoardFamily: PageFamily {
    let name = "board"
    let topFolder: String? = "boards"
    let printing: PrintKind? = .board
    let summary: SummaryLabel? = SummaryLabel(label: "展板", unit: "块")

    func plan(_ site: LinkedSite) -> [PageKey] {
        site.catalog.kinds.filter { $0.appears(in: .board) }.flatMap { site.members(of: $0) }.map { PageKey($0) }
    }

    func address(_ key: PageKey, in site: LinkedSite) -> String { Addresses.board(site.entries[key.item].slug) }
    func template(_ key: PageKey, in site: LinkedSite) -> String? { "board" }
    func sourceFile(_ key: PageKey, in site: LinkedSite) -> String? { site.entries[key.item].path }

    /// The kind's text fields the board prints, then the kinds whose entries it names.
    func shortenableParts(_ key: PageKey, in site: LinkedSite) -> [String] {
        let kind = site.entries[key.item].kind
        let fields = kind.fields.filter { field in
            guard field.search == .text else { return false }
            if case .text = field.type { return true }
            if case .texts = field.type { return true }
            return false
        }
        return fields.map(\.label) + site.catalog.referrers(of: kind).map(\.0.name)
    }

    func content(_ key: PageKey, _ context: PageContext) -> PageContent {
        let entry = context.site.entries[key.item]
        let board = context.config.board
        let subject = context.cardWithBody(key.item).merging(context.referrerLists(of: key.item))
        var values: [String: TemplateValue] = [
            "title": .text("展板：\(entry.title)"), "section": .text("bulletins"), entry.kind.id: .map(subject),
            "widthMM": .text(format(board.widthMM)), "heightMM": .text(format(board.heightMM)), "bleedMM": .text(format(board.bleedMM)),
            "pageWidthMM": .text(format(board.widthMM + 2 * board.bleedMM)),
            "pageHeightMM": .text(format(board.heightMM + 2 * board.bleedMM)),
            "cropMarks": .flag(board.cropMarks),
            "scale": .text(format(Self.scale(board))), "isLandscape": .flag(board.widthMM > board.heightMM),
            // The summary the writer gave; otherwise the body's own opening serves as one.
            "lead": .text(entry.summary), "address": .text(entry.url),
        ]
        values.merge(context.qrValues(for: entry.url, title: entry.title), uniquingKeysWith: { old, _ in old })
        for (kind, _) in context.catalog.referrers(of: entry.kind) where !context.site.referrers(of: key.item, kind: kind).isEmpty {
            let list = TemplateKeys.list(kind)
            values.merge(context.qrValues(for: entry.url + "#" + list, title: "\(entry.title) · \(kind.name)", prefix: list + "QR"),
                         uniquingKeysWith: { old, _ in old })
        }
        return .template("board", TemplateMap(values))
    }

    func printedPictures(_ key: PageKey, in site: LinkedSite) -> [PrintedPicture] {
        let entry = site.entries[key.item]
        guard let cover = entry.cover else { return [] }
        return [PrintedPicture(sitePath: AssetPlacement.beside(entry, source: cover).destination,
                               namedAt: entry.fieldLocations["cover"] ?? SourceLocation(file: entry.path))]
    }

    /// How the board's type and spacing scale against the 900 × 1200 mm board the theme is drawn for
    /// (1200 × 900 mm when the board is wider than high), to two decimals.
    static func scale(_ board: BoardSize) -> Double {
        let (width, height) = board.widthMM > board.heightMM ? (1200.0, 900.0) : (900.0, 1200.0)
        return (min(board.widthMM / width, board.heightMM / height) * 100).rounded() / 100
    }

    private func format(_ number: Double) -> String { CardMaker.format(number) }
}

struct BoardsIndexFamily: SinglePageFamily {
    let name = "boards-index"

    let fixedAddress = Addresses.boardsIndex
    let templateName = "boards"

    func content(_ key: PageKey, _ context: PageContext) -> PageContent {
        let board = context.config.board
        return .template("boards", TemplateMap(["title": .text("展板"), "section": .text("bulletins"), "boards": Self.boardCards(context),
                                                "widthMM": .text(CardMaker.format(board.widthMM)),
                                                "heightMM": .text(CardMaker.format(board.heightMM))]))
    }

    /// Every card of an entry with a board, with the board's address.
    static func boardCards(_ context: PageContext) -> TemplateValue {
        let site = context.site
        return .list(site.catalog.kinds.filter { $0.appears(in: .board) }.flatMap { site.members(of: $0) }.map { index in
            var card = context.cards[index]
            card["boardURL"] = .text(Addresses.board(site.entries[index].slug))
            return .map(card)
        })
    }
}
