/// The names under which templates find what a kind or a field gives them, made in one place so
/// that a new kind's keys follow the same pattern as the others' (`talkCount`, `hasTalks`, `isTalk`).
public enum TemplateKeys {
    /// `talkCount`: how many entries of the kind.
    public static func count(_ kind: EntryKind) -> String { kind.id + "Count" }
    /// `hasTalks`: whether there are any.
    public static func has(_ kind: EntryKind) -> String { "has" + capitalized(kind.folder) }
    /// `talks`: the list of them.
    public static func list(_ kind: EntryKind) -> String { kind.folder }
    /// `isTalk`: on every card, true for entries of the kind.
    public static func isKind(_ kind: EntryKind) -> String { "is" + capitalized(kind.id) }
    /// `talkDays`: on how many days there were entries of the daily-run kind.
    public static func days(_ kind: EntryKind) -> String { kind.id + "Days" }
    /// `firstTalkDate`: the day of the first entry of the daily-run kind.
    public static func firstDate(_ kind: EntryKind) -> String { "first" + capitalized(kind.id) + "Date" }
    /// `hasHighlights`: whether a list field has items.
    public static func has(_ field: FieldSpec) -> String { "has" + capitalized(field.name) }
    /// `issueText` (第12期), `speakersText` (甲、乙).
    public static func text(_ field: FieldSpec) -> String { field.name + "Text" }
    /// `speakersLinks`: the people a list field names, each with the address of their page.
    public static func links(_ field: FieldSpec) -> String { field.name + "Links" }
    /// `categoryURL`: the value's place on the kind's index; `speakerURL`: the person's page.
    public static func url(_ field: FieldSpec) -> String { field.name + "URL" }

    /// `starsHistory`: a branch's scores of a score field, newest first (on its page).
    public static func history(_ field: FieldSpec) -> String { camel(field.name) + "History" }
    /// `redFlagHeld`: the entries whose branch field (other than the entry's own branch) names the branch.
    public static func held(_ field: FieldSpec) -> String { camel(field.name) + "Held" }
    /// `red_flag` → `redFlag`.
    public static func camel(_ name: String) -> String {
        let parts = name.split(separator: "_")
        return (parts.first.map(String.init) ?? "") + parts.dropFirst().map { capitalized(String($0)) }.joined()
    }

    static func capitalized(_ name: String) -> String {
        guard let first = name.first else { return name }
        return first.uppercased() + name.dropFirst()
    }
}
