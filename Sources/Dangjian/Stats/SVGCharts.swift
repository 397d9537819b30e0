/// Charts drawn as SVG text at build time: nothing is computed or loaded when the page is viewed.
/// Every bar and day carries `data-label`/`data-date` and `data-value`, and a `<title>` tooltip.
enum SVGCharts {
    typealias Count = SiteStatistics.Count

    /// Vertical columns, one per month (`2026-09`). Up to three years of months, each column is
    /// labelled with its month and the year is written under each January and the first month;
    /// longer spans are labelled by year only.
    static func months(_ counts: [Count], unit: String) -> String {
        let (barWidth, gap, plotHeight, top) = (10, 3, 140, 16)
        let labelMonths = counts.count <= 36
        let step = labelMonths ? 22 : barWidth + gap
        let maximum = max(1, counts.map(\.count).max() ?? 0)
        let width = max(320, 40 + counts.count * step)
        let yearLine = top + plotHeight + (labelMonths ? 30 : 16)
        var svg = open(width: width, height: yearLine + 8, label: "每月\(unit)数")
        svg += "<text class=\"axis\" x=\"0\" y=\"\(top - 4)\">\(maximum)</text>"
        svg += "<line class=\"base\" x1=\"36\" y1=\"\(top + plotHeight)\" x2=\"\(width)\" y2=\"\(top + plotHeight)\"/>"
        for (position, item) in counts.enumerated() {
            let x = 40 + position * step
            let height = item.count * plotHeight / maximum
            let (year, month) = (item.label.prefix(4), Int(item.label.suffix(2)) ?? 0)
            svg += "<rect class=\"bar\" x=\"\(x)\" y=\"\(top + plotHeight - height)\" width=\"\(barWidth)\" height=\"\(height)\""
            svg += " data-label=\"\(item.label)\" data-value=\"\(item.count)\"><title>\(year)年\(month)月：\(item.count) \(unit)</title></rect>"
            if labelMonths { svg += "<text class=\"axis\" x=\"\(x - 2)\" y=\"\(top + plotHeight + 14)\">\(month)月</text>" }
            if month == 1 || position == 0 {
                svg += "<text class=\"axis\" x=\"\(x)\" y=\"\(yearLine)\">\(year)</text>"
            }
        }
        return svg + "</svg>"
    }

    /// Horizontal bars with their names and numbers, in the given order.
    static func bars(_ counts: [Count], unit: String, label: String) -> String {
        let (rowHeight, labelWidth, barSpace) = (26, 150, 360)
        let maximum = max(1, counts.map(\.count).max() ?? 0)
        var svg = open(width: labelWidth + barSpace + 60, height: max(1, counts.count) * rowHeight, label: label)
        for (row, item) in counts.enumerated() {
            let y = row * rowHeight
            let length = item.count * barSpace / maximum
            let name = XMLText.escape(item.label)
            svg += "<g class=\"row\" data-label=\"\(name)\" data-value=\"\(item.count)\"><title>\(name)：\(item.count) \(unit)</title>"
            svg += "<text class=\"name\" x=\"\(labelWidth - 8)\" y=\"\(y + 17)\" text-anchor=\"end\">\(name)</text>"
            svg += "<rect class=\"bar\" x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(length)\" height=\"\(rowHeight - 8)\"/>"
            svg += "<text class=\"value\" x=\"\(labelWidth + length + 6)\" y=\"\(y + 17)\">\(item.count)</text></g>"
        }
        return svg + "</svg>"
    }

    /// One row per period, split into segments by score from the highest (★5 … ★1), each as wide as
    /// the number of branches that had it; a legend names the scores.
    static func distribution(_ rows: [(label: String, counts: [Int])], maximum: Int, unit: String, label: String) -> String {
        let (rowHeight, labelWidth, barSpace, legend) = (26, 150, 360, 24)
        let widest = max(1, rows.map { $0.counts.reduce(0, +) }.max() ?? 0)
        var svg = open(width: labelWidth + barSpace + 60, height: legend + max(1, rows.count) * rowHeight, label: label)
        for score in stride(from: maximum, through: 1, by: -1) {
            let x = labelWidth + (maximum - score) * 64
            svg += "<rect class=\"s\(score)\" x=\"\(x)\" y=\"4\" width=\"12\" height=\"12\"/>"
            svg += "<text class=\"axis\" x=\"\(x + 16)\" y=\"14\">\(score) 星</text>"
        }
        for (row, item) in rows.enumerated() {
            let y = legend + row * rowHeight
            let name = XMLText.escape(item.label)
            svg += "<g class=\"row\" data-label=\"\(name)\"><text class=\"name\" x=\"\(labelWidth - 8)\" y=\"\(y + 17)\" text-anchor=\"end\">\(name)</text>"
            var x = labelWidth
            for (offset, count) in item.counts.enumerated() where count > 0 {
                let score = maximum - offset
                let width = count * barSpace / widest
                svg += "<rect class=\"s\(score)\" x=\"\(x)\" y=\"\(y + 4)\" width=\"\(width)\" height=\"\(rowHeight - 8)\" data-value=\"\(count)\">"
                svg += "<title>\(name)：\(score) 星 \(count) \(unit)</title></rect>"
                x += width
            }
            svg += "</g>"
        }
        return svg + "</svg>"
    }

    /// One year as weeks (columns, Monday first) of days (rows), shaded by the number of talks;
    /// weekends and holidays are marked, since they do not break a run.
    static func calendar(year: Int, perDay: [Int: Int], config: SiteConfig, of kind: EntryKind) -> String {
        let (cell, step, left, top) = (11, 13, 24, 18)
        let first = EntryDate(year: year, month: 1, day: 1).dayNumber
        let last = EntryDate(year: year, month: 12, day: 31).dayNumber
        let firstMonday = first - (EntryDate(dayNumber: first).weekday - 1)
        let weeks = (last - firstMonday) / 7 + 1
        var svg = open(width: left + weeks * step, height: top + 7 * step, label: "\(year)年每日\(kind.shortName)")
        for (row, name) in [(0, "一"), (2, "三"), (4, "五")] {
            svg += "<text class=\"axis\" x=\"0\" y=\"\(top + row * step + 10)\">\(name)</text>"
        }
        for day in first...last {
            let date = EntryDate(dayNumber: day)
            let (x, y) = (left + (day - firstMonday) / 7 * step, top + (date.weekday - 1) * step)
            if date.day == 1 { svg += "<text class=\"axis\" x=\"\(x)\" y=\"\(top - 6)\">\(date.month)月</text>" }
            let count = perDay[day] ?? 0
            let level = min(count, 4)
            let off = config.isWorkingDay(date) ? "" : " off"
            svg += "<rect class=\"day c\(level)\(off)\" x=\"\(x)\" y=\"\(y)\" width=\"\(cell)\" height=\"\(cell)\""
            svg += count > 0 ? " data-date=\"\(date.isoDay)\" data-value=\"\(count)\"><title>\(date.chineseDay)：\(count) \(kind.unit)</title></rect>" : "/>"
        }
        return svg + "</svg>"
    }

    private static func open(width: Int, height: Int, label: String) -> String {
        "<svg class=\"chart\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(label)\">"
    }
}
