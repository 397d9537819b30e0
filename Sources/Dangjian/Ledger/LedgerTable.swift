/// A year's ledger (台账) as tables: one sheet per kind in ledgers, a row per entry of that year,
/// a column per field with its Chinese label, and a totals row. What `dangjian export` and the
/// statistics page's download write as a workbook (`LedgerWorkbook`).
public struct LedgerSheet: Sendable {
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double)
        case date(EntryDate)
        case empty
    }

    public let name: String
    public let headers: [String]
    public let rows: [[Cell]]
    /// Columns whose numbers are summed in the totals row.
    public let summed: Set<Int>
}

public enum LedgerTable {
    /// The sheets of `year` (none when the year has no entries of kinds in ledgers).
    public static func sheets(of year: Int, in site: LinkedSite) -> [LedgerSheet] {
        site.catalog.kinds.filter { $0.appears(in: .ledger) }.compactMap { kind in
            let members = site.members(of: kind).filter { site.entries[$0].date.year == year }
            guard !members.isEmpty else { return nil }
            return sheet(of: kind, entries: site.order.newestFirst(members).reversed().map { site.entries[$0] }, in: site)
        }
    }

    /// Years that have a ledger, newest first.
    public static func years(in site: LinkedSite) -> [Int] {
        let kinds = Set(site.catalog.kinds.filter { $0.appears(in: .ledger) })
        return site.years.compactMap { group in group.members.contains { kinds.contains(site.entries[$0].kind) } ? Int(group.slug) : nil }
    }

    private static func sheet(of kind: EntryKind, entries: [Entry], in site: LinkedSite) -> LedgerSheet {
        var columns: [Column] = []
        if kind.appears(in: .historyNumbers) {
            // 讲次: the talk's number in the site's history (第 2,214 讲), as on its page.
            columns.append(Column(header: kind.unit + "次") { entry in
                site.indexByPath[entry.path].flatMap { site.historyNumbers[$0] }.map { .number(Double($0)) } ?? .empty
            })
        }
        columns += [Column(header: "标题") { .text($0.title) }, Column(header: "日期") { .date($0.date.dayOnly) }]
        for field in kind.fields { columns += self.columns(of: field, in: site) }
        if kind.joins(.branch), kind.field(with: .branch) == nil {
            columns.append(Column(header: "支部") { entry in entry.branch.map { .text($0.name) } ?? .empty })
        }
        columns.append(Column(header: "标签") { $0.tags.isEmpty ? .empty : .text($0.tags.joined(separator: "、")) })
        let base = site.config.baseURL ?? ""
        columns.append(Column(header: "网址") { .text(base + $0.url) })
        let rows = entries.map { entry in columns.map { $0.cell(entry) } }
        let summed = Set(columns.indices.filter { columns[$0].isSummed })
        return LedgerSheet(name: kind.name, headers: columns.map(\.header), rows: rows, summed: summed)
    }

    private struct Column {
        let header: String
        var isSummed = false
        let cell: (Entry) -> LedgerSheet.Cell

        init(header: String, summed: Bool = false, cell: @escaping (Entry) -> LedgerSheet.Cell) {
            self.header = header
            isSummed = summed
            self.cell = cell
        }
    }

    /// A field's columns: one, or one per branch for scores.
    private static func columns(of field: FieldSpec, in site: LinkedSite) -> [Column] {
        let name = field.name
        switch field.type {
        case .branchScores:
            return site.config.branches.map { branch in
                Column(header: "\(field.label)：\(branch.name)") { entry in
                    (entry.value(name)?.scores.first { $0.branch == branch }?.score).map { .number(Double($0)) } ?? .empty
                }
            }
        case .positiveInteger, .positiveNumber:
            return [Column(header: field.label, summed: field.has(.attendance) || field.label.contains("时长")) { entry in
                switch entry.value(name) {
                case let .integer(number)?: return .number(Double(number))
                case let .number(number)?: return .number(number)
                default: return .empty
                }
            }]
        case .branch where field.has(.branch):
            // The entry's branch, also when it comes through a reference (an honour given to a brand).
            return [Column(header: field.label) { entry in entry.branch.map { .text($0.name) } ?? .empty }]
        default:
            return [Column(header: field.label) { entry in text(of: entry.value(name), field: field, entry: entry, site: site) }]
        }
    }

    private static func text(of value: FieldValue?, field: FieldSpec, entry: Entry, site: LinkedSite) -> LedgerSheet.Cell {
        switch value {
        case let .text(text)?: return .text(text)
        case let .texts(texts)?: return texts.isEmpty ? .empty : .text(texts.joined(separator: "、"))
        case let .branch(branch)?: return .text(branch.name)
        case let .flag(flag)?: return .text(flag ? "是" : "否")
        case let .asset(path)?: return .text(path)
        case .reference?: return entry.references[field.name].flatMap(site.entry(atPath:)).map { .text($0.title) } ?? .empty
        default: return .empty
        }
    }
}
