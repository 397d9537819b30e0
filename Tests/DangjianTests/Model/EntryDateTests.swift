@testable import Dangjian
import Foundation
import Testing

@Suite("Model: dates")
struct EntryDateTests {
    @Test("the forms people write are read", arguments: [
        ("2024-03-06", EntryDate(year: 2024, month: 3, day: 6)),
        ("2024-3-6", EntryDate(year: 2024, month: 3, day: 6)),
        ("2024-03-06 08:30", EntryDate(year: 2024, month: 3, day: 6, hour: 8, minute: 30)),
        ("2024-03-06T08:30:15+08:00", EntryDate(year: 2024, month: 3, day: 6, hour: 8, minute: 30, second: 15)),
        ("2024-02-29", EntryDate(year: 2024, month: 2, day: 29)),
    ])
    func valid(text: String, expected: EntryDate) {
        #expect(EntryDate(parsing: text) == expected)
    }

    @Test("impossible or malformed dates are refused", arguments: ["2023-02-29", "2024-13-01", "2024-04-31", "24-03-06",
                                                                   "2024/03/06", "三月六日", "2024-03-06 25:00", ""])
    func invalid(text: String) {
        #expect(EntryDate(parsing: text) == nil)
    }

    @Test("weeks and weekdays follow ISO 8601")
    func weeks() throws {
        let date = try #require(EntryDate(parsing: "2026-01-01"))
        #expect(date.isoWeekday == 4)
        #expect(date.isoWeek.year == 2026 && date.isoWeek.week == 1)
        let sunday = try #require(EntryDate(parsing: "2024-12-29"))
        #expect(sunday.isoWeekday == 7)
        #expect(sunday.isoWeek.week == 52)
    }

    @Test("day and month keys are zero-padded as %04d-%02d-%02d writes them")
    func keys() {
        #expect(EntryDate(year: 2024, month: 3, day: 6).isoDay == "2024-03-06")
        #expect(EntryDate(year: 2024, month: 11, day: 30).monthKey == "2024-11")
        #expect(EntryDate(year: 800, month: 1, day: 1).isoDay == "0800-01-01")
        for number in [-12, -1, 0, 7, 42, 123, 2024, 123_456] {
            #expect(EntryDate.padded(number, 4) == String(format: "%04d", number))
        }
    }
}

@Suite("Model: slugs")
struct SlugTests {
    @Test("Chinese becomes hyphenated pinyin", arguments: [
        ("先锋沙龙", "xian-feng-sha-long"),
        ("红色引擎2.0", "hong-se-yin-qing-2-0"),
        ("学习强国App", "xue-xi-qiang-guo-app"),
        ("Hello World", "hello-world"),
        ("“两学一做”", "liang-xue-yi-zuo"),
    ])
    func pinyin(text: String, slug: String) {
        #expect(Slug.make(from: text) == slug)
    }

    @Test("a file name loses the date or number its path already carries", arguments: [
        ("08-jia-feng.md", "jia-feng"),
        ("012-红色引擎.md", "hong-se-yin-qing"),
        ("2024-03-06-foo.md", "foo"),
        ("about.md", "about"),
        ("2024.md", "2024"),
        ("2024-3-6 foo.md", "foo"),
        ("2024-03-061.md", "1"),
        ("2024-123-05-x.md", "123-05-x"),
        ("06_家风.md", "jia-feng"),
        ("7.md", "7"),
        ("12-.md", "12"),
    ])
    func fileNames(name: String, slug: String) {
        #expect(Slug.fromFileName(name) == slug)
    }

    @Test("only lowercase ASCII, digits and single hyphens are valid slugs")
    func validity() {
        #expect(Slug.isValid("hong-se-2"))
        #expect(!Slug.isValid("Hong"))
        #expect(!Slug.isValid("../etc"))
        #expect(!Slug.isValid("a--b"))
        #expect(!Slug.isValid("红色"))
        #expect(!Slug.isValid(""))
    }
}
