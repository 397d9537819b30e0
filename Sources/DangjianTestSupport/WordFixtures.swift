#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Real Word documents for tests, written by pandoc (Debian's `pandoc`, which scripts/ensure-deps
/// installs) from Markdown, with pictures made here; and files that only look like documents.
public enum WordFixtures {
    public struct PandocMissing: Error, CustomStringConvertible {
        public var description: String { "pandoc is not installed: run scripts/ensure-deps" }
    }

    /// Writes `folder/name` (a .docx) from `markdown`; `pictures` (name → bytes) are written beside it first.
    @discardableResult
    public static func docx(_ markdown: String, named name: String, in folder: URL, pictures: [String: Data] = [:]) throws -> URL {
        guard let pandoc = ["/usr/bin/pandoc", "/usr/local/bin/pandoc"].first(where: FileManager.default.isExecutableFile) else {
            throw PandocMissing()
        }
        let work = folder.appendingPathComponent(".fixture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        for (picture, data) in pictures { try data.write(to: work.appendingPathComponent(picture)) }
        try Data(markdown.utf8).write(to: work.appendingPathComponent("in.md"))
        let output = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pandoc)
        process.arguments = ["-f", "markdown", "-o", "out.docx", "in.md"]
        process.currentDirectoryURL = work
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        try FileManager.default.moveItem(at: work.appendingPathComponent("out.docx"), to: output)
        return output
    }

    /// A small red PNG.
    /// "党建.docx" in GBK (B5 B3 BD A8): a name unpacked from a Windows archive, which is not UTF-8.
    public static let gbkName: [UInt8] = [0xB5, 0xB3, 0xBD, 0xA8] + Array(".docx".utf8)

    /// Writes `data` to a file whose name is the raw bytes `name` (Foundation can only make UTF-8 names).
    public static func writeFile(rawName name: [UInt8], in folder: URL, data: Data) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = Array(folder.path.utf8) + [UInt8(ascii: "/")] + name + [0]
        let descriptor = path.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY | O_TRUNC, 0o644) }
        }
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(descriptor) }
        let written = data.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == data.count else { throw CocoaError(.fileWriteUnknown) }
    }

    public static func png(width: Int = 40, height: Int = 30) -> Data {
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let body = Array(type.utf8) + data
            return bigEndian(UInt32(data.count)) + body + bigEndian(crc32(body))
        }
        var raw: [UInt8] = []
        for _ in 0..<height { raw += [0] + Array(repeating: [255, 0, 0], count: width).flatMap { $0 } }
        let header = bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, 2, 0, 0, 0]
        return Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header) + chunk("IDAT", zlibStored(raw))
                    + chunk("IEND", []))
    }

    /// A minimal Windows metafile (EMF): a header record and an end record.
    public static func emf() -> Data {
        var header = [UInt8](repeating: 0, count: 108)
        func put(_ value: UInt32, at offset: Int) { header.replaceSubrange(offset..<offset + 4, with: littleEndian(value)) }
        put(1, at: 0)
        put(108, at: 4)
        put(10, at: 16)
        put(10, at: 20)
        put(100, at: 32)
        put(100, at: 36)
        header.replaceSubrange(40..<44, with: Array(" EMF".utf8))
        put(0x10000, at: 44)
        put(128, at: 48)
        put(2, at: 52)
        // The reference device: 1024 × 768 pixels, 320 × 240 mm (pandoc works out the picture's size from it).
        put(1024, at: 72)
        put(768, at: 76)
        put(320, at: 80)
        put(240, at: 84)
        return Data(header + littleEndian(14) + littleEndian(20) + littleEndian(0) + littleEndian(16) + littleEndian(20))
    }

    /// What Word saves for a document with a password: an OLE compound file holding an `EncryptedPackage` stream.
    public static func encryptedDocx() -> Data {
        Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
             + "EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } + [UInt8](repeating: 0, count: 64))
    }

    /// A Word 97–2003 .doc as far as its first bytes go (an OLE compound file).
    public static func oldDoc() -> Data {
        Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 1024))
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] { [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
    private static func littleEndian(_ value: UInt32) -> [UInt8] { bigEndian(value).reversed() }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// zlib data in stored (uncompressed) blocks.
    private static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var output: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let count = min(65_535, data.count - offset)
            let last: UInt8 = offset + count >= data.count ? 1 : 0
            output += [last, UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF), UInt8((~count >> 8) & 0xFF)]
            output += data[offset..<offset + count]
            offset += count
        } while offset < data.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data { a = (a + UInt32(byte)) % 65_521; b = (b + a) % 65_521 }
        return output + bigEndian(b << 16 | a)
    }
}
