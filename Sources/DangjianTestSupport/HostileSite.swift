import Dangjian
import Foundation

/// A whole site whose every author-written text is a script-injection attempt, for `TestSite`.
///
/// For each kind of the catalog there are as many entries as payloads; entry *i* carries payload
/// *i* in every text field of its kind (lists get it and the next one), in its tags, and, when a
/// field names a site.yml value (a series, a category, a level, a branch) or another entry (a case's
/// brand), in that value, which site.yml and the other entry carry too. site.yml's branch names,
/// vocabularies and roster entries are the payloads; its single strings (title, organization, the
/// album's title) hold all of them in a row. Bodies hold the payload, every Markdown-syntax attack
/// and raw HTML, with `unsafe_html` off. Pictures (covers, certificates) have file names that try
/// to break out of the attribute they are written into.
public struct HostileSite: Sendable {
    public let payloads: [String]
    public let markdown: [String]
    public let catalog: KindCatalog
    /// Every place a payload was written, as `kind.field` or `site.yml key`, for the report.
    public private(set) var places: [String] = []
    public private(set) var files: [String: String] = [:]

    /// File names of pictures: no `/`, but quotes, angle brackets and a scheme-like start.
    public static let pictureNames = ["\"><img src=x onerror=alert(201)>.png", "'><svg onload=alert(202)>.png",
                                      "javascript:alert(203).png", "x\" onerror=\"alert(204).png"]
    /// A video lesson's file, named with quotes and angle brackets too.
    public static let videoName = "\"><svg onload=alert(207)>.mp4"

    public init(payloads: [String] = XSSPayloads.text, markdown: [String] = XSSPayloads.markdown,
                catalog: KindCatalog = .standard) {
        self.payloads = payloads
        self.markdown = markdown
        self.catalog = catalog
        files["content/site.yml"] = siteYML()
        for name in Self.pictureNames + ["x.png", Self.videoName] { files["content/images/\(name)"] = "" }
        for kind in catalog.kinds {
            for index in payloads.indices { addEntry(kind, index) }
        }
    }

    /// The text `TestSite` takes: every file, pictures as placeholders written by `writePictures`.
    public var text: String {
        files.filter { !$0.key.hasSuffix(".png") && !$0.key.hasSuffix(".mp4") }.sorted { $0.key < $1.key }
            .map { "-- \($0.key) --\n\($0.value)" }.joined(separator: "\n")
    }

    /// The pictures, as real 1×1 PNG files (the inline text cannot hold binary data).
    public func writePictures(into site: TestSite) throws {
        let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==")!
        for name in files.keys where name.hasSuffix(".png") { try site.write(name, data: png) }
        if files.keys.contains(where: { $0.hasSuffix(".mp4") }) {
            let video = try TestVideo.data(seconds: 1)
            for name in files.keys where name.hasSuffix(".mp4") { try site.write(name, data: video) }
        }
    }

    /// A picture beside each entry file, linked from its body as `./javascript:alert(206).png`.
    public static let besideName = "javascript:alert(206).png"

    public static let baseURL = "http://intranet.example/dj/"

    public static func branchID(_ index: Int) -> String { "zhi-bu-\(index + 1)" }

    private func payload(_ index: Int) -> String { payloads[index % payloads.count] }

    private mutating func note(_ place: String) {
        if !places.contains(place) { places.append(place) }
    }

    private mutating func siteYML() -> String {
        let all = XSSPayloads.yaml(payloads.joined(separator: " "))
        // base_url makes the feed and sitemap absolute and puts QR codes on bulletins and boards.
        var lines = ["title: \(all)", "organization: \(all)", "base_url: \(Self.baseURL)", "timezone: Asia/Shanghai", "branches:"]
        for index in payloads.indices {
            lines += ["  - id: \(Self.branchID(index))", "    name: \(XSSPayloads.yaml(payload(index)))"]
        }
        for vocabulary in catalog.vocabularies {
            lines.append("\(vocabulary):")
            lines += payloads.map { "  - \(XSSPayloads.yaml($0))" }
            note("site.yml \(vocabulary)")
        }
        lines.append("speakers:")
        // One roster entry per person: payloads that name the same person (the same but for spaces or
        // a note in brackets at the end, as `javascript:alert(16)`) would be a duplicate roster entry.
        var people = Set<String>()
        for index in payloads.indices where people.insert(PeopleNames.key(payload(index))).inserted {
            let value = XSSPayloads.yaml(payload(index))
            lines += ["  - name: \(value)", "    branch: \(Self.branchID(index))", "    team: \(value)", "    role: \(value)"]
        }
        for setting in catalog.kinds.compactMap(\.period) { lines += ["\(setting.siteKey):", "  period: month"] }
        lines += ["album:", "  title: \(all)", "unsafe_html: false", "bulletin:", "  full_text: true"]
        for place in ["title", "organization", "branches.name", "speakers.name", "speakers.team", "speakers.role", "album.title"] {
            note("site.yml \(place)")
        }
        return lines.joined(separator: "\n")
    }

    private mutating func addEntry(_ kind: EntryKind, _ index: Int) {
        let day = EntryDay(index: index)
        let path = path(of: kind, index: index, day: day)
        let images = String(repeating: "../", count: path.filter { $0 == "/" }.count) + "images/"
        var lines = ["---", "title: \(XSSPayloads.yaml(payload(index)))", "date: \(day.text)",
                     "summary: \(XSSPayloads.yaml(payload(index)))",
                     "tags: [\(XSSPayloads.yaml(payload(index))), \(XSSPayloads.yaml(payload(index + 1)))]",
                     "cover: \(XSSPayloads.yaml(images + Self.pictureNames[index % Self.pictureNames.count]))"]
        for place in ["title", "summary", "tags", "cover"] { note("\(kind.id).\(place)") }
        for field in kind.fields {
            guard let value = value(of: field, index: index, images: images) else { continue }
            lines.append("\(field.name): \(value)")
            if value.hasPrefix("\"") || value.hasPrefix("[\"") { note("\(kind.id).\(field.name)") }
        }
        // A picture beside the entry, named like an address with a scheme, linked with `./`.
        let folder = path.split(separator: "/").dropLast().joined(separator: "/")
        files["content/\(folder)/\(Self.besideName)"] = ""
        lines += ["---", "", body(index, images: images), "[证书原件](./\(Self.besideName))", "", "![证书](./\(Self.besideName))"]
        note("\(kind.id) body")
        files["content/\(path)"] = lines.joined(separator: "\n")
    }

    private func value(of field: FieldSpec, index: Int, images: String) -> String? {
        let text = XSSPayloads.yaml(payload(index))
        switch field.type {
        case .text, .choice, .branch, .reference: return text
        case .texts: return "[\(text), \(XSSPayloads.yaml(payload(index + 1)))]"
        case .positiveInteger: return field.roles.contains(.number) ? "\(index + 1)" : "\(index + 10)"
        case .positiveNumber: return "3"
        case .flag: return nil
        case .asset where field.has(.video): return XSSPayloads.yaml(images + Self.videoName)
        case .asset: return XSSPayloads.yaml(images + Self.pictureNames[(index + 1) % Self.pictureNames.count])
        case let .branchScores(maximum):
            return "{\(Self.branchID(index)): \(maximum), \(Self.branchID((index + 1) % payloads.count)): 1}"
        }
    }

    private func body(_ index: Int, images: String) -> String {
        var parts = ["第 \(index + 1) 篇正文：\(payload(index))", payload(index + 3), "![封面](\(images)x.png)"]
        parts += markdown.map { $0.replacingOccurrences(of: "x.png", with: images + "x.png") }
        parts.append("<div>\(payload(index + 5))</div>")
        return parts.joined(separator: "\n\n") + "\n"
    }

    private func path(of kind: EntryKind, index: Int, day: EntryDay) -> String {
        switch kind.address {
        case .dated: return "\(kind.folder)/\(day.year)/\(day.monthText)/\(day.dayText)-e\(index + 1).md"
        case .numbered: return "\(kind.folder)/\(String(format: "%03d", index + 1))-e\(index + 1).md"
        case .periodic: return "\(kind.folder)/\(day.year)-\(day.monthText).md"
        case .named, .topLevel: return "\(kind.folder)/e\(index + 1).md"
        }
    }
}

/// Entry *i*'s date: one a day for talks, and a month apart for kinds with one entry a month.
struct EntryDay {
    let year: Int, month: Int, day: Int

    init(index: Int) {
        let months = 2021 * 12 + index
        year = months / 12
        month = months % 12 + 1
        day = index % 28 + 1
    }

    var monthText: String { String(format: "%02d", month) }
    var dayText: String { String(format: "%02d", day) }
    var text: String { "\(year)-\(monthText)-\(dayText)" }
}
