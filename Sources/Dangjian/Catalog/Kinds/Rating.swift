extension EntryKind {
    /// 星级评定: one file per period (a quarter, as site.yml's `ratings: {period: …}` says) giving
    /// branches 1 to 5 stars and naming the holder of the 流动红旗; branch pages show their stars and
    /// history, the statistics page the distribution over time.
    public static let rating = EntryKind(
        id: "rating", folder: "ratings", name: "星级评定", shortName: "星级评定", unit: "期",
        fields: [
            FieldSpec("stars", label: "星级", type: .branchScores(maximum: 5), required: true),
            FieldSpec("red_flag", label: "流动红旗", type: .branch),
        ],
        address: .periodic,
        groupings: [.year],
        index: .year,
        appearances: [.yearReports, .ledger],
        statistics: [.scoresOverTime(field: "stars", key: "starsChart", label: "各期星级分布")],
        alwaysListed: false,
        period: PeriodSetting(siteKey: "ratings", default: .quarter),
        example: KindExample(title: "支部星级评定（示例）", slug: "xing-ji-ping-ding", body: "每个支部一行，写 1 到 5 颗星。") { site in
            [("stars", site.branches.map { "\n  \($0): 5" }.joined())]
        }
    )
}
