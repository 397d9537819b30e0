/// A person named by entries' person fields (a talk's speaker, a salon's speakers) or listed in
/// site.yml's roster: their page lists what they gave. Spellings that differ only by spaces, or by a
/// note in brackets after the name (何德明（退休老党员，特邀）), are the same person.
public struct PersonGroup: Sendable {
    /// The name as the roster writes it, else its most used spelling, without any note.
    public let name: String
    public let slug: String
    /// Entries naming the person, newest first.
    public let members: [Int]
    /// Their line in the roster, when they have one.
    public let record: SpeakerRecord?
}

/// Builds the people of a site and the warnings about their names.
enum People {
    static func groups(_ entries: [Entry], order: EntryOrder, config: SiteConfig) -> [PersonGroup] {
        var members: [String: [Int]] = [:]
        var spellings: [String: [String: Int]] = [:]
        var forms = PersonNameForms()
        for index in entries.indices {
            for name in names(in: entries[index]) {
                let (key, bare) = forms.of(name)
                guard !key.isEmpty else { continue }
                if members[key]?.last != index { members[key, default: []].append(index) }
                spellings[key, default: [:]][bare, default: 0] += 1
            }
        }
        var records: [String: SpeakerRecord] = [:]
        for record in config.speakers { records[PeopleNames.key(record.name)] = records[PeopleNames.key(record.name)] ?? record }
        let keys = Set(members.keys).union(records.keys).sorted()
        var taken = Set<String>()
        return keys.map { key in
            let name = records[key].map { PeopleNames.bare($0.name) } ?? mostUsed(spellings[key] ?? [:]) ?? key
            let made = Slug.make(from: name, pinyin: config.pinyin)
            let base = made.isEmpty ? "ren" : made
            var slug = base
            var counter = 2
            while !taken.insert(slug).inserted {
                slug = "\(base)-\(counter)"
                counter += 1
            }
            return PersonGroup(name: name, slug: slug, members: order.newestFirst(members[key] ?? []),
                               record: records[key])
        }
    }

    /// The people an entry names, as written.
    static func names(in entry: Entry) -> [String] {
        let values = entry.values
        return entry.kind.personPositions.flatMap { values[$0]?.texts ?? [] }
    }

    /// The spelling used most, the first in order among equals.
    static func mostUsed(_ counts: [String: Int]) -> String? {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.first?.key
    }
}

/// Warnings about people's names: one person written two ways (only spaces differ), and a name
/// that is one slip away from a name of the roster.
enum PeopleCheck {
    static func report(_ entries: [Entry], config: SiteConfig, log: DiagnosticLog) {
        var spellings: [String: [String: Int]] = [:]
        var forms = PersonNameForms()
        for index in entries.indices {
            for name in People.names(in: entries[index]) {
                let (key, bare) = forms.of(name)
                spellings[key, default: [:]][bare, default: 0] += 1
            }
        }
        let roster = Dictionary(config.speakers.map { (PeopleNames.key($0.name), PeopleNames.bare($0.name)) },
                                uniquingKeysWith: { first, _ in first })
        let rosterKeys = Array(roster.keys)
        var preferredByKey: [String: String] = [:]
        var nearByKey: [String: String?] = [:]
        for index in entries.indices {
            let entry = entries[index]
            for position in entry.kind.personPositions {
                let field = entry.kind.fields[position]
                for name in entry.values[position]?.texts ?? [] {
                    let (key, bare) = forms.of(name)
                    let preferred = preferredByKey[key] ?? {
                        let found = roster[key] ?? People.mostUsed(spellings[key] ?? [:]) ?? bare
                        preferredByKey[key] = found
                        return found
                    }()
                    if preferred != bare {
                        log.report(ModelError.personSpelling(location: FieldLocator.location(of: field.name, in: entry),
                                                             label: field.label, name: bare, preferred: preferred))
                    } else if !roster.isEmpty, roster[key] == nil, let near = nearByKey[key] ?? {
                        let found = Suggestion.closest(to: key, among: rosterKeys).flatMap { roster[$0] }
                        nearByKey[key] = found
                        return found
                    }() {
                        log.report(ModelError.personNotInRoster(location: FieldLocator.location(of: field.name, in: entry),
                                                                label: field.label, name: bare, suggestion: near))
                    }
                }
            }
        }
    }
}

/// A name's key and bare spelling, worked out once per distinct spelling: a site names the same few
/// hundred people in thousands of entries.
struct PersonNameForms {
    private var known: [String: (key: String, bare: String)] = [:]

    mutating func of(_ name: String) -> (key: String, bare: String) {
        if let forms = known[name] { return forms }
        let forms = (PeopleNames.key(name), PeopleNames.bare(name))
        known[name] = forms
        return forms
    }
}
