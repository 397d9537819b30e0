import Foundation

/// The record as text: one line per item, fields separated by tabs (tabs, line breaks and
/// backslashes in them escaped), closed by a line holding the fingerprint of all before it, so a
/// truncated or garbled record is known as such.
extension DependencyRecord {
    enum Damage: Error, Equatable {
        case unreadable
        case damaged
        case otherBuild
    }

    /// Made as one growing string, line by line: a 100,000-entry site's record is some 30 MB, written
    /// while the whole site is still in memory, so its lines are not held apart and then joined.
    var text: String {
        var text = ""
        text.reserveCapacity(128 * inputs.count + 192 * outputs.count + 384 * diagnostics.count + 1024)
        func line(_ fields: String...) {
            for (index, field) in fields.enumerated() {
                if index > 0 { text += "\t" }
                text += field
            }
            text += "\n"
        }
        line(Self.header)
        line("build", escape(build))
        line("today", escape(today))
        line("pages", "\(pageCount)", "\(fileCount)")
        for (path, input) in inputs.sorted(by: { $0.key < $1.key }) {
            line("in", stampText(input.stamp), input.hash, escape(path))
        }
        for (path, output) in outputs.sorted(by: { $0.key < $1.key }) {
            line("out", stampText(output.stamp), output.hash, output.values, escape(path))
        }
        for diagnostic in diagnostics {
            line("diag", escape(diagnostic.severity.rawValue), "\(diagnostic.line)", "\(diagnostic.column)", escape(diagnostic.code),
                 escape(diagnostic.file), escape(diagnostic.message))
        }
        for count in summary {
            line("summary", "\(count.count)", count.countsEntries ? "1" : "0", escape(count.label), escape(count.unit))
        }
        let hash = ContentHash.of(text)
        text += "end\t" + hash + "\n"
        return text
    }

    /// The record in `bytes`, when it is whole and was written by the build `build`. Read as bytes
    /// (lines and fields split on 0x0A and 0x09): a 100,000-entry site's record is some 30 MB.
    static func parse(_ bytes: [UInt8], build: String) -> Result<DependencyRecord, Damage> {
        let closing = Array("\nend\t".utf8)
        // A record of another version of the format (an older dangjian's) is whole, just not this build's.
        if !bytes.starts(with: Array((header + "\n").utf8)), bytes.starts(with: Array("dangjian-deps ".utf8)),
           bytes.last == 0x0A, bytes.contains(0x0A) {
            return .failure(.otherBuild)
        }
        guard bytes.starts(with: Array((header + "\n").utf8)), bytes.count > closing.count + 33,
              bytes.last == 0x0A else { return .failure(.damaged) }
        let hashStart = bytes.count - 33
        guard Array(bytes[(hashStart - closing.count)..<hashStart]) == closing else { return .failure(.damaged) }
        let body = bytes[..<(hashStart - closing.count + 1)]
        let hash = body.withContiguousStorageIfAvailable { ContentHash.of(UnsafeRawBufferPointer($0)) } ?? ""
        guard hash.utf8.elementsEqual(bytes[hashStart..<(bytes.count - 1)]) else { return .failure(.damaged) }
        var record = DependencyRecord(build: "", today: "")
        for line in body.split(separator: 0x0A).dropFirst() {
            let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
                .map { unescape(String(decoding: $0, as: UTF8.self)) }
            guard record.read(fields) else { return .failure(.damaged) }
        }
        return record.build == build ? .success(record) : .failure(.otherBuild)
    }

    private mutating func read(_ fields: [String]) -> Bool {
        switch (fields.first ?? "", fields.count) {
        case ("build", 2): build = fields[1]
        case ("today", 2): today = fields[1]
        case ("pages", 3):
            guard let pages = Int(fields[1]), let files = Int(fields[2]) else { return false }
            (pageCount, fileCount) = (pages, files)
        case ("in", 7):
            guard let stamp = Self.stamp(fields[1...4]) else { return false }
            inputs[fields[6]] = Input(stamp: stamp, hash: fields[5])
        case ("out", 8):
            guard let stamp = Self.stamp(fields[1...4]) else { return false }
            outputs[fields[7]] = Output(hash: fields[5], stamp: stamp, values: fields[6])
        case ("diag", 7):
            guard let severity = Diagnostic.Severity(rawValue: fields[1]), let line = Int(fields[2]), let column = Int(fields[3])
            else { return false }
            diagnostics.append(Diagnostic(severity, code: fields[4], file: fields[5], line: line, column: column, message: fields[6]))
        case ("summary", 5):
            guard let count = Int(fields[1]) else { return false }
            summary.append(SummaryCount(label: fields[3], count: count, unit: fields[4], countsEntries: fields[2] == "1"))
        default: return false
        }
        return true
    }

    private func stampText(_ stamp: FileStamp) -> String {
        "\(stamp.size)\t\(stamp.modified)\t\(stamp.changed)\t\(stamp.inode)"
    }

    private static func stamp(_ fields: ArraySlice<String>) -> FileStamp? {
        let parts = Array(fields)
        guard let size = Int64(parts[0]), let modified = Int64(parts[1]), let changed = Int64(parts[2]),
              let inode = UInt64(parts[3]) else { return nil }
        return FileStamp(size: size, modified: modified, changed: changed, inode: inode)
    }

    private func escape(_ field: String) -> String { Self.escape(field) }

    static func escape(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        return field.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
    }

    static func unescape(_ field: String) -> String {
        guard field.utf8.contains(0x5C) else { return field }
        var result = ""
        var escaped = false
        for character in field {
            if escaped {
                switch character {
                case "t": result.append("\t")
                case "n": result.append("\n")
                case "r": result.append("\r")
                default: result.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
