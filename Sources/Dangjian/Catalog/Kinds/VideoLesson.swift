extension EntryKind {
    /// 视频微党课: a recorded micro-lesson, its video file beside the entry (MP4 or WebM; absent `video:`,
    /// the file of the entry's own name), its transcript or outline as the body. Its page plays the
    /// video from the site's own copy with a poster frame and the duration taken from the file (`Media/`).
    /// Its series come from the talks' list (`talk_series`): one set of series pages holds both.
    public static let videoLesson = EntryKind(
        id: "lesson", folder: "lessons", name: "视频微党课", shortName: "微党课", unit: "讲",
        fields: [
            FieldSpec("video", label: "视频", type: .asset, roles: [.video]),
            FieldSpec("speaker", label: "主讲人", type: .text, required: true, roles: [.author, .person], search: .name),
            FieldSpec("series", label: "系列", type: .choice(vocabulary: "talk_series"), roles: [.series], search: .name),
            FieldSpec("branch", label: "支部", type: .branch, roles: [.branch], search: .name),
        ],
        address: .named,
        index: .month,
        navigation: NavigationItem("视频微党课", weight: 25),
        appearances: [.feed, .periodBulletins, .neighbours, .yearReports],
        home: .latest(4, key: "latestLessons"),
        alwaysListed: false
    )
}
