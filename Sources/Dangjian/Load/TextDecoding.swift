import Foundation

/// Bytes of a content file → text: UTF-8 with or without BOM, CRLF or CR line endings, as
/// Windows Notepad writes them. A file that is not UTF-8 but is valid GB18030 (which includes GBK,
/// what Notepad on older Chinese Windows saves) with Chinese in it is read as GB18030, with a
/// warning naming the file; anything else is refused with the byte offset, never shown as mojibake.
/// UTF-16 (Notepad's "Unicode") is named as such, and so is a NUL byte, which no text file has.
enum TextDecoding {
    static func decode(_ data: Data, file: String, log: DiagnosticLog? = nil) -> Result<String, LoadError> {
        var bytes = [UInt8](data)
        if isUTF16(bytes) { return .failure(.utf16(file: file)) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let offset = firstInvalidUTF8Offset(bytes) {
            guard !bytes.contains(0), let text = GB18030.decode(bytes), text.unicodeScalars.contains(where: CJKCharacters.isHan) else {
                return .failure(.notUTF8(file: file, byteOffset: offset, line: position(of: offset, in: bytes).line))
            }
            log?.report(LoadError.readAsGB18030(file: file))
            bytes = Array(text.utf8)
        }
        if let nul = bytes.firstIndex(of: 0) {
            let (line, column) = position(of: nul, in: bytes)
            return .failure(.nulByte(location: SourceLocation(file: file, line: line, column: column)))
        }
        if bytes.contains(0x0D) { bytes = normalizingLineEndings(bytes) }
        return .success(String(decoding: bytes, as: UTF8.self))
    }

    /// A UTF-16 byte order mark, or two ASCII characters each with a zero byte beside it (how
    /// `---` or `title` look in UTF-16 without a mark). UTF-8 and GB18030 have neither.
    static func isUTF16(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return true }
        guard bytes.count >= 4 else { return false }
        func isASCII(_ byte: UInt8) -> Bool { byte != 0 && byte < 0x80 }
        let littleEndian = isASCII(bytes[0]) && bytes[1] == 0 && isASCII(bytes[2]) && bytes[3] == 0
        let bigEndian = bytes[0] == 0 && isASCII(bytes[1]) && bytes[2] == 0 && isASCII(bytes[3])
        return littleEndian || bigEndian
    }

    /// The 1-based line and character column of a byte offset (the bytes before it being UTF-8).
    static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, lineStart = 0
        for index in 0..<offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let column = 1 + bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count
        return (line, column)
    }

    /// CRLF and lone CR become LF.
    static func normalizingLineEndings(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D {
                result.append(0x0A)
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            } else {
                result.append(byte)
            }
            index += 1
        }
        return result
    }

    /// The byte offset (from the start of the file content) of the first byte that breaks UTF-8.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            if index + length > bytes.count { return index }
            for k in 1..<length where bytes[index + k] & 0xC0 != 0x80 { return index }
            if length == 3 {
                let second = bytes[index + 1]
                if (lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) { return index }
            } else if length == 4 {
                let second = bytes[index + 1]
                if (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F) { return index }
            }
            index += length
        }
        return nil
    }
}
