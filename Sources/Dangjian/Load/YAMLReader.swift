import Yams

/// Parses YAML text into `YAMLNode`s. The only file that knows Yams exists.
enum YAMLReader {
    /// - Parameters:
    ///   - firstLine: the file line the text starts on, so positions point into the file.
    static func parse(_ text: String, file: String, firstLine: Int) -> Result<YAMLNode?, LoadError> {
        if let anchor = YAMLAnchors.first(in: text) {
            let location = SourceLocation(file: file, line: anchor.line + firstLine - 1, column: anchor.column)
            return .failure(.yamlAlias(location: location, isAlias: anchor.isAlias))
        }
        do {
            // Only each scalar's text and quoting are read (`convert`), never a tag Yams would infer:
            // the basic resolver spares the regular expressions its duplicate-key check would run on
            // every key, and naming the encoding spares reading the environment for every file.
            guard let node = try Yams.compose(yaml: text, .basic, .default, .utf8) else { return .success(nil) }
            var duplicate: LoadError?
            let converted = convert(node, file: file, lineOffset: firstLine - 1, duplicate: &duplicate)
            if let duplicate { return .failure(duplicate) }
            return .success(converted)
        } catch let error as YamlError {
            return .failure(describe(error, file: file, lineOffset: firstLine - 1))
        } catch {
            return .failure(.yamlSyntax(location: SourceLocation(file: file, line: firstLine), problem: "\(error)"))
        }
    }

    private static func convert(_ node: Node, file: String, lineOffset: Int, duplicate: inout LoadError?) -> YAMLNode {
        let location = locate(node.mark, file: file, lineOffset: lineOffset)
        switch node {
        case let .scalar(scalar):
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
            let isText = quoted || scalar.style == .literal || scalar.style == .folded
            return YAMLNode(.scalar(scalar.string, quoted: isText), location: location)
        case let .sequence(sequence):
            return YAMLNode(.sequence(sequence.map { convert($0, file: file, lineOffset: lineOffset, duplicate: &duplicate) }),
                            location: location)
        case let .mapping(mapping):
            var fields: [YAMLField] = []
            var seen = Set<String>()
            for (key, value) in mapping {
                let keyText = key.string ?? "\(key)"
                let keyLocation = locate(key.mark, file: file, lineOffset: lineOffset)
                if !seen.insert(keyText).inserted, duplicate == nil {
                    duplicate = .duplicateKey(location: keyLocation, key: keyText)
                }
                fields.append(YAMLField(key: keyText, keyLocation: keyLocation,
                                        value: convert(value, file: file, lineOffset: lineOffset, duplicate: &duplicate)))
            }
            return YAMLNode(.mapping(fields), location: location)
        case let .alias(alias):
            // (Not made by Yams' composer, which puts the anchored node in its place; refused before anyway.)
            return YAMLNode(.scalar("*\(alias.anchor)", quoted: true), location: location)
        }
    }

    private static func locate(_ mark: Mark?, file: String, lineOffset: Int) -> SourceLocation {
        guard let mark else { return SourceLocation(file: file, line: lineOffset + 1, column: 1) }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    private static func describe(_ error: YamlError, file: String, lineOffset: Int) -> LoadError {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return .yamlSyntax(location: locate(mark, file: file, lineOffset: lineOffset), problem: translate(problem))
        case let .duplicatedKeysInMapping(duplicates, context):
            return .duplicateKey(location: locate(context.mark, file: file, lineOffset: lineOffset),
                                 key: duplicates.joined(separator: "、"))
        default:
            return .yamlSyntax(location: SourceLocation(file: file, line: lineOffset + 1, column: 1), problem: "\(error)")
        }
    }

    /// libyaml's English problem statements, in the users' words where we know them.
    private static func translate(_ problem: String) -> String {
        let known: [(String, String)] = [
            ("mapping values are not allowed", "此处不能再出现冒号，含冒号的值请加引号"),
            ("could not find expected ':'", "缺少冒号"),
            ("found character that cannot start any token", "含有不能出现在开头的字符，请给值加引号"),
            ("did not find expected key", "缩进不一致或缺少“字段:”"),
            ("found unexpected end of stream", "引号或括号没有闭合"),
            ("did not find expected ',' or ']'", "列表 [...] 没有闭合或缺少逗号"),
            ("found a tab character", "使用了制表符，请改用空格缩进"),
            ("did not find expected '-' indicator", "列表项应以“- ”开头且缩进一致"),
            ("Maximum nesting level reached", "括号或缩进嵌套超过 1000 层"),
            ("did not find expected alphabetic or numeric character", "以 * 或 & 开头的值须加引号"),
            ("control characters are not allowed", "含有不可见的控制字符"),
        ]
        for (english, chinese) in known where problem.contains(english) { return chinese }
        return problem
    }
}
