import Dangjian
import DangjianTestSupport
import Foundation
import Testing

/// The statistics page, the feed, the sitemap and holidays in site.yml, on small inline sites.
@Suite("Statistics, feed and sitemap")
struct StatsFeedTests {
    static func talk(_ day: String, series: String = "政策法规", branch: String = "jiguan-1") -> String {
        """
        -- content/talks/\(day.replacingOccurrences(of: "-", with: "/").dropLast(3))/\(day.suffix(2))-t\(day.suffix(5).replacingOccurrences(of: "-", with: "")).md --
        \(Fixtures.talk("series: \(series)\nbranch: \(branch)\ntags: [家风]", title: "第\(day)讲", date: day))
        """
    }

    static let site = Fixtures.siteYML + "\nbase_url: http://intranet.example/dj\nholidays: [2026-10-01, 2026-10-02, 2026-10-05, 2026-10-06, 2026-10-07]\n"
        + ["2026-09-28", "2026-09-29", "2026-09-30", "2026-10-08", "2026-10-09", "2026-10-12"].map { talk($0) }.joined(separator: "\n")
        + "\n" + talk("2026-10-14", series: "廉政建设", branch: "jiguan-2") + "\n" + talk("2026-11-20", series: "廉政建设", branch: "jiguan-2")
        + """

        -- content/salons/001-a.md --
        ---
        title: 第一期沙龙
        date: 2026-10-10
        issue: 1
        host: jiguan-2
        ---
        沙龙正文。
        -- content/brands/a.md --
        ---
        title: 红色引擎
        date: 2026-01-01
        branch: jiguan-1
        category: 活动实践
        ---
        品牌正文。
        """

    /// `data-label`/`data-date` → `data-value` of every bar and day of the page's charts.
    static func chartValues(_ html: String) -> [String: Int] {
        var values: [String: Int] = [:]
        for match in html.matches(of: #/data-(?:label|date)="([^"]+)" data-value="(\d+)"/#) {
            values[String(match.output.1), default: 0] += Int(match.output.2)!
        }
        return values
    }

    @Test("the charts' numbers are the content's: months, days, series, branches, hosts, categories, runs")
    func stats() throws {
        let site = try TestSite(Self.site)
        #expect(site.build().succeeded)
        let html = try #require(site.page("stats/index.html"))
        let values = Self.chartValues(html)
        #expect(values["2026-09"] == 3 && values["2026-10"] == 4 && values["2026-11"] == 1)
        #expect(values["2026-10-14"] == 1 && values["2026-10-13"] == nil)
        #expect(values["政策法规"] == 6 && values["廉政建设"] == 2)
        #expect(values["理论摘编"] == nil, "a series without talks gets no zero bar")
        // Branch names label two charts (talks per branch, salons per host): summed here.
        #expect(values["机关第一党支部"] == 6)
        #expect(values["机关第二党支部"] == 3)
        #expect(values["活动实践"] == 1)
        let hosts = try #require(html.firstRange(of: #"id="salons-per-host""#).map { String(html[$0.lowerBound...].prefix(2000)) })
        #expect(hosts.contains(#"data-label="机关第二党支部" data-value="1""#))
        #expect(!hosts.contains("机关第一党支部"), "a branch that hosted no salon gets no zero bar, as a series without talks")
        #expect(html.contains("坚持天数：有晨学的日子共多少天（首页的“坚持 N 天”就是这个数）"))
        #expect(html.contains(#"<strong id="stat-longest">6</strong>"#))   // National Day week does not break it
        // Today is 2026-11-23 (Monday): the weekend after the 11-20 talk does not end its run of one.
        #expect(html.contains(#"<strong id="stat-current">1</strong>"#))
        #expect(html.contains(#"<strong id="stat-talks">8</strong>"#))
    }

    @Test("a holiday that is not a date is reported where it is written")
    func badHoliday() throws {
        let site = try TestSite(Fixtures.siteYML + "\nholidays: [2026-10-01, 国庆]\n")
        let report = site.check()
        let problem = try #require(report.errors.first { $0.code == "invalid-site-setting" })
        #expect(problem.file == "content/site.yml" && problem.line == 11)
        #expect(problem.message.contains("国庆"))
    }

    @Test("the feed: latest entries, absolute links with base_url, site time zone, updated = newest entry")
    func feed() throws {
        let site = try TestSite(Self.site)
        site.build()
        let feed = try #require(site.page("feed.xml"))
        #expect(feed.contains("<updated>2026-11-20T00:00:00+08:00</updated>"))
        #expect(feed.contains(#"<link rel="alternate" type="text/html" href="http://intranet.example/dj/talks/2026/11/20-t1120/index.html"/>"#))
        #expect(feed.components(separatedBy: "<entry>").count - 1 == 10)
        let plain = try TestSite(Self.site.replacingOccurrences(of: "base_url: http://intranet.example/dj\n", with: ""))
        plain.build()
        let relative = try #require(plain.page("feed.xml"))
        #expect(relative.contains(#"href="talks/2026/11/20-t1120/index.html""#))
        #expect(!relative.contains("http://intranet"))
        let sitemap = try #require(plain.page("sitemap.xml"))
        #expect(sitemap.contains("<loc>talks/2026/11/20-t1120/index.html</loc><lastmod>2026-11-20</lastmod>"))
        #expect(!sitemap.contains("404.html"))
        #expect(try #require(site.page("sitemap.xml")).contains("<loc>http://intranet.example/dj/index.html</loc>"))
    }
}
