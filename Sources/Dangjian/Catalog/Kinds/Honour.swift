extension EntryKind {
    /// 荣誉: an honour given to the organisation, a branch or a brand, at a level site.yml lists
    /// (国家级, 省部级 …), with its certificate; shown on the honours wall, its branch's and brand's
    /// pages and in year reports.
    public static let honour = EntryKind(
        id: "honour", folder: "honours", name: "荣誉", shortName: "荣誉", unit: "项",
        fields: [
            FieldSpec("level", label: "荣誉级别", type: .choice(vocabulary: "honour_levels"), required: true, search: .name),
            FieldSpec("issuer", label: "授予单位", type: .text, search: .name),
            FieldSpec("branch", label: "获奖支部", type: .branch, roles: [.branch], search: .name),
            FieldSpec("brand", label: "获奖品牌", type: .reference(kind: "brand"), roles: [.inheritsBranch], search: .name),
            FieldSpec("certificate", label: "证书图片", type: .asset),
        ],
        address: .named,
        index: .field("level"),
        navigation: NavigationItem("荣誉", weight: 17),
        appearances: [.feed, .neighbours, .yearReports, .ledger],
        statistics: [.perValue(field: "level", key: "honourLevelChart", label: "各级荣誉")],
        alwaysListed: false,
        example: KindExample(title: "示例荣誉", slug: "shi-li-rong-yu",
                             body: "这里写获得这项荣誉的经过和主要事迹。荣誉级别分国家级、省部级、市级、县级。") { site in
            [("level", "市级"), ("issuer", "\"授予单位\""), ("branch", site.branch)]
        }
    )
}
