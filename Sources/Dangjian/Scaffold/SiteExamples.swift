/// The files of a new site: its `site.yml` and one example of each kind, dated today, which `check`
/// passes; each example says how to change it.
enum SiteExamples {
    static let note = "这是新建网站时自动生成的示例，可以照着改写，也可以直接删除这个文件。"

    static func files(_ request: SiteInitRequest, today: EntryDate, catalog: KindCatalog = .standard) -> [(path: String, text: String)] {
        let site = ExampleSite(branches: request.branches.map(\.id), series: request.series.first ?? SiteInitRequest.defaultSeries[0],
                               organization: request.organization)
        var files = [("content/site.yml", siteYML(request))]
        for kind in catalog.kinds {
            guard let example = kind.example else { continue }
            let fields = example.fields(site)
            let number = kind.fields.first { $0.has(.number) }.flatMap { numberField in
                fields.first { $0.0 == numberField.name }.flatMap { Int($0.1) }
            }
            let period = kind.period.map(\.defaultPeriod)
            let title = (period?.title(of: today) ?? "") + example.title
            let path = Addresses.newFile(kind, slug: example.slug, date: today, number: number, period: period?.key(of: today))
            files.append((path, entry([("title", YAMLText.quoted(title)), ("date", today.isoDay)] + fields,
                                      body: note + "\n\n" + example.body)))
        }
        return files
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
