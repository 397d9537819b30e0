/// What a front matter field holds, as the writer types it.
public enum FieldType: Sendable, Hashable {
    /// One piece of text (numbers and dates written without quotes are text too).
    case text
    /// A list of texts; a single text counts as a list of one.
    case texts
    /// A whole number above 0 (a salon's 期数).
    case positiveInteger
    /// A number above 0 (a talk's minutes).
    case positiveNumber
    /// true or false (also 是 / 否).
    case flag
    /// One of the values site.yml lists under this key (`talk_series`, `brand_categories` …).
    case choice(vocabulary: String)
    /// A branch of site.yml, by id or by name.
    case branch
    /// Another entry of the kind with this id, by its file name, slug or title.
    case reference(kind: String)
    /// A picture or file beside the entry (a certificate), by its path relative to the entry's file.
    case asset
    /// A score from 1 to `maximum` for each of some branches (`jiguan-1: 5`): a star rating.
    case branchScores(maximum: Int)
}

/// What the rest of the product does with a field beyond showing it.
public enum FieldRole: Sendable, Hashable {
    /// The entry's branch (支部): branch pages, the search filter, statistics per branch.
    case branch
    /// The entry's number (第N期): its address, its own bulletin, its place in lists; unique within the kind.
    case number
    /// The field's values have pages of their own (`series/<slug>/index.html`).
    case series
    /// The person the entry is by (the feed's author).
    case author
    /// A reference whose target's branch becomes the entry's branch.
    case inheritsBranch
    /// The field names people (主讲人): each gets a page listing what they gave.
    case person
    /// Attendance (人次): summed per month, year, branch and kind on the statistics page and in reports.
    case attendance
    /// The entry's video (an `asset` field): absent, it is the MP4 or WebM of the entry's own file name;
    /// the file is checked and probed (`Media/`), its page plays it with a poster and its duration.
    case video
}

/// How search sees a field: as a name the entry is filed under (tags, people, branches), as text, or not at all.
public enum SearchUse: Sendable, Hashable {
    case name
    case text
    case none
}

/// One field of a kind of entry: its name in front matter, its Chinese label (for messages), its
/// type, whether it must be there, and what else it is used for.
public struct FieldSpec: Sendable, Hashable {
    public let name: String
    public let label: String
    public let type: FieldType
    public let isRequired: Bool
    public let roles: Set<FieldRole>
    public let search: SearchUse
    /// The value taken when the field is absent (numbers only).
    public let defaultNumber: Double?
    /// How a number is written on pages: `第%d期` shows 12 as 第12期 (as `<name>Text`).
    public let numberFormat: String?
    /// For lists printed in a fixed space (a brand's highlights on its board): more items or longer
    /// ones than this are a warning where they are written.
    public let printLimit: PrintLimit?
    /// The largest number the field takes (numbers only): beyond it a value is a typo, and sums of
    /// such values (人次 per year) could not be counted.
    public let maximum: Double

    /// A million: no count, number or length of this product's entries comes near it.
    public static let defaultMaximum: Double = 1_000_000

    public init(_ name: String, label: String, type: FieldType, required: Bool = false, roles: Set<FieldRole> = [],
                search: SearchUse = .none, defaultNumber: Double? = nil, numberFormat: String? = nil,
                printLimit: PrintLimit? = nil, maximum: Double? = nil) {
        self.name = name
        self.label = label
        self.type = type
        isRequired = required
        self.roles = roles
        self.search = search
        self.defaultNumber = defaultNumber
        self.numberFormat = numberFormat
        self.printLimit = printLimit
        self.maximum = maximum ?? Self.defaultMaximum
    }

    /// Whether a number is one the field takes: above 0 and at most its maximum.
    func allows(_ number: Double) -> Bool { number > 0 && number <= maximum }

    public func has(_ role: FieldRole) -> Bool { roles.contains(role) }

    /// The site.yml key of the list a choice field chooses from.
    public var vocabulary: String? {
        if case let .choice(vocabulary) = type { return vocabulary }
        return nil
    }

    /// The id of the kind a reference field names.
    public var referencedKind: String? {
        if case let .reference(kind) = type { return kind }
        return nil
    }

    /// `第12期` for 12 with the format `第%d期`.
    func numberText(_ number: Int) -> String? {
        guard let numberFormat else { return nil }
        return numberFormat.replacingOccurrences(of: "%d", with: "\(number)")
    }
}

/// How many items of a list, and how long each, fit where the list is printed.
public struct PrintLimit: Sendable, Hashable {
    public let items: Int
    public let characters: Int
    /// Where it is printed, for messages (展板).
    public let place: String

    public init(items: Int, characters: Int, place: String) {
        self.items = items
        self.characters = characters
        self.place = place
    }
}

/// A field's value once read and checked. Choices are kept as the text of the chosen value.
public enum FieldValue: Sendable, Hashable {
    case text(String)
    case texts([String])
    case integer(Int)
    case number(Double)
    case flag(Bool)
    case branch(Branch)
    /// Another entry as the writer named it; the model stage resolves it (`Entry.references`).
    case reference(String)
    /// A file's path relative to `content/`, checked to exist.
    case asset(String)
    /// Scores of branches, in the order written.
    case scores([BranchScore])

    public var text: String? {
        if case let .text(value) = self { return value }
        return nil
    }

    public var texts: [String] {
        switch self {
        case let .texts(values): return values
        case let .text(value): return [value]
        default: return []
        }
    }

    public var integer: Int? {
        if case let .integer(value) = self { return value }
        return nil
    }

    public var branch: Branch? {
        if case let .branch(value) = self { return value }
        return nil
    }

    public var scores: [BranchScore] {
        if case let .scores(values) = self { return values }
        return []
    }
}

/// A branch's score in a rating (its stars).
public struct BranchScore: Sendable, Hashable {
    public let branch: Branch
    public let score: Int
}
