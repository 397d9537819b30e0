/// The files of a new site: its `site.yml` and one example of each kind, dated today, which `check`
/// passes; each example says how to change it.
enum SiteExamples {
    static func files(_ request: SiteInitRequest, today: EntryDate) -> [(path: String, text: String)] {
        let branch = request.branches[0].id
        let series = request.series.first ?? SiteInitRequest.defaultSeries[0]
        let month = Addresses.twoDigits(today.month), day = Addresses.twoDigits(today.day)
        let note = "这是新建网站时自动生成的示例，可以照着改写，也可以直接删除这个文件。"
        return [
            ("content/site.yml", siteYML(request)),
            ("content/talks/\(today.year)/\(month)/\(day)-di-yi-jiang.md", entry([
                ("title", "\"晨学三分钟第一讲（示例）\""), ("date", today.isoDay), ("speaker", "\"示例主讲人\""),
                ("series", YAMLText.quoted(series)), ("branch", branch), ("tags", "[示例]"),
            ], body: "\(note)\n\n每天一讲，每讲三分钟。正文直接写在这里，段落之间空一行。")),
            ("content/salons/001-shou-qi-sha-long.md", entry([
                ("title", "\"第一期先锋沙龙（示例）\""), ("date", today.isoDay), ("issue", "1"), ("host", branch),
                ("speakers", "[\"示例主讲人\"]"), ("readings", "[\"《示例读物》\"]"), ("homework", "\"写一篇学习心得\""), ("tags", "[示例]"),
            ], body: "\(note)\n\n沙龙的期数（issue）每期加一，承办支部（host）写支部编号或名称。")),
            ("content/brands/shi-li-pin-pai.md", entry([
                ("title", "\"示例品牌\""), ("date", today.isoDay), ("branch", branch), ("category", "思路引领"),
                ("slogan", "\"品牌口号写在这里\""), ("highlights", "\n  - 第一条亮点\n  - 第二条亮点"), ("tags", "[示例]"),
            ], body: "\(note)\n\n品牌的介绍写在这里，会印在展板和品牌画册上。")),
            ("content/cases/shi-li-an-li.md", entry([
                ("title", "\"示例典型案例\""), ("date", today.isoDay), ("brand", "shi-li-pin-pai"),
                ("results", "\n  - 成效写在这里"), ("tags", "[示例]"),
            ], body: "\(note)\n\n典型案例用 brand 写所属品牌的文件名。")),
            ("content/honours/shi-li-rong-yu.md", entry([
                ("title", "\"示例荣誉\""), ("date", today.isoDay), ("level", "市级"), ("issuer", "\"授予单位\""), ("branch", branch),
            ], body: "\(note)\n\n荣誉级别（level）须是 site.yml 中 honour_levels 列出的之一。")),
            ("content/ratings/\(EntryPeriod.quarter.key(of: today)).md", entry([
                ("title", "\"\(EntryPeriod.quarter.title(of: today))支部星级评定（示例）\""), ("date", today.isoDay),
                ("stars", request.branches.map { "\n  \($0.id): 5" }.joined()),
            ], body: "\(note)\n\n每个支部一行，写 1 到 5 颗星。")),
            ("content/pages/about.md", entry([("title", "关于我们"), ("date", today.isoDay)],
                                             body: "这里介绍\(request.organization)的党建工作。\n\n\(note)")),
        ]
    }

    private static func entry(_ fields: [(String, String)], body: String) -> String {
        "---\n" + fields.map { "\($0.0): \($0.1)" }.joined(separator: "\n") + "\n---\n" + body + "\n"
    }

    static func siteYML(_ request: SiteInitRequest) -> String {
        let branches = request.branches.map { "  - id: \($0.id)\n    name: \(YAMLText.quoted($0.name))" }.joined(separator: "\n")
        let series = request.series.isEmpty ? SiteInitRequest.defaultSeries : request.series
        return """
        # 网站设置：改好后运行 dangjian check 检查。每一项的说明见使用说明第九节。
        title: \(YAMLText.quoted(request.title))
        organization: \(YAMLText.quoted(request.organization))
        # base_url: http://内网地址/dangjian/      # 写上内网地址后，展板和简报上会印二维码
        timezone: Asia/Shanghai
        branches:                                  # 支部：编号（小写英文字母、数字、连字符）和名称
        \(branches)
        brand_categories: [思路引领, 制度标准, 活动实践, 学习鼓动, 载体创新, 企业文化]
        talk_series: [\(series.joined(separator: ", "))]
        honour_levels: [国家级, 省部级, 市级, 县级]
        ratings:
          period: quarter                          # 星级评定：month 每月 | quarter 每季度 | year 每年
        bulletin:
          period: month                            # 简报：month 每月一期 | week 每周一期
        board:
          width_mm: 900                            # 展板尺寸（毫米）
          height_mm: 1200

        """
    }
}
