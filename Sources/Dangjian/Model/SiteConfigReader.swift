import Foundation

/// Reads and validates site.yml into a `SiteConfig`, reporting every problem.
enum SiteConfigReader {
    static let settingKeys = ["title", "organization", "base_url", "timezone", "branches", "speakers", "bulletin", "board",
                              "album", "unsafe_html", "page_size", "params", "pinyin", "holidays", "video"]

    /// The keys site.yml may have: the settings, then the vocabularies and periods the catalog's kinds choose.
    static func knownKeys(_ catalog: KindCatalog) -> [String] {
        let periods = catalog.kinds.compactMap { $0.period?.siteKey }
        return Array(settingKeys[..<6] + catalog.vocabularies + periods + settingKeys[6...])
    }

    static func read(_ node: YAMLNode?, catalog: KindCatalog, log: DiagnosticLog) -> SiteConfig {
        var config = SiteConfig()
        guard let node else { return config }
        let reader = FieldReader(node: node, log: log)
        if let title = reader.string("title") { config.title = title }
        else { log.report(ModelError.missingField(file: node.location.file, field: "title", label: "网站标题")) }
        config.organization = reader.string("organization") ?? ""
        config.baseURL = readBaseURL(reader, log: log)
        if let zone = reader.string("timezone") {
            if let timeZone = TimeZone(identifier: zone) { config.timeZone = timeZone }
            else { reader.invalid("timezone", problem: "“\(zone)”不是有效的时区名称，例如 Asia/Shanghai") }
        }
        config.branches = readBranches(node.field("branches"), log: log)
        for vocabulary in catalog.vocabularies {
            config.vocabularies[vocabulary] = readVocabulary(vocabulary, reader: reader, log: log)
        }
        for setting in catalog.kinds.compactMap(\.period) {
            if let period = readPeriod(node.field(setting.siteKey), key: setting.siteKey, log: log) { config.periods[setting.siteKey] = period }
        }
        config.speakers = SpeakerRoster.read(node.field("speakers"), config: config, log: log)
        config.unsafeHTML = reader.bool("unsafe_html") ?? false
        if let size = reader.positiveInt("page_size") {
            if size <= 1_000 { config.pageSize = size }
            else { reader.invalid("page_size", problem: "每页条目数 \(size) 太大：应在 1–1000 之间，通常为 20") }
        }
        config.params = node.field("params")
        config.pinyin = PinyinWords.builtIn.merging(readPinyin(node.field("pinyin"), log: log))
        readBulletin(node.field("bulletin"), into: &config, log: log)
        readBoard(node.field("board"), into: &config, log: log)
        if let album = node.field("album"), !album.isNull, let title = FieldReader(node: album, log: log).string("title") {
            config.albumTitle = title
        }
        config.holidays = readHolidays(node.field("holidays"), log: log)
        if let video = node.field("video"), !video.isNull, let limit = FieldReader(node: video, log: log).positiveInt("max_mb") {
            config.videoLimitBytes = Int64(min(limit, 1 << 20)) << 20
        }
        _ = reader.warnAboutUnknownKeys(known: knownKeys(catalog))
        return config
    }

    /// `base_url`, when it is an http or https address (see `BaseURL`); otherwise reported and left out.
    private static func readBaseURL(_ reader: FieldReader, log: DiagnosticLog) -> String? {
        guard let text = reader.string("base_url") else { return nil }
        switch BaseURL.check(text) {
        case let .valid(address): return address
        case let .invalid(problem):
            log.report(ModelError.invalidBaseURL(location: reader.location(of: "base_url"), value: text, problem: problem))
            return nil
        }
    }

    /// `pinyin:` maps words to their reading (`银行: yin-hang`); anything else is reported.
    private static func readPinyin(_ node: YAMLNode?, log: DiagnosticLog) -> PinyinWords {
        guard let node, !node.isNull else { return PinyinWords() }
        guard let fields = node.fields else {
            log.report(ModelError.wrongType(location: node.location, field: "pinyin", expected: "词语与拼音的对照（如 银行: yin-hang）"))
            return PinyinWords()
        }
        var mapping: [String: String] = [:]
        for field in fields {
            guard let reading = field.value.scalar, reading.unicodeScalars.allSatisfy({ $0.isASCII }) else {
                log.report(ModelError.wrongType(location: field.value.location, field: "pinyin",
                                                expected: "“\(field.key)”的拼音，用英文字母和连字符书写（如 yin-hang）"))
                continue
            }
            mapping[field.key] = reading
        }
        return PinyinWords(mapping)
    }

    /// A vocabulary's values in order; one written twice counts once, with a warning naming both places.
    private static func readVocabulary(_ key: String, reader: FieldReader, log: DiagnosticLog) -> [String] {
        let values = reader.stringList(key) ?? []
        guard Set(values).count < values.count, case let .sequence(items)? = reader.node.field(key)?.kind else { return values }
        var firstPlace: [String: SourceLocation] = [:]
        var kept: [String] = []
        for item in items {
            guard let value = item.scalar?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { continue }
            if let first = firstPlace[value] {
                log.report(ModelError.duplicateVocabularyValue(location: item.location, list: key, value: value, first: first))
            } else {
                firstPlace[value] = item.location
                kept.append(value)
            }
        }
        return kept
    }

    private static func readBranches(_ node: YAMLNode?, log: DiagnosticLog) -> [Branch] {
        guard let node, !node.isNull else { return [] }
        guard case let .sequence(items) = node.kind else {
            log.report(ModelError.wrongType(location: node.location, field: "branches", expected: "支部列表（每项含 id 与 name）"))
            return []
        }
        var branches: [Branch] = []
        var seen = Set<String>()
        var named: [String: SourceLocation] = [:]
        for item in items {
            let reader = FieldReader(node: item, log: log)
            guard item.fields != nil, let id = reader.string("id"), let name = reader.string("name") else {
                log.report(ModelError.invalidSiteSetting(location: item.location, setting: "branches",
                                                         problem: "每个支部需要写 id（英文编号）与 name（名称）两项"))
                continue
            }
            if !Slug.isValid(id) {
                log.report(ModelError.invalidSiteSetting(location: item.field("id")!.location, setting: "branches.id",
                                                         problem: "支部编号“\(id)”只能使用小写英文字母、数字和连字符，例如 jiguan-1"))
                continue
            }
            if !seen.insert(id).inserted {
                log.report(ModelError.duplicateBranch(location: item.field("id")!.location, id: id))
                continue
            }
            let nameLocation = item.field("name")?.location ?? item.location
            if let first = named[name] {
                log.report(ModelError.duplicateBranchName(location: nameLocation, name: name, first: first))
            } else {
                named[name] = nameLocation
            }
            branches.append(Branch(id: id, name: name))
        }
        return branches
    }

    /// `holidays: [2026-10-01, 2026-10-02]`: each a date; a wrong one is reported where it is written.
    private static func readHolidays(_ node: YAMLNode?, log: DiagnosticLog) -> Set<EntryDate> {
        guard let node, !node.isNull else { return [] }
        let items: [YAMLNode]
        switch node.kind {
        case let .sequence(list): items = list
        case .scalar: items = [node]
        case .mapping:
            log.report(ModelError.wrongType(location: node.location, field: "holidays", expected: "日期列表，每项一行“- 2026-10-01”"))
            return []
        }
        var days = Set<EntryDate>()
        for item in items where !item.isNull {
            if let text = item.scalar, let day = EntryDate(parsing: text) {
                days.insert(day.dayOnly)
            } else {
                log.report(ModelError.invalidSiteSetting(location: item.location, setting: "holidays",
                                                         problem: "“\(item.scalar ?? "")”不是日期，应写作 2026-10-01"))
            }
        }
        return days
    }

    /// `ratings: {period: quarter}`: month, quarter or year.
    private static func readPeriod(_ node: YAMLNode?, key: String, log: DiagnosticLog) -> EntryPeriod? {
        guard let node, !node.isNull else { return nil }
        let reader = FieldReader(node: node, log: log)
        guard let text = reader.string("period") else { return nil }
        guard let period = EntryPeriod(rawValue: text) else {
            reader.invalid("period", problem: "\(key) 的周期“\(text)”应为 month（每月）、quarter（每季度）或 year（每年）")
            return nil
        }
        return period
    }

    private static func readBulletin(_ node: YAMLNode?, into config: inout SiteConfig, log: DiagnosticLog) {
        guard let node, !node.isNull else { return }
        let reader = FieldReader(node: node, log: log)
        if let fullText = reader.bool("full_text") { config.bulletinFullText = fullText }
        guard let period = reader.string("period") else { return }
        if let value = BulletinPeriod(rawValue: period) { config.bulletinPeriod = value }
        else { reader.invalid("period", problem: "简报周期“\(period)”应为 month（每月）或 week（每周）") }
    }

    static let boardKeys = ["width_mm", "height_mm", "bleed_mm", "crop_marks"]

    /// `board: {width_mm: 900, height_mm: 1200, bleed_mm: 3, crop_marks: true}`: a mapping of these
    /// keys, each with a value; anything else is reported where it is written.
    private static func readBoard(_ node: YAMLNode?, into config: inout SiteConfig, log: DiagnosticLog) {
        guard let node, !node.isNull else { return }
        guard let fields = node.fields else {
            log.report(ModelError.wrongType(location: node.location, field: "board",
                                            expected: "展板设置，每项另起一行并缩进（如“  width_mm: 900”“  height_mm: 1200”），不能写成一个值"))
            return
        }
        for field in fields {
            if !boardKeys.contains(field.key) {
                log.report(ModelError.unknownField(location: field.keyLocation, field: field.key, suggestion: boardKey(near: field.key)))
            } else if field.value.isNull {
                log.report(ModelError.invalidSiteSetting(location: field.keyLocation, setting: field.key,
                                                         problem: "没有填写数值，请写上（如 \(field.key): \(boardExample[field.key] ?? "")），或删去这一行使用默认值"))
            }
        }
        let reader = FieldReader(node: node, log: log)
        for (key, keyPath) in [("width_mm", \BoardSize.widthMM), ("height_mm", \BoardSize.heightMM)] {
            guard let size = reader.positiveNumber(key) else { continue }
            // A size in metres or centimetres (0.9, 90) would print a board a few millimetres wide.
            guard BoardSize.sensibleMM.contains(size) else {
                reader.invalid(key, problem: "展板尺寸 \(CardMaker.format(size)) 毫米不合常理：单位是毫米，"
                    + "应在 \(Int(BoardSize.sensibleMM.lowerBound))–\(Int(BoardSize.sensibleMM.upperBound)) 之间（0.9 米写作 900）")
                continue
            }
            config.board[keyPath: keyPath] = size
        }
        if let bleed = reader.number("bleed_mm") {
            if (0...50).contains(bleed) { config.board.bleedMM = bleed }
            else { reader.invalid("bleed_mm", problem: "出血 \(CardMaker.format(bleed)) 毫米有误：应在 0–50 毫米之间，通常为 3") }
        }
        if let marks = reader.bool("crop_marks") { config.board.cropMarks = marks }
    }

    private static let boardExample = ["width_mm": "900", "height_mm": "1200", "bleed_mm": "3", "crop_marks": "true"]

    /// The board key meant by a mistyped one: the closest by spelling, or the one it leaves the unit off
    /// (`width` for `width_mm`); else all of them.
    private static func boardKey(near key: String) -> String {
        Suggestion.closest(to: key, among: boardKeys) ?? boardKeys.first { $0.hasPrefix(key.lowercased() + "_") }
            ?? boardKeys.dropLast().joined(separator: "、") + " 或 " + boardKeys[boardKeys.count - 1]
    }
}
