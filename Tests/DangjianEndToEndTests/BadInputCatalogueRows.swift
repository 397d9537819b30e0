import DangjianTestSupport
import Foundation

/// The catalogue: one row per kind of bad input, each with its input written out.
/// (BadInputTests covers unknown series, branches, categories, hosts, slugs, links, pictures,
/// clashing addresses and templates; these rows are the rest of the contract's bad input and what
/// a hostile or careless writer found in issue 12.)
extension BadInput {
    static let talk = Bad.talkPath

    static let numbers: [BadInput] = [
        BadInput(kind: "minutes 1e20", input: Bad.talk("minutes: 1e20"), code: "number-out-of-range", at: "\(talk):6"),
        BadInput(kind: "minutes 2^63", input: Bad.talk("minutes: 9223372036854775808"), code: "number-out-of-range", at: "\(talk):6"),
        BadInput(kind: "minutes negative", input: Bad.talk("minutes: -3"), code: "number-out-of-range", at: "\(talk):6"),
        BadInput(kind: "minutes NaN", input: Bad.talk("minutes: .nan"), code: "wrong-type", at: "\(talk):6"),
        BadInput(kind: "minutes infinite", input: Bad.talk("minutes: .inf"), code: "wrong-type", at: "\(talk):6"),
        BadInput(kind: "attendance Int.max twice (summed)",
                 input: Bad.salon("001-a", issue: "1", "attendance: 9223372036854775807")
                     + Bad.salon("002-b", issue: "2", date: "2024-03-07", "attendance: 9223372036854775807"),
                 code: "number-out-of-range", at: "content/salons/001-a.md:6"),
        BadInput(kind: "issue beyond Int", input: Bad.salon(issue: "99999999999999999999"),
                 code: "number-out-of-range", at: "content/salons/001-a.md:4"),
        BadInput(kind: "issue 0", input: Bad.salon(issue: "0"), code: "invalid-issue", at: "content/salons/001-a.md:4"),
        BadInput(kind: "duration huge", input: Bad.salon("001-a", "duration: 100000000"), code: "number-out-of-range",
                 at: "content/salons/001-a.md:6"),
        BadInput(kind: "page_size Int.max", input: Bad.siteYML("page_size: 9223372036854775807"),
                 code: "invalid-site-setting", at: "content/site.yml:11"),
        BadInput(kind: "star score Int.max",
                 input: "-- content/ratings/2024-q1.md --\n---\ntitle: 评定\ndate: 2024-03-31\nstars:\n  jiguan-1: 9223372036854775807\n---\n",
                 code: "invalid-score", at: "content/ratings/2024-q1.md:5"),
    ]

    static let vocabularies: [BadInput] = [
        BadInput(kind: "a series listed twice",
                 input: Bad.siteYML("").replacingOccurrences(of: "政策法规, 会议文件", with: "政策法规, 政策法规, 会议文件"),
                 code: "duplicate-vocabulary-value", at: "content/site.yml:10", outcome: .warning),
        BadInput(kind: "a brand category listed twice, one per line",
                 input: Bad.siteYML("").replacingOccurrences(of: "brand_categories: [思路引领, 制度标准, 活动实践, 学习鼓动, 载体创新, 企业文化]",
                                                            with: "brand_categories:\n  - 思路引领\n  - 思路引领") + Bad.brand,
                 code: "duplicate-vocabulary-value", at: "content/site.yml:11", outcome: .warning),
        BadInput(kind: "an honour level listed twice",
                 input: Bad.siteYML("honour_levels: [国家级, 省部级, 国家级]")
                     + "-- content/honours/a.md --\n---\ntitle: 荣誉\ndate: 2024-03-06\nlevel: 国家级\n---\n",
                 code: "duplicate-vocabulary-value", at: "content/site.yml:11", outcome: .warning),
        BadInput(kind: "two branches with one name",
                 input: Bad.siteYML("").replacingOccurrences(of: "name: 机关第二党支部", with: "name: 机关第一党支部") + Bad.brand,
                 code: "duplicate-branch-name", at: "content/site.yml:8", outcome: .warning),
    ]

    static let yaml: [BadInput] = [
        BadInput(kind: "alias bomb in front matter", input: Bad.talk(Bad.aliasBomb()), code: "yaml-alias", at: "\(talk):6"),
        BadInput(kind: "alias bomb used as keys",
                 input: Bad.talk(Bad.aliasBomb() + "\nm: {? *a8 : 1, ? *a7 : 2}"), code: "yaml-alias", at: "\(talk):6"),
        BadInput(kind: "alias bomb in site.yml", input: Bad.siteYML(Bad.aliasBomb(key: "s")) + Bad.brand,
                 code: "yaml-alias", at: "content/site.yml:11", heldBack: Bad.consequences),
        BadInput(kind: "an alias without its anchor", input: Bad.talk("summary: *ti-yao"), code: "yaml-alias", at: "\(talk):6"),
        BadInput(kind: "a value starting with *", input: Bad.talk("summary: *重要*"), code: "yaml-syntax", at: "\(talk):6"),
        BadInput(kind: "a key written twice", input: Bad.talk("speaker: 李四\nspeaker: 王五"), code: "duplicate-field", at: "\(talk):5"),
        BadInput(kind: "a tab for indentation", input: Bad.talk("tags:\n\t- 家风"), code: "yaml-syntax", at: "\(talk):7"),
        BadInput(kind: "10,000 nested YAML lists",
                 input: Bad.talk("tags: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)),
                 code: "yaml-syntax", at: "\(talk):6"),
        BadInput(kind: "title a list", input: Bad.talk("title: [一, 二]"), code: "wrong-type", at: "\(talk):5"),
        BadInput(kind: "tags a mapping", input: Bad.talk("tags:\n  a: b"), code: "wrong-type", at: "\(talk):7"),
        BadInput(kind: "draft neither true nor false", input: Bad.talk("draft: 也许"), code: "wrong-type", at: "\(talk):6"),
        BadInput(kind: "date a list", input: Bad.talk("date: [2024, 3, 7]"), code: "wrong-type", at: "\(talk):5"),
        BadInput(kind: "front matter a list", input: "-- \(talk) --\n---\n- 标题\n- 日期\n---\n正文",
                 code: "front-matter-not-mapping", at: "\(talk):2"),
    ]

    static let siteConfig: [BadInput] = [
        BadInput(kind: "site.yml missing", input: Bad.brand, removed: ["content/site.yml"],
                 code: "missing-site-config", at: "content/site.yml", heldBack: Bad.consequences),
        BadInput(kind: "site.yml empty", input: "-- content/site.yml --\n" + Bad.brand,
                 code: "empty-site-config", at: "content/site.yml:1", heldBack: Bad.consequences),
        BadInput(kind: "site.yml malformed", input: "-- content/site.yml --\ntitle: 甲\nbranches: [\n" + Bad.brand,
                 code: "yaml-syntax", at: "content/site.yml:3", heldBack: Bad.consequences),
        BadInput(kind: "site.yml a list", input: "-- content/site.yml --\n- title: 甲\n" + Bad.brand,
                 code: "front-matter-not-mapping", at: "content/site.yml:1", heldBack: Bad.consequences),
        BadInput(kind: "site.yml with a tab", input: Bad.siteYML("bulletin:\n\tperiod: month") + Bad.brand,
                 code: "yaml-syntax", at: "content/site.yml:12", heldBack: Bad.consequences),
        BadInput(kind: "site.yml in UTF-16", input: Bad.brand,
                 raw: [.init(path: Bad.bytes("content/site.yml"),
                             bytes: Bad.utf16(String(Fixtures.siteYML.dropFirst("-- content/site.yml --\n".count)), bigEndian: false, bom: true))],
                 code: "utf16-file", at: "content/site.yml", heldBack: Bad.consequences),
        BadInput(kind: "site.yml without a title", input: Bad.siteYML("").replacingOccurrences(of: "title: 测试党建网站\n", with: ""),
                 code: "missing-field", at: "content/site.yml:1"),
    ]

    static let dates: [BadInput] = [
        BadInput(kind: "year 0", input: Bad.talk(date: "0000-01-01"), code: "invalid-date", at: "\(talk):3"),
        BadInput(kind: "year 999", input: Bad.talk(date: "0999-12-31"), code: "invalid-date", at: "\(talk):3"),
        BadInput(kind: "year 10000", input: Bad.talk(date: "10000-01-01"), code: "invalid-date", at: "\(talk):3"),
        BadInput(kind: "hour 25", input: Bad.talk(date: "2024-03-07 25:00"), code: "invalid-date", at: "\(talk):3"),
        BadInput(kind: "a holiday in year 0", input: Bad.siteYML("holidays: [0000-01-01]"),
                 code: "invalid-site-setting", at: "content/site.yml:11"),
    ]
}

extension BadInput {
    static let goodTalk = Fixtures.talk(title: "晨学二讲", date: "2024-03-07")
    static let talkBytes = Bad.bytes(Bad.talkPath)

    static let bytes: [BadInput] = [
        BadInput(kind: "UTF-16 LE with BOM", raw: [.init(path: talkBytes, bytes: Bad.utf16(goodTalk, bigEndian: false, bom: true))],
                 code: "utf16-file", at: talk),
        BadInput(kind: "UTF-16 BE with BOM", raw: [.init(path: talkBytes, bytes: Bad.utf16(goodTalk, bigEndian: true, bom: true))],
                 code: "utf16-file", at: talk),
        BadInput(kind: "UTF-16 LE without BOM", raw: [.init(path: talkBytes, bytes: Bad.utf16(goodTalk, bigEndian: false, bom: false))],
                 code: "utf16-file", at: talk),
        BadInput(kind: "UTF-16 BE without BOM", raw: [.init(path: talkBytes, bytes: Bad.utf16(goodTalk, bigEndian: true, bom: false))],
                 code: "utf16-file", at: talk),
        BadInput(kind: "a NUL byte in the body", raw: [.init(path: talkBytes, bytes: Bad.bytes(goodTalk + "\n第二段\u{0}。"))],
                 code: "nul-byte", at: "\(talk):8"),
        BadInput(kind: "a NUL byte in front matter",
                 raw: [.init(path: talkBytes, bytes: Bad.bytes(goodTalk.replacingOccurrences(of: "晨学二讲", with: "晨学\u{0}二讲")))],
                 code: "nul-byte", at: "\(talk):2"),
        BadInput(kind: "a picture named .md",
                 raw: [.init(path: talkBytes, bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0xFF])],
                 code: "not-utf8", at: "\(talk):1"),
        BadInput(kind: "a file name invalid in UTF-8",
                 raw: [.init(path: Bad.bytes("content/talks/2024/03/07-") + [0xB5, 0xB3] + Bad.bytes(".md"), bytes: Bad.bytes(goodTalk))],
                 code: "undecodable-file-name", at: "content/talks/2024/03"),
        BadInput(kind: "a folder name invalid in UTF-8",
                 raw: [.init(path: Bad.bytes("content/talks/2024/") + [0xD4, 0xC2] + Bad.bytes("/07-b.md"), bytes: Bad.bytes(goodTalk))],
                 code: "undecodable-file-name", at: "content/talks/2024"),
    ]

    static let resources: [BadInput] = [
        BadInput(kind: "10,000 nested quotes", input: Bad.talk(body: String(repeating: "> ", count: 10_000) + "深处"), outcome: .builds),
        BadInput(kind: "10,000 nested lists", input: Bad.talk(body: String(repeating: "- ", count: 10_000) + "深处"), outcome: .builds),
        BadInput(kind: "10,000 nested emphasis and links",
                 input: Bad.talk(body: String(repeating: "*[", count: 10_000) + "深处" + String(repeating: "](https://example.org/)*", count: 10_000)),
                 outcome: .builds),
        BadInput(kind: "10,000 tags", input: Bad.talk("tags: [" + (1...10_000).map { "标签\($0)" }.joined(separator: ", ") + "]"),
                 outcome: .builds, seconds: 60),
        BadInput(kind: "a 100,000-character title", input: Bad.talk(title: String(repeating: "长", count: 100_000)), outcome: .builds),
        BadInput(kind: "a body of 1 MB of links and bold runs",
                 input: Bad.talk(body: String(repeating: "**（一）重视后期反馈工作。**一是[通知](https://example.org/a)。", count: 16_000)),
                 outcome: .builds),
        BadInput(kind: "20,000 footnotes",
                 input: Bad.talk(body: (1...20_000).map { "第\($0)句[^\($0)]。\n\n[^\($0)]: 注释\($0)。\n" }.joined(separator: "\n")),
                 outcome: .builds),
        BadInput(kind: "a line of 100,000 unclosed < and ](",
                 input: Bad.talk(body: "汉字 汉字(" + String(repeating: "<](", count: 100_000)), code: "paste-han-space", at: "\(talk):7",
                 outcome: .warning),
        BadInput(kind: "a line of 100,000 half-width quotes",
                 input: Bad.talk(body: "汉字" + String(repeating: "\"字", count: 100_000)), code: "paste-halfwidth-punctuation",
                 at: "\(talk):7", outcome: .warning),
        BadInput(kind: "a run of 100,000 stars", input: Bad.talk(body: "字" + String(repeating: "*", count: 100_000) + "字"), outcome: .builds),
        BadInput(kind: "an 80-character Chinese file name (a 400-letter pinyin address)",
                 input: "-- content/talks/2024/03/07-\(String(repeating: "党建引领基层治理", count: 10)).md --\n" + goodTalk, outcome: .builds),
        BadInput(kind: "a 300-character slug", input: Bad.talk("slug: " + String(repeating: "a", count: 300)), code: "invalid-slug",
                 at: "\(talk):6"),
    ]

    static let contract: [BadInput] = [
        BadInput(kind: "a required field missing", input: "-- content/brands/a.md --\n---\ntitle: 品牌\ndate: 2024-03-06\nbranch: jiguan-1\n---\n",
                 code: "missing-field", at: "content/brands/a.md:1"),
        BadInput(kind: "a title of only quotes", input: Bad.talk("title: \"\""), code: "missing-field", at: "\(talk):1"),
        BadInput(kind: "an unknown kind folder", input: "-- content/notes/a.md --\n" + goodTalk, code: "stray-markdown",
                 at: "content/notes/a.md", outcome: .warning),
        BadInput(kind: "only the front matter's fences", input: "-- \(talk) --\n---\n---\n", code: "missing-field", at: "\(talk):1"),
        BadInput(kind: "a number where a series is", input: Bad.talk("series: 123"), code: "unknown-series", at: "\(talk):5"),
    ]

    static let all = numbers + vocabularies + yaml + siteConfig + dates + bytes + resources + contract
}
