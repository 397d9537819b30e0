extension EntryKind {
    /// 页面: a free page (关于我们 …) at the top of the site, listed in the footer.
    public static let freePage = EntryKind(
        id: "page", folder: "pages", name: "页面", shortName: "页面", unit: "篇",
        fields: [FieldSpec("weight", label: "排序", type: .text)],
        address: .topLevel,
        groupings: [.tags],
        index: nil,
        appearances: [.footer],
        example: KindExample(title: "关于我们", slug: "about", body: "这里介绍本单位的党建工作。")
    )
}
