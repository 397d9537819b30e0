extension EntryKind {
    /// 一支部一品牌: a branch's named brand, with its highlights; a board and a place in the album each.
    public static let brand = EntryKind(
        id: "brand", folder: "brands", name: "一支部一品牌", shortName: "品牌", unit: "个",
        fields: [
            FieldSpec("branch", label: "支部", type: .branch, required: true, roles: [.branch], search: .name),
            FieldSpec("category", label: "品牌类别", type: .choice(vocabulary: "brand_categories"), required: true,
                      search: .name),
            FieldSpec("slogan", label: "品牌口号", type: .text, search: .text),
            FieldSpec("highlights", label: "亮点", type: .texts, search: .text,
                      printLimit: PrintLimit(items: 8, characters: 100, place: "展板")),
        ],
        address: .named,
        index: .field("category"),
        navigation: NavigationItem("一支部一品牌", weight: 10),
        appearances: [.feed, .board, .neighbours, .yearReports, .ledger],
        home: .all(key: "brands"),
        albumGrouping: "category",
        statistics: [.perValue(field: "category", key: "categoryChart", label: "各类别品牌数")],
        example: KindExample(title: "示例品牌", slug: "shi-li-pin-pai",
                             body: "品牌的介绍写在这里，会印在展板和品牌画册上。") { site in
            [("branch", site.branch), ("category", "思路引领"), ("slogan", "\"品牌口号写在这里\""),
             ("highlights", "\n  - 第一条亮点\n  - 第二条亮点"), ("tags", "[示例]")]
        }
    )
}
