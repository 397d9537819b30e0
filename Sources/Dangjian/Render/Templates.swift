import Foundation
import Mustache

/// The theme's Mustache templates, loaded from `templates/` at run time and compiled once.
/// The only file that knows the template engine exists.
public struct TemplateSet: @unchecked Sendable {
    /// Templates every theme must have (file names without `.mustache`).
    public static let required = ["home", "brand", "salon", "talk", "page", "list", "brands", "salons", "talks",
                                  "branch", "terms", "bulletin", "bulletins", "board", "boards", "album"]

    private let library: MustacheLibrary

    /// Reads every `*.mustache` file below `folder` (each set to escape with `FastHTMLEscaping`); each is named by its path without the extension
    /// (`partials/card`), which is also how pages and partials refer to it.
    public static func load(from folder: URL, log: DiagnosticLog) -> TemplateSet? {
        let display = "templates"
        guard FileManager.default.fileExists(atPath: folder.path) else {
            log.report(RenderError.missingTemplatesFolder(file: display + "/"))
            return nil
        }
        var library = MustacheLibrary()
        var failed = false
        for name in templateNames(in: folder) {
            let file = "\(display)/\(name).mustache"
            do {
                let text = try String(contentsOf: folder.appendingPathComponent(name + ".mustache"), encoding: .utf8)
                try library.register(MustacheTemplate(string: FastHTMLEscaping.pragma + text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                let location = SourceLocation(file: file, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber)
                log.report(RenderError.templateSyntax(location: location, problem: "\(error.error)"))
                failed = true
            } catch {
                log.report(RenderError.unreadableTemplate(file: file, reason: error.localizedDescription))
                failed = true
            }
        }
        for name in required where library.getTemplate(named: name) == nil && !failed {
            log.report(RenderError.missingTemplate(file: "\(display)/\(name).mustache"))
            failed = true
        }
        return failed ? nil : TemplateSet(library: library)
    }

    /// Renders `context` (dictionaries, arrays, strings, numbers, booleans) with the named template.
    public func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    public func has(_ name: String) -> Bool {
        library.getTemplate(named: name) != nil
    }

    private static func templateNames(in folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil,
                                                              options: [.skipsHiddenFiles]) else { return [] }
        let base = folder.standardizedFileURL.path + "/"
        var names: [String] = []
        for case let url as URL in enumerator where url.pathExtension == "mustache" {
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(base) else { continue }
            names.append(String(path.dropFirst(base.count).dropLast(".mustache".count)))
        }
        return names.sorted()
    }
}

/// HTML escaping for `{{value}}`, byte by byte: the engine's own escaper walks every string by
/// grapheme and looks each one up in a dictionary, a tenth of the render time on a large site. The
/// same five characters are escaped (`& < > " '`); text without them is returned as it is. Each
/// template is read with the engine's content-type pragma in front, on a line of its own (a
/// standalone tag, so it leaves no trace in the output; messages subtract that line again).
struct FastHTMLEscaping: MustacheContentType {
    static let name = "dangjian-html"
    static let pragma: String = {
        MustacheContentTypes.register(FastHTMLEscaping(), named: name)
        return "{{% CONTENT_TYPE: \(name)}}\n"
    }()

    func escapeText(_ text: String) -> String {
        guard text.utf8.contains(where: Self.isSpecial) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "<"): bytes += Array("&lt;".utf8)
            case UInt8(ascii: ">"): bytes += Array("&gt;".utf8)
            case UInt8(ascii: "&"): bytes += Array("&amp;".utf8)
            case UInt8(ascii: "\""): bytes += Array("&quot;".utf8)
            case UInt8(ascii: "'"): bytes += Array("&#39;".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
