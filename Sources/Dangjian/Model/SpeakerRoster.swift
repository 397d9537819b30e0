/// `speakers:` in site.yml: the roster of speakers (百人讲师团), each with a name and, optionally,
/// a branch, a team (宣讲队) and a role (A 角 / B 角 …).
enum SpeakerRoster {
    static func read(_ node: YAMLNode?, config: SiteConfig, log: DiagnosticLog) -> [SpeakerRecord] {
        guard let node, !node.isNull else { return [] }
        guard case let .sequence(items) = node.kind else {
            log.report(ModelError.wrongType(location: node.location, field: "speakers", expected: "主讲人名册，每项写 name（姓名），可加 branch、team、role"))
            return []
        }
        var records: [SpeakerRecord] = []
        var seen = Set<String>()
        for item in items {
            let reader = FieldReader(node: item, log: log)
            guard item.fields != nil, let name = reader.string("name") else {
                log.report(ModelError.invalidSiteSetting(location: item.location, setting: "speakers",
                                                         problem: "名册中的每一位都要写 name（姓名），例如 - name: 王建华"))
                continue
            }
            let person = PeopleNames.key(name)
            guard seen.insert(person).inserted else {
                log.report(ModelError.invalidSiteSetting(location: item.field("name")!.location, setting: "speakers",
                                                         problem: "“\(name)”在名册中出现了两次：请删除其中一项"))
                continue
            }
            var branch: Branch?
            if let written = reader.string("branch") {
                branch = config.branch(matching: written)
                if branch == nil {
                    log.report(ModelError.unknownValue(location: reader.location(of: "branch"), field: "branch", label: "支部",
                                                       value: written, choices: config.branches.flatMap { [$0.id, $0.name] }))
                }
            }
            _ = reader.warnAboutUnknownKeys(known: ["name", "branch", "team", "role"])
            records.append(SpeakerRecord(name: name, branch: branch, team: reader.string("team"), role: reader.string("role")))
        }
        return records
    }
}

/// People's names as written in front matter: the same person is the same name without spaces and
/// without a note after it in brackets (何德明（退休老党员，特邀） is 何德明).
public enum PeopleNames {
    /// The name without any spaces (ASCII, full-width, no-break): 王 建华 → 王建华.
    static func compact(_ name: String) -> String {
        String(name.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "\u{3000}" }.map(Character.init))
    }

    /// Who a name means: the bare name without spaces. Two names with the same key are one person.
    public static func key(_ name: String) -> String { compact(bare(name)) }

    /// The name without a note in （…） or (…) at its end: 何德明（退休老党员，特邀） → 何德明. A name
    /// that is nothing but a note stays as written.
    static func bare(_ name: String) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard let last = trimmed.last, last == "）" || last == ")",
              let open = trimmed.lastIndex(where: { $0 == "（" || $0 == "(" }) else { return trimmed }
        let person = trimmed[..<open].trimmingCharacters(in: .whitespaces)
        return person.isEmpty ? trimmed : person
    }
}
