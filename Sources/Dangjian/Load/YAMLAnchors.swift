// libyaml itself, as Yams builds it: SwiftPM hands every target the module maps of the C targets
// below it, so its scanner can be asked for tokens without Yams composing (and sharing) anything.
import CYaml

/// Anchors (`&name`) and aliases (`*name`) are refused in front matter and site.yml: nobody writing
/// a talk needs them, and an alias bomb (nine levels of nine aliases each) expands to 387 million
/// values, which took minutes and gigabytes before. libyaml's scanner finds the first one in one
/// pass over the text, before anything is built from it.
enum YAMLAnchors {
    struct Found: Equatable {
        /// 1-based, within the text.
        let line: Int
        let column: Int
        let isAlias: Bool
    }

    /// The first anchor or alias of `text`, if any. Text that the scanner cannot read is left to
    /// the parser, which says what is wrong with it.
    static func first(in text: String) -> Found? {
        let ampersand = UInt8(ascii: "&"), star = UInt8(ascii: "*")
        guard text.utf8.contains(where: { $0 == ampersand || $0 == star }) else { return nil }
        var bytes = Array(text.utf8)
        bytes.append(0)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeBufferPointer { buffer -> Found? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count - 1)
            var token = yaml_token_t()
            while yaml_parser_scan(&parser, &token) == 1 {
                let type = token.type
                let mark = token.start_mark
                yaml_token_delete(&token)
                switch type {
                case YAML_ANCHOR_TOKEN, YAML_ALIAS_TOKEN:
                    return Found(line: Int(mark.line) + 1, column: Int(mark.column) + 1, isAlias: type == YAML_ALIAS_TOKEN)
                case YAML_STREAM_END_TOKEN, YAML_NO_TOKEN:
                    return nil
                default:
                    continue
                }
            }
            return nil
        }
    }
}
