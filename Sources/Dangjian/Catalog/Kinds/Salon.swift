extension EntryKind {
    /// 先锋沙龙: a numbered discussion session with a hosting branch, a reading list and homework.
    public static let salon = EntryKind(
        id: "salon", folder: "salons", name: "先锋沙龙", shortName: "沙龙", unit: "期",
        fields: [
            FieldSpec("issue", label: "期数", type: .positiveInteger, required: true, roles: [.number], numberFormat: "第%d期",
                      maximum: 99_999),
            FieldSpec("host", label: "承办支部", type: .branch, required: true, roles: [.branch], search: .name),
            FieldSpec("speakers", label: "主讲人", type: .texts, roles: [.person], search: .name),
            FieldSpec("readings", label: "读物清单", type: .texts, search: .text),
            FieldSpec("homework", label: "家庭作业", type: .text, search: .text),
            FieldSpec("attendance", label: "参与人次", type: .positiveInteger, roles: [.attendance]),
            FieldSpec("location", label: "地点", type: .text, search: .text),
            FieldSpec("duration", label: "时长（分钟）", type: .positiveInteger, maximum: 1_440),
        ],
        address: .numbered,
        order: .highestNumberFirst,
        index: .month,
        navigation: NavigationItem("先锋沙龙", weight: 20),
        appearances: [.feed, .periodBulletins, .ownBulletin, .neighbours, .yearReports, .ledger],
        home: .newest(key: "latestSalon"),
        statistics: [.perBranch(key: "hostChart", label: "各支部承办沙龙数")],
        example: KindExample(title: "第一期先锋沙龙（示例）", slug: "shou-qi-sha-long",
                             body: "这里写本期沙龙的主题、过程和收获。沙龙按期编号，每期由一个支部承办。") { site in
            [("issue", "1"), ("host", site.branch), ("speakers", "[\"示例主讲人\"]"), ("readings", "[\"《示例读物》\"]"),
             ("homework", "\"写一篇学习心得\""), ("tags", "[示例]")]
        }
    )
}
