/// Printable pages: period bulletins (简报), salon bulletins and exhibition boards (展板), with their indexes.
extension PageRenderer {
    func bulletinPage(_ index: Int) -> (path: String, template: String, page: [String: Any]) {
        let issue = site.bulletins[index]
        let path = "bulletins/\(issue.key)/index.html"
        let withBodies = { (indexes: [Int]) in indexes.map { i -> [String: Any] in
            var card = cards[i]
            card["body"] = HeadingAnchors.prefixed(site.bodies[i].markedHTML, with: "entry-\(i)")
            card["anchor"] = "entry-\(i)"
            return card
        } }
        let values: [String: Any] = [
            "title": "\(site.config.title)简报 第\(issue.number)期", "section": "bulletins",
            "number": issue.number, "numberText": "第\(issue.number)期", "period": issue.title,
            "talks": withBodies(issue.talks), "salons": withBodies(issue.salons),
            "hasTalks": !issue.talks.isEmpty, "hasSalons": !issue.salons.isEmpty,
            "talkCount": issue.talks.count, "salonCount": issue.salons.count, "isPeriod": true,
        ].merging(qrValues(for: path, title: "\(issue.title)简报"), uniquingKeysWith: { a, _ in a })
        return (path, "bulletin", values)
    }

    func salonBulletinPage(_ index: Int) -> (path: String, template: String, page: [String: Any]) {
        let entry = site.entries[index]
        guard case let .salon(salon) = entry.details else { return ("", "bulletin", [:]) }
        let path = "bulletins/salon-\(PageAddresses.threeDigits(salon.issue))/index.html"
        var card = cards[index]
        card["body"] = site.bodies[index].markedHTML
        card["anchor"] = "entry-\(index)"
        let values: [String: Any] = [
            "title": "先锋沙龙简报 第\(salon.issue)期", "section": "bulletins", "number": salon.issue,
            "numberText": "第\(salon.issue)期", "period": entry.title, "salon": card, "isSalon": true,
        ].merging(qrValues(for: entry.url, title: entry.title), uniquingKeysWith: { a, _ in a })
        return (path, "bulletin", values)
    }

    func bulletinsIndex() -> (path: String, template: String, page: [String: Any]) {
        let periods = site.bulletins.reversed().map { issue -> [String: Any] in
            ["title": issue.title, "numberText": "第\(issue.number)期", "url": "bulletins/\(issue.key)/index.html",
             "talkCount": issue.talks.count, "salonCount": issue.salons.count]
        }
        let salons = site.salons.map { index -> [String: Any] in
            var card = cards[index]
            if case let .salon(salon) = site.entries[index].details {
                card["bulletinURL"] = "bulletins/salon-\(PageAddresses.threeDigits(salon.issue))/index.html"
            }
            return card
        }
        let boards = boardCards()
        let values: [String: Any] = ["title": "简报与展板", "section": "bulletins", "periods": periods,
                                     "salons": salons, "boards": boards]
        return ("bulletins/index.html", "bulletins", values)
    }

    func boardPage(_ index: Int) -> (path: String, template: String, page: [String: Any]) {
        let entry = site.entries[index]
        var card = cards[index]
        card["body"] = site.bodies[index].markedHTML
        let board = site.config.board
        let values: [String: Any] = [
            "title": "展板：\(entry.title)", "section": "bulletins", "brand": card,
            "widthMM": format(board.widthMM), "heightMM": format(board.heightMM), "bleedMM": format(board.bleedMM),
            "pageWidthMM": format(board.widthMM + 2 * board.bleedMM), "pageHeightMM": format(board.heightMM + 2 * board.bleedMM),
            "cropMarks": board.cropMarks,
        ].merging(qrValues(for: entry.url, title: entry.title), uniquingKeysWith: { a, _ in a })
        return ("boards/\(entry.slug)/index.html", "board", values)
    }

    func boardsIndex() -> (path: String, template: String, page: [String: Any]) {
        let boards = boardCards()
        return ("boards/index.html", "boards", ["title": "展板", "section": "bulletins", "boards": boards])
    }

    /// Every brand's card with the address of its board.
    private func boardCards() -> [[String: Any]] {
        site.brands.map { index -> [String: Any] in
            var card = cards[index]
            card["boardURL"] = "boards/\(site.entries[index].slug)/index.html"
            return card
        }
    }

    /// A QR code of the page's intranet address, when site.yml gives `base_url`.
    func qrValues(for sitePath: String, title: String) -> [String: Any] {
        guard let base = site.config.baseURL else { return ["qrSVG": EntryCards.nothing, "qrURL": EntryCards.nothing] }
        let address = base + sitePath
        guard let svg = QRCode.svg(for: address, title: "\(title)：\(address)") else { return [:] }
        return ["qrSVG": svg, "qrURL": address]
    }

    private func format(_ number: Double) -> String {
        number == number.rounded() ? "\(Int(number))" : String(number)
    }
}
