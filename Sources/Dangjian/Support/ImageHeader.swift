import Foundation

/// A picture's format and pixel size, read from its header only: PNG (IHDR), JPEG (the first
/// start-of-frame marker), GIF (the screen descriptor), WebP (VP8, VP8L or VP8X chunk); SVG is
/// recognised as a drawing, which has no pixel size. No picture is decoded. (No picture library is
/// linked into dangjian: libvips would bring dozens of packages for two numbers, so this is a
/// minimal reader of the few header bytes each format puts first.)
public struct ImageHeader: Sendable, Hashable {
    public enum Format: String, Sendable {
        case png, jpeg, gif, webp, svg
    }

    public let format: Format
    /// Pixels; nil for drawings (SVG), which print sharp at any size.
    public let width: Int?
    public let height: Int?

    /// The header of the picture file at `url`, or nil when it is not a picture of a known format.
    public static func read(_ url: URL) -> ImageHeader? {
        // Opened as `SafeFile` opens: a named pipe in the picture's place cannot block the build.
        guard case let .success(descriptor) = SafeFile.open(url.path, root: nil) else { return nil }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        defer { try? handle.close() }
        // Headers sit in the first bytes, but a JPEG may put large metadata (Exif, colour profiles) before its frame.
        var data = (try? handle.read(upToCount: 1 << 16)) ?? Data()
        if let header = parse(data) { return header }
        guard data.count == 1 << 16, data.starts(with: [0xFF, 0xD8]) else { return nil }
        data.append((try? handle.readToEnd()) ?? Data())
        return parse(data)
    }

    /// The header of a picture held in memory.
    public static func parse(_ data: Data) -> ImageHeader? {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            guard bytes.count >= 24 else { return nil }
            return ImageHeader(format: .png, width: bigEndian(bytes, 16, 4), height: bigEndian(bytes, 20, 4))
        }
        if bytes.starts(with: [0xFF, 0xD8]) { return jpeg(bytes) }
        if bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) {
            guard bytes.count >= 10 else { return nil }
            return ImageHeader(format: .gif, width: littleEndian(bytes, 6, 2), height: littleEndian(bytes, 8, 2))
        }
        if bytes.count >= 30, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) {
            return webp(bytes)
        }
        return svg(bytes)
    }

    private static func jpeg(_ bytes: [UInt8]) -> ImageHeader? {
        var offset = 2
        while offset + 9 < bytes.count {
            guard bytes[offset] == 0xFF else { return nil }
            let marker = bytes[offset + 1]
            if marker == 0xFF { offset += 1; continue }
            // Start of frame: C0–CF except DHT (C4), JPG (C8) and DAC (CC).
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                return ImageHeader(format: .jpeg, width: bigEndian(bytes, offset + 7, 2), height: bigEndian(bytes, offset + 5, 2))
            }
            if marker == 0xD9 || marker == 0xDA { return nil }
            offset += 2 + bigEndian(bytes, offset + 2, 2)
        }
        return nil
    }

    private static func webp(_ bytes: [UInt8]) -> ImageHeader? {
        switch String(decoding: bytes[12..<16], as: UTF8.self) {
        case "VP8X":
            return ImageHeader(format: .webp, width: littleEndian(bytes, 24, 3) + 1, height: littleEndian(bytes, 27, 3) + 1)
        case "VP8L":
            let bits = littleEndian(bytes, 21, 4)
            return ImageHeader(format: .webp, width: bits & 0x3FFF + 1, height: (bits >> 14) & 0x3FFF + 1)
        case "VP8 ":
            return ImageHeader(format: .webp, width: littleEndian(bytes, 26, 2) & 0x3FFF, height: littleEndian(bytes, 28, 2) & 0x3FFF)
        default:
            return nil
        }
    }

    /// An SVG drawing: text whose first element (after an XML declaration, comments or a doctype) is `<svg`.
    private static func svg(_ bytes: [UInt8]) -> ImageHeader? {
        let text = String(decoding: bytes.prefix(4096), as: UTF8.self)
        guard let start = text.range(of: "<svg") else { return nil }
        let before = text[..<start.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines.union(["\u{FEFF}"]))
        guard before.isEmpty || before.hasPrefix("<?xml") || before.hasPrefix("<!--") || before.hasPrefix("<!DOCTYPE") else { return nil }
        return ImageHeader(format: .svg, width: nil, height: nil)
    }

    private static func bigEndian(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int {
        guard offset + count <= bytes.count else { return 0 }
        return bytes[offset..<offset + count].reduce(0) { $0 << 8 | Int($1) }
    }

    private static func littleEndian(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int {
        guard offset + count <= bytes.count else { return 0 }
        return bytes[offset..<offset + count].reversed().reduce(0) { $0 << 8 | Int($1) }
    }
}
