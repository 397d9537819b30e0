import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `dangjian tidy`: applies the safe fixes of paste artefacts to entry files — spaces between Han
/// characters removed, half-width punctuation in Chinese sentences made full-width, bullet glyphs
/// made list items, tables of contents (two lines or more) removed, and, when asked, paragraphs
/// broken mid-sentence joined. Front matter is kept byte for byte (a file whose front matter does
/// not end is left alone); the original is kept beside the file as `<name>.orig` unless asked not to.
public enum Tidy {
    public struct Options: Sendable {
        public var keepOriginals = true
        public var joinParagraphs = false
        public var dryRun = false
        public init() {}
    }

    public struct Change: Sendable, Equatable {
        /// 1-based line and character column in the file.
        public let line: Int
        public let column: Int
        public let description: String
    }

    public struct Result: Sendable {
        public let file: String
        public var changes: [Change] = []
        /// Found but not fixed here (to be looked at by a person).
        public var leftAlone = 0
        /// Where the original was kept, when it was.
        public var original: String?
        public var problem: Diagnostic?
    }

    /// Tidies each Markdown file given, and every one in the folders given (hidden ones left out).
    public static func run(_ paths: [URL], options: Options = Options()) -> [Result] {
        files(in: paths).map { tidy($0.url, name: $0.name, options: options) }
    }

    static func tidy(_ url: URL, name: String, options: Options) -> Result {
        var result = Result(file: name)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            result.problem = TidyError.unreadable(file: name).diagnostic
            return result
        }
        guard let text = String(data: data, encoding: .utf8) else {
            result.problem = TidyError.notUTF8(file: name).diagnostic
            return result
        }
        guard let split = FrontMatterSplit(text) else {
            result.problem = TidyError.unclosedFrontMatter(file: name).diagnostic
            return result
        }
        let crlf = split.body.contains("\r\n")
        let body = crlf ? split.body.replacingOccurrences(of: "\r\n", with: "\n") : split.body
        let findings = PasteArtefacts.scan(body)
        let chosen = findings.filter { $0.fix != nil && ($0.fix != PasteFinding.Fix.joinNext || options.joinParagraphs) }
        result.leftAlone = findings.count - chosen.count
        guard !chosen.isEmpty else { return result }
        let (fixed, applied) = TidyFixes.apply(chosen, to: body)
        result.changes = applied.map { Change(line: split.bodyFirstLine - 1 + $0.line, column: $0.column, description: TidyFixes.describe($0)) }
        guard !options.dryRun else { return result }
        let newText = split.front + (crlf ? fixed.replacingOccurrences(of: "\n", with: "\r\n") : fixed)
        if let problem = write(newText, to: url, name: name, keep: options.keepOriginals, result: &result) {
            result.problem = problem
            result.changes = []
        }
        return result
    }

    /// The original linked to `<name>.orig` (an older one there is kept), the new text written
    /// beside the file and renamed over it: the file is whole at every moment.
    private static func write(_ text: String, to url: URL, name: String, keep: Bool, result: inout Result) -> Diagnostic? {
        let original = url.path + ".orig"
        if keep {
            if link(url.path, original) != 0 && errno != EEXIST {
                return TidyError.cannotWrite(file: name, reason: String(cString: strerror(errno))).diagnostic
            }
            result.original = name + ".orig"
        }
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tidy-\(getpid())")
        do {
            try Data(text.utf8).write(to: temporary)
            let mode = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.posixPermissions] as? NSNumber
            if let mode { chmod(temporary.path, mode_t(mode.uint16Value)) }
        } catch {
            return TidyError.cannotWrite(file: name, reason: error.localizedDescription).diagnostic
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            return TidyError.cannotWrite(file: name, reason: reason).diagnostic
        }
        return nil
    }

    static func files(in paths: [URL]) -> [(url: URL, name: String)] {
        var found: [(url: URL, name: String)] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isFolder), isFolder.boolValue else {
                found.append((path, path.relativePath))
                continue
            }
            let base = path.standardizedFileURL.path
            let enumerator = FileManager.default.enumerator(at: path, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
            var inside: [(url: URL, name: String)] = []
            while let url = enumerator?.nextObject() as? URL {
                guard url.pathExtension == "md" else { continue }
                let relative = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
                inside.append((url, (path.relativePath as NSString).appendingPathComponent(relative)))
            }
            found += inside.sorted { $0.name < $1.name }
        }
        return found
    }
}

/// A file's front matter (kept as it is, with its line endings) and its body.
struct FrontMatterSplit {
    let front: String
    let body: String
    let bodyFirstLine: Int

    /// Nil when front matter starts and does not end.
    init?(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let isFence = { (line: Substring) in line.trimmingCharacters(in: .whitespacesAndNewlines) == "---" }
        let first = lines.first.map { $0.hasPrefix("\u{FEFF}") ? $0.dropFirst() : $0 }
        guard let first, isFence(first) else {
            (front, body, bodyFirstLine) = ("", text, 1)
            return
        }
        guard let end = lines.dropFirst().firstIndex(where: isFence) else { return nil }
        let frontLines = lines[...end]
        front = frontLines.joined(separator: "\n") + "\n"
        body = end + 1 < lines.count ? lines[(end + 1)...].joined(separator: "\n") : ""
        bodyFirstLine = end + 2
    }
}

/// Problems that keep `tidy` from changing a file.
public enum TidyError: DiagnosticConvertible, Equatable {
    case unreadable(file: String)
    case notUTF8(file: String)
    case unclosedFrontMatter(file: String)
    case cannotWrite(file: String, reason: String)

    public var diagnostic: Diagnostic {
        switch self {
        case let .unreadable(file):
            return Diagnostic(.error, code: "tidy-unreadable", file: file, message: "无法读取此文件，未做任何改动：请检查文件名和权限")
        case let .notUTF8(file):
            return Diagnostic(.error, code: "tidy-unreadable", file: file,
                              message: "文件不是 UTF-8 编码，未做任何改动：请用记事本“另存为”，编码选 UTF-8 后再整理")
        case let .unclosedFrontMatter(file):
            return Diagnostic(.error, code: "tidy-front-matter", file: file, line: 1, column: 1,
                              message: "前置信息没有结束的“---”，看不懂这个文件的结构，未做任何改动：请先补上结束的 ---")
        case let .cannotWrite(file, reason):
            return Diagnostic(.error, code: "cannot-write", file: file, message: "无法写入（\(reason)），文件未改动")
        }
    }
}
