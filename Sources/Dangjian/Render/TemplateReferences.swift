/// The partials (`{{> name}}`) and parents (`{{< name}}`) a theme's templates name, with where they
/// are named, so a misspelt or missing one is an error rather than an empty spot in every page.
enum TemplateReferences {
    struct Reference: Equatable {
        let name: String
        /// The naming template.
        let from: String
        let line: Int
        let column: Int
    }

    static func find(in texts: [String: String]) -> [Reference] {
        texts.keys.sorted().flatMap { name in references(in: texts[name]!, from: name) }
    }

    static func references(in text: String, from template: String) -> [Reference] {
        var found: [Reference] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let after = rest[open.upperBound...]
                guard let sigil = after.first, sigil == ">" || sigil == "<", let close = after.range(of: "}}") else {
                    rest = after
                    continue
                }
                let name = after[after.index(after: after.startIndex)..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if !name.isEmpty {
                    let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                    found.append(Reference(name: name, from: template, line: offset + 1, column: column))
                }
                rest = after[close.upperBound...]
            }
        }
        return found
    }
}
