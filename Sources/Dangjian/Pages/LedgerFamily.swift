import Foundation

/// Each year's ledger (台账) as a workbook beside the statistics page (`stats/ledger-2024.xlsx`),
/// the same file `dangjian export --year 2024` writes.
struct LedgerFamily: PageFamily {
    let name = "ledger"

    func plan(_ site: LinkedSite) -> [PageKey] { LedgerTable.years(in: site).map { PageKey($0) } }
    func address(_ key: PageKey, in site: LinkedSite) -> String { Addresses.ledger(key.item) }
    func template(_ key: PageKey, in site: LinkedSite) -> String? { nil }

    func content(_ key: PageKey, _ context: PageContext) -> PageContent {
        let sheets = LedgerTable.sheets(of: key.item, in: context.site)
        let data = (try? LedgerWorkbook.data(sheets, title: Self.title(key.item, context.site), year: key.item)) ?? Data()
        return .data(data)
    }

    /// 某某局机关党委 2024 年台账
    static func title(_ year: Int, _ site: LinkedSite) -> String {
        "\(site.config.organization.isEmpty ? site.config.title : site.config.organization) \(year) 年台账"
    }
}
