extension EntryKind {
    /// 典型案例: a typical case of a brand's work, with its results (成效). Its branch is its brand's;
    /// it is listed on its brand's page, board and album pages.
    public static let typicalCase = EntryKind(
        id: "case", folder: "cases", name: "典型案例", shortName: "案例", unit: "个",
        fields: [
            FieldSpec("brand", label: "所属品牌", type: .reference(kind: "brand"), required: true,
                      roles: [.inheritsBranch], search: .name),
            FieldSpec("results", label: "成效", type: .texts, search: .text),
            FieldSpec("attendance", label: "参与人次", type: .positiveInteger, roles: [.attendance]),
            FieldSpec("location", label: "地点", type: .text, search: .text),
            FieldSpec("duration", label: "时长（分钟）", type: .positiveInteger, maximum: 1_440),
        ],
        address: .named,
        index: .month,
        navigation: NavigationItem("典型案例", weight: 15),
        appearances: [.feed, .periodBulletins, .neighbours, .yearReports, .ledger],
        statistics: [.perBranch(key: "caseBranchChart", label: "各支部典型案例数")],
        alwaysListed: false,
        example: KindExample(title: "示例典型案例", slug: "shi-li-an-li", body: "这里写案例的背景、做法和成效。每个典型案例都属于一个支部品牌，在品牌页面上一并展示。") { _ in
            [("brand", "shi-li-pin-pai"), ("results", "\n  - 成效写在这里"), ("tags", "[示例]")]
        }
    )
}
