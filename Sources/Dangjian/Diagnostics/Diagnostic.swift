/// A problem found in a site, as a value: where it is, how bad it is and what to do.
///
/// The library only produces diagnostics; the executable decides how to print them
/// (compiler style for people, JSON for editors).
public struct Diagnostic: Sendable, Hashable, Comparable {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public let severity: Severity
    /// A stable, English identifier of the kind of problem (`unknown-series`), for tests and tools.
    public let code: String
    /// The file's path relative to the site root, with `/` separators (`content/talks/2024/03/06-a.md`).
    public let file: String
    /// 1-based line; 0 when the problem concerns the whole file.
    public let line: Int
    /// 1-based column in characters; 0 when unknown.
    public let column: Int
    /// The message in Simplified Chinese: what is wrong and how to fix it.
    public let message: String

    public init(_ severity: Severity, code: String, file: String, line: Int = 0, column: Int = 0, message: String) {
        self.severity = severity
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public init(_ severity: Severity, code: String, at location: SourceLocation, message: String) {
        self.init(severity, code: code, file: location.file, line: location.line, column: location.column, message: message)
    }

    public var isError: Bool { severity == .error }

    /// Ordered by file, then position, so a run prints its problems in reading order; site.yml's
    /// come first, since the rest of the site is read through it. Every field counts, so equal
    /// diagnostics, and only they, sort next to each other.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        let left = (lhs.isAboutOtherFiles, lhs.file, lhs.line, lhs.column, lhs.code)
        let right = (rhs.isAboutOtherFiles, rhs.file, rhs.line, rhs.column, rhs.code)
        if left != right { return left < right }
        return (lhs.message, lhs.severity.rawValue) < (rhs.message, rhs.severity.rawValue)
    }

    private var isAboutOtherFiles: Int { file == "content/site.yml" ? 0 : 1 }
}

/// A place in a file of the site.
public struct SourceLocation: Sendable, Hashable {
    public let file: String
    public let line: Int
    public let column: Int

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// Anything a stage reports as a problem: each stage has its own error type that becomes a diagnostic.
public protocol DiagnosticConvertible: Error {
    var diagnostic: Diagnostic { get }
}
