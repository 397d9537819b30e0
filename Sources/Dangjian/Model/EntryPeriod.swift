/// A period of the calendar an entry stands for (a quarter's star rating): its key, used in
/// addresses (`2024-q1`), and its title (`2024年第一季度`).
public enum EntryPeriod: String, Sendable, Hashable, CaseIterable {
    case month
    case quarter
    case year

    public func key(of date: EntryDate) -> String {
        switch self {
        case .month: return date.monthKey
        case .quarter: return "\(date.year)-q\((date.month - 1) / 3 + 1)"
        case .year: return "\(date.year)"
        }
    }

    public func title(of date: EntryDate) -> String {
        switch self {
        case .month: return date.chineseMonth
        case .quarter: return "\(date.year)年第\(["一", "二", "三", "四"][(date.month - 1) / 3])季度"
        case .year: return "\(date.year)年"
        }
    }

    /// 每月, 每季度, 每年: for messages.
    var chineseName: String {
        switch self {
        case .month: return "月"
        case .quarter: return "季度"
        case .year: return "年"
        }
    }
}
