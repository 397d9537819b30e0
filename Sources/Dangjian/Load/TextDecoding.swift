import Foundation

/// Bytes of a content file → text: UTF-8 with or without BOM, CRLF or CR line endings, as
/// Windows Notepad writes them. A file that is not UTF-8 but is valid GB18030 (which includes GBK,
/// what Notepad on older Chinese Windows saves) with Chinese in it is read as GB18030, with a
/// warning naming the file; anything else is refused with the byte offset, never shown as mojibake.
enum TextDecoding {
    static func decode(_ data: Data, file: String, log: DiagnosticLog? = nil) -> Result<String, LoadError> {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let offset = firstInvalidUTF8Offset(bytes) {
            guard let text = GB18030.decode(bytes), text.unicodeScalars.contains(where: CJKCharacters.isHan) else {
                return .failure(.notUTF8(file: file, byteOffset: offset))
            }
            log?.report(LoadError.readAsGB18030(file: file))
            bytes = Array(text.utf8)
        }
        if bytes.contains(0x0D) { bytes = normalizingLineEndings(bytes) }
        return .success(String(decoding: bytes, as: UTF8.self))
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
