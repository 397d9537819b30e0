import Foundation

/// The day (and optional time) an entry happened, as written, in the site's time zone.
public struct EntryDate: Sendable, Hashable, Comparable {
    public let year: Int
    public let month: Int
    public let day: Int
    public let hour: Int
    public let minute: Int
    public let second: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        (self.year, self.month, self.day) = (year, month, day)
        (self.hour, self.minute, self.second) = (hour, minute, second)
    }

    /// `2024-03-06`, `2024-03-06 08:30`, `2024-03-06T08:30:00` (a zone suffix is ignored:
    /// dates are read in the site's time zone). Nil when the text is not a real date.
    public init?(parsing text: String) {
        var scanner = DigitScanner(text.trimmingCharacters(in: .whitespaces))
        guard let year = scanner.number(digits: 4...4), scanner.skip("-"),
              let month = scanner.number(digits: 1...2), scanner.skip("-"),
              let day = scanner.number(digits: 1...2) else { return nil }
        var (hour, minute, second) = (0, 0, 0)
        if scanner.skip("T") || scanner.skip(" ") {
            guard let h = scanner.number(digits: 1...2), scanner.skip(":"),
                  let m = scanner.number(digits: 2...2) else { return nil }
            (hour, minute) = (h, m)
            if scanner.skip(":") {
                guard let s = scanner.number(digits: 2...2) else { return nil }
                second = s
                if scanner.skip(".") { _ = scanner.number(digits: 1...9) }
            }
        }
        guard scanner.isAtZoneSuffixOrEnd else { return nil }
        self.init(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard Self.years.contains(year), (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year),
              hour < 24, minute < 60, second < 60 else { return nil }
    }

    /// Four-digit years: year 0 would make `talks/0/…`, and no entry happened before 1000.
    public static let years = 1000...9999

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (lhs: EntryDate, rhs: EntryDate) -> Bool {
        (lhs.year, lhs.month, lhs.day, lhs.hour, lhs.minute, lhs.second)
            < (rhs.year, rhs.month, rhs.day, rhs.hour, rhs.minute, rhs.second)
    }

    /// `2024-03-06`
    public var isoDay: String { Self.padded(year, 4) + "-" + Self.padded(month, 2) + "-" + Self.padded(day, 2) }
    /// `2024-03`
    public var monthKey: String { Self.padded(year, 4) + "-" + Self.padded(month, 2) }
    /// `2024年3月6日`
    public var chineseDay: String { "\(year)年\(month)月\(day)日" }
    /// `2024年3月`
    public var chineseMonth: String { "\(year)年\(month)月" }
    /// `number` with zeros in front up to `width` digits, as `%0Nd` writes it (without going
    /// through Foundation's formatter, which is slow for the thousands of dates of a site).
    static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number.magnitude)
        let zeros = String(repeating: "0", count: max(0, width - digits.count - (number < 0 ? 1 : 0)))
        return (number < 0 ? "-" : "") + zeros + digits
    }

    /// The day only, ignoring the time.
    public var dayOnly: EntryDate { EntryDate(year: year, month: month, day: day) }

    /// The moment this date stands for in `timeZone`.
    public func instant(in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        return calendar.date(from: parts) ?? Date(timeIntervalSince1970: 0)
    }

    /// Today (or any moment) as a date in `timeZone`.
    public static func of(_ instant: Date, in timeZone: TimeZone) -> EntryDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        return EntryDate(year: c.year!, month: c.month!, day: c.day!, hour: c.hour!, minute: c.minute!, second: c.second!)
    }

    /// Monday = 1 … Sunday = 7.
    public var isoWeekday: Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let weekday = calendar.component(.weekday, from: instant(in: calendar.timeZone))
        return weekday == 1 ? 7 : weekday - 1
    }

    /// ISO 8601 week-numbering year and week (`2024`, `10`).
    public var isoWeek: (year: Int, week: Int) {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let moment = instant(in: calendar.timeZone)
        return (calendar.component(.yearForWeekOfYear, from: moment), calendar.component(.weekOfYear, from: moment))
    }
}

/// Reads the digits and separators of a date, one piece at a time.
private struct DigitScanner {
    private let characters: [Character]
    private var index = 0

    init(_ text: String) { characters = Array(text) }

    mutating func number(digits: ClosedRange<Int>) -> Int? {
        var value = 0
        var count = 0
        while index < characters.count, let digit = characters[index].wholeNumberValue,
              characters[index].isASCII, count < digits.upperBound {
            value = value * 10 + digit
            count += 1
            index += 1
        }
        return digits.contains(count) ? value : nil
    }

    mutating func skip(_ character: Character) -> Bool {
        guard index < characters.count, characters[index] == character else { return false }
        index += 1
        return true
    }

    /// Nothing left, or only `Z` / `+08:00` / `+0800` (with optional space before it).
    var isAtZoneSuffixOrEnd: Bool {
        let rest = String(characters[index...]).trimmingCharacters(in: .whitespaces)
        if rest.isEmpty || rest == "Z" { return true }
        guard let sign = rest.first, sign == "+" || sign == "-" else { return false }
        let digits = rest.dropFirst().filter { $0 != ":" }
        return digits.count == 4 && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
