#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A file name that is not UTF-8 (a GBK name from an archive unpacked on Windows, say). Foundation
/// shows such names with U+FFFD in place of their bytes and cannot open them, so they are read
/// here with the C library, to be named in a message and renamed by the writer.
struct RawFileName: Sendable, Equatable {
    let bytes: [UInt8]

    /// What Foundation makes of the name (and `CommandLine.arguments` of one typed): U+FFFD for each bad sequence.
    var lossy: String { String(decoding: bytes, as: UTF8.self) }

    /// The name with each byte that is not part of UTF-8 written `\xB5`, the rest as it is.
    var escaped: String {
        var text = ""
        var index = 0
        while index < bytes.count {
            let length = Self.sequenceLength(bytes[index])
            if index + length <= bytes.count, let valid = String(validating: bytes[index..<index + length], as: UTF8.self) {
                text += valid
                index += length
            } else {
                text += "\\x" + String(bytes[index], radix: 16, uppercase: true).leftPadded(to: 2)
                index += 1
            }
        }
        return text
    }

    /// The name read as GBK/GB18030, when it reads as Chinese that way.
    var gbk: String? {
        guard let text = GB18030.decode(bytes), text.unicodeScalars.contains(where: CJKCharacters.isHan) else { return nil }
        return text
    }

    private static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return 1
        }
    }

    /// The names in `folder` (not hidden ones) that are not UTF-8, in byte order; none when it cannot be read.
    static func undecodable(in folder: URL) -> [RawFileName] {
        guard let directory = opendir(folder.path) else { return [] }
        defer { closedir(directory) }
        var names: [RawFileName] = []
        while let entry = readdir(directory) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix(while: { $0 != 0 })) }
            guard bytes.first != UInt8(ascii: "."), String(validating: bytes, as: UTF8.self) == nil else { continue }
            names.append(RawFileName(bytes: bytes))
        }
        return names.sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
