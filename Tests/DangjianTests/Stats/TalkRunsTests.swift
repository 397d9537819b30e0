@testable import Dangjian
import Foundation
import Testing

@Suite("Stats: runs of daily talks (坚持天数)")
struct TalkRunsTests {
    func days(_ texts: [String]) -> [Int] { texts.map { EntryDate(parsing: $0)!.dayNumber }.sorted() }

    /// 2026-09-28 (Mon) … 30, the National Day week off, 10-08 (Thu), 09 (Fri), 12 (Mon); 10-13 missed; 10-14.
    let autumn = ["2026-09-28", "2026-09-29", "2026-09-30", "2026-10-08", "2026-10-09", "2026-10-12", "2026-10-14"]
    var nationalDay: SiteConfig {
        var config = SiteConfig()
        config.holidays = Set((1...7).map { EntryDate(year: 2026, month: 10, day: $0) })
        return config
    }

    @Test("weekends and holidays do not break a run; a missed working day does")
    func holidays() {
        let runs = TalkRuns(days: days(autumn), config: nationalDay, today: EntryDate(year: 2026, month: 10, day: 14))
        #expect(runs.longest == 6)
        #expect(runs.longestFrom == EntryDate(year: 2026, month: 9, day: 28))
        #expect(runs.longestTo == EntryDate(year: 2026, month: 10, day: 12))
        #expect(runs.current == 1)
        // Without the holidays, 10-01 is a working day without a talk.
        let plain = TalkRuns(days: days(autumn), config: SiteConfig(), today: EntryDate(year: 2026, month: 10, day: 14))
        #expect(plain.longest == 3)
    }

    @Test("the current run waits for today's talk, and ends once a working day is missed")
    func current() {
        let week = days(["2026-11-18", "2026-11-19", "2026-11-20"])
        #expect(TalkRuns(days: week, config: SiteConfig(), today: EntryDate(year: 2026, month: 11, day: 23)).current == 3)
        #expect(TalkRuns(days: week, config: SiteConfig(), today: EntryDate(year: 2026, month: 11, day: 24)).current == 0)
        #expect(TalkRuns(days: [], config: SiteConfig(), today: EntryDate(year: 2026, month: 11, day: 24)) .longest == 0)
    }

    @Test("day numbers and weekdays agree with the calendar")
    func dayNumbers() {
        #expect(EntryDate(year: 1970, month: 1, day: 1).dayNumber == 0)
        #expect(EntryDate(year: 2026, month: 11, day: 23).weekday == 1)
        for day in stride(from: -1000, through: 30_000, by: 37) {
            let date = EntryDate(dayNumber: day)
            #expect(date.dayNumber == day)
            #expect(date.weekday == date.isoWeekday)
        }
    }
}
