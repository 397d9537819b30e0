extension EntryKind {
    /// 晨学三分钟: a three-minute morning talk, one a day, in series.
    public static let talk = EntryKind(
        id: "talk", folder: "talks", name: "晨学三分钟", shortName: "晨学", unit: "讲",
        fields: [
            FieldSpec("speaker", label: "主讲人", type: .text, required: true, roles: [.author, .person], search: .name),
            FieldSpec("series", label: "系列", type: .choice(vocabulary: "talk_series"), required: true, roles: [.series],
                      search: .name),
            FieldSpec("branch", label: "支部", type: .branch, roles: [.branch], search: .name),
            FieldSpec("minutes", label: "时长（分钟）", type: .positiveNumber, maximum: 1_440),
            FieldSpec("attendance", label: "参与人次", type: .positiveInteger, roles: [.attendance]),
            FieldSpec("location", label: "地点", type: .text, search: .text),
        ],
        address: .dated,
        index: .month,
        navigation: NavigationItem("晨学三分钟", weight: 30),
        appearances: [.feed, .periodBulletins, .neighbours, .dailyRun, .historyNumbers, .yearReports, .ledger],
        home: .latest(10, key: "latestTalks"),
        statistics: [
            .perValue(field: "series", key: "seriesChart", label: "各系列晨学数"),
            .perBranch(key: "branchChart", label: "各支部晨学数"),
        ],
        branchListing: .paginated,
        example: KindExample(title: "晨学三分钟第一讲（示例）", slug: "di-yi-jiang",
                             body: "每天一讲，每讲三分钟。正文直接写在这里，段落之间空一行。") { site in
            [("speaker", "\"示例主讲人\""), ("series", YAMLText.quoted(site.series)), ("branch", site.branch), ("tags", "[示例]")]
        }
    )
}
