/// Small texts that many tests start from.
public enum Fixtures {
    /// A site.yml with two branches, the contract's categories and series.
    public static let siteYML = """
    -- content/site.yml --
    title: 测试党建网站
    organization: 测试局机关党委
    timezone: Asia/Shanghai
    branches:
      - id: jiguan-1
        name: 机关第一党支部
      - id: jiguan-2
        name: 机关第二党支部
    brand_categories: [思路引领, 制度标准, 活动实践, 学习鼓动, 载体创新, 企业文化]
    talk_series: [理论摘编, 伦理典故, 政策法规, 会议文件, 廉政建设, 道德讲堂, 读书集萃, 党课团课, 健康知识]
    """

    /// A talk file's text with the given front matter lines (title, date, speaker and series filled in unless given).
    public static func talk(_ fields: String = "", title: String = "晨学一讲", date: String = "2024-03-06",
                            body: String = "正文第一段。") -> String {
        var lines = ["---"]
        if !fields.contains("title:") { lines.append("title: \(title)") }
        if !fields.contains("date:") { lines.append("date: \(date)") }
        if !fields.contains("speaker:") { lines.append("speaker: 张三") }
        if !fields.contains("series:") { lines.append("series: 政策法规") }
        if !fields.isEmpty { lines.append(fields) }
        lines.append("---")
        return lines.joined(separator: "\n") + "\n" + body
    }
}
