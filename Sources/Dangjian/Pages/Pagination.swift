/// Page numbers and addresses of a paginated list: page 1 at `<folder>index.html`, then `<folder>page/N/index.html`.
struct Pagination {
    let folder: String
    let page: Int
    let pageCount: Int
    let size: Int

    static func pageNumbers(count: Int, size: Int) -> ClosedRange<Int> {
        1...max(1, (count + size - 1) / size)
    }

    /// The keys of a list of `count` items, item `item`, `size` to a page.
    static func keys(item: Int, count: Int, size: Int) -> [PageKey] {
        pageNumbers(count: count, size: size).map { PageKey(item, page: $0) }
    }

    init(folder: String, page: Int, count: Int, size: Int) {
        self.folder = folder
        self.page = page
        self.size = size
        pageCount = Self.pageNumbers(count: count, size: size).upperBound
    }

    var url: String { Addresses.paginated(folder, page: page) }

    func slice<T>(_ items: [T]) -> ArraySlice<T> {
        let start = min(items.count, (page - 1) * size)
        return items[start..<min(items.count, start + size)]
    }

    /// The first, the last and three on either side of the current page; nil marks a gap (…).
    var shownNumbers: [Int?] {
        var numbers: [Int?] = []
        for number in 1...pageCount where number == 1 || number == pageCount || abs(number - page) <= 3 {
            if let last = numbers.last ?? nil, number > last + 1 { numbers.append(nil) }
            numbers.append(number)
        }
        return numbers
    }

    var values: TemplateValue {
        var value = TemplateMap(["current": .number(page), "total": .number(pageCount), "isPaginated": .flag(pageCount > 1)])
        if page > 1 { value["previousURL"] = .text(Addresses.paginated(folder, page: page - 1)) }
        if page < pageCount { value["nextURL"] = .text(Addresses.paginated(folder, page: page + 1)) }
        value["pages"] = .list(shownNumbers.map { number -> TemplateValue in
            guard let number else { return .map(TemplateMap(["isGap": .flag(true)])) }
            return .map(TemplateMap(["number": .number(number), "url": .text(Addresses.paginated(folder, page: number)),
                                     "isCurrent": .flag(number == page)]))
        })
        return .map(value)
    }
}
