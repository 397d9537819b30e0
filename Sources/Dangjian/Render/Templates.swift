import Foundation
import Mustache

/// The theme's Mustache templates, loaded from `templates/` at run time and compiled once.
/// The only file that knows the template engine exists.
public struct TemplateSet: @unchecked Sendable {
    private let library: MustacheLibrary
    /// Every template's name (its path below `templates/` without `.mustache`).
    public let names: Set<String>
    /// The files below `templates/assets/`, relative to it, sorted.
    public let assets: [String]
    /// The fingerprint of every template's name and text: pages render alike only under the same one.
    let fingerprint: ContentDigest
    /// For each template, the fingerprint of the templates its pages are made with, and the names
    /// they can look up (`TemplateReads`); empty when unknown (then `fingerprint` and every name count).
    let reads: [String: (fingerprint: ContentDigest, names: Set<String>)]

    /// Reads every `*.mustache` file below `folder` (each set to escape with `FastHTMLEscaping`); each is named by its path without the extension
    /// (`partials/card`), which is also how pages and partials refer to it. Nothing outside `root` (the site root) is read:
    /// a `templates/` that is a link out of it, or a template or theme file that is one, is an error.
    public static func load(from folder: URL, root: URL, log: DiagnosticLog, cache: TemplateParseCache? = nil) -> TemplateSet? {
        let display = "templates"
        guard FileManager.default.fileExists(atPath: folder.path) else {
            log.report(RenderError.missingTemplatesFolder(file: display + "/"))
            return nil
        }
        guard let listing = ContentWalker.listing(of: folder, root: root, display: display + "/", log: log) else { return nil }
        var failed = !listing.unreadable.isEmpty
        for (path, refusal) in listing.refused.sorted(by: { $0.key < $1.key })
            where path.hasSuffix(".mustache") || path.hasPrefix(assetsFolder) {
            log.report(LoadError.refusedFile(file: "\(display)/\(path)", refusal: refusal))
            failed = true
        }
        var library = MustacheLibrary()
        var texts: [String: String] = [:]
        let names = listing.files.filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) }
        let rootPath = FileTree.realPath(root.path)
        for name in names {
            let file = "\(display)/\(name).mustache"
            do {
                let text = try readTemplate(folder.appendingPathComponent(name + ".mustache"), file: file, root: rootPath)
                texts[name] = text
                try library.register(cache?.template(for: text) ?? TemplateParseCache.parse(text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                let location = SourceLocation(file: file, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber)
                log.report(RenderError.templateSyntax(location: location, problem: "\(error.error)"))
                failed = true
            } catch let error as any DiagnosticConvertible {
                log.report(error)
                failed = true
            } catch {
                log.report(RenderError.unreadableTemplate(file: file, reason: error.localizedDescription))
                failed = true
            }
        }
        for reference in TemplateReferences.find(in: texts) where !names.contains(reference.name) {
            log.report(RenderError.missingPartial(location: SourceLocation(file: "\(display)/\(reference.from).mustache",
                                                                        line: reference.line, column: reference.column),
                                                  name: reference.name))
            failed = true
        }
        let assets = listing.files.filter { $0.hasPrefix(assetsFolder) }.map { String($0.dropFirst(assetsFolder.count)) }
        cache?.keep(Set(texts.values))
        return failed ? nil : TemplateSet(library: library, names: Set(names), assets: assets, fingerprint: fingerprint(of: texts), reads: reads(of: texts))
    }

    private static func reads(of texts: [String: String]) -> [String: (fingerprint: ContentDigest, names: Set<String>)] {
        (TemplateReads.reads(in: texts) ?? [:]).mapValues { reads in
            (fingerprint(of: texts.filter { reads.templates.contains($0.key) }), reads.names)
        }
    }

    private static func fingerprint(of texts: [String: String]) -> ContentDigest {
        var hasher = ContentHasher()
        for name in texts.keys.sorted() {
            hasher.feed(name)
            hasher.feed(texts[name] ?? "")
        }
        return hasher.finish()
    }

    /// The theme's own files (CSS, scripts, icons), copied into the site as `assets/…`.
    static let assetsFolder = "assets/"

    private static func readTemplate(_ url: URL, file: String, root: String?) throws -> String {
        switch SafeFile.read(url.path, root: root) {
        case let .success(data):
            guard let text = String(data: data, encoding: .utf8) else {
                throw RenderError.unreadableTemplate(file: file, reason: "不是 UTF-8 编码")
            }
            return text
        case let .failure(.refused(refusal)): throw LoadError.refusedFile(file: file, refusal: refusal)
        case let .failure(.system(code)): throw RenderError.unreadableTemplate(file: file, reason: SystemError.reason(code))
        }
    }

    /// Reports each of `needed` the theme lacks; true when it has them all.
    public func require(_ needed: Set<String>, log: DiagnosticLog) -> Bool {
        let missing = needed.subtracting(names).sorted()
        for name in missing { log.report(RenderError.missingTemplate(file: "templates/\(name).mustache")) }
        return missing.isEmpty
    }

    /// Renders `values` with the named template (which `require` has checked is there).
    public func render(_ name: String, _ values: TemplateMap) -> String {
        library.render(values, withTemplate: name) ?? ""
    }

    public func has(_ name: String) -> Bool {
        names.contains(name)
    }
}

/// Parsed templates by their text, kept by the preview server from one rebuild to the next: a
/// change to one entry does not parse the theme again.
public final class TemplateParseCache: @unchecked Sendable {
    private let lock = NSLock()
    private var parsed: [String: MustacheTemplate] = [:]

    public init() {}

    static func parse(_ text: String) throws -> MustacheTemplate {
        try MustacheTemplate(string: FastHTMLEscaping.pragma + text)
    }

    func template(for text: String) throws -> MustacheTemplate {
        if let known = lock.withLock({ parsed[text] }) { return known }
        let made = try Self.parse(text)
        lock.withLock { parsed[text] = made }
        return made
    }

    /// Forgets the templates whose text the theme no longer has.
    func keep(_ texts: Set<String>) {
        lock.withLock { parsed = parsed.filter { texts.contains($0.key) } }
    }
}

extension TemplateMap: MustacheParent {
    public func child(named name: String) -> Any? { lookup(name) }
}

extension TemplateValue: MustacheCustomRepresentation {
    /// What the engine sees: plain text, numbers, flags, lists and maps; nothing for `absent`.
    public var representation: Any? {
        switch self {
        case let .text(text): return text
        case let .number(number): return number
        case let .flag(flag): return flag
        case let .list(items): return items
        case let .map(map): return map
        case let .deferred(deferred): return deferred.text
        case .absent: return nil
        }
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
