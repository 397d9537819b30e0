import Foundation

/// Pictures made for tests with the `vips` command (Debian's libvips-tools): noise of a given size,
/// as a phone's JPEG, and an EXIF orientation written into it the way a phone held sideways writes it.
public enum TestPictures {
    /// A JPEG of `width`×`height` pixels; with `orientation` (1–8) an EXIF block saying how to turn it.
    public static func jpeg(width: Int, height: Int, orientation: Int? = nil, quality: Int = 85) throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dangjian-test-pictures")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("noise-\(width)x\(height)-q\(quality).jpg")
        if !FileManager.default.fileExists(atPath: file.path) {
            let made = folder.appendingPathComponent("\(UUID().uuidString).jpg")
            try run("vips", ["gaussnoise", made.path + "[Q=\(quality)]", "\(width)", "\(height)", "--mean", "128", "--sigma", "30"])
            try? FileManager.default.moveItem(at: made, to: file)
        }
        let data = try Data(contentsOf: file)
        return orientation.map { withOrientation(data, $0) } ?? data
    }

    /// A black JPEG of `width`×`height` (quick to make at any size, a few KB per megapixel).
    public static func black(width: Int, height: Int) throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dangjian-test-pictures")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("black-\(width)x\(height).jpg")
        if !FileManager.default.fileExists(atPath: file.path) {
            let made = folder.appendingPathComponent("\(UUID().uuidString).jpg")
            try run("vips", ["black", made.path, "\(width)", "\(height)"])
            try? FileManager.default.moveItem(at: made, to: file)
        }
        return try Data(contentsOf: file)
    }

    /// A noise picture by `vips` from `format`'s writer (png, webp, heic).
    public static func picture(width: Int, height: Int, format: String) throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dangjian-test-pictures")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("noise-\(width)x\(height).\(format)")
        if !FileManager.default.fileExists(atPath: file.path) {
            let made = folder.appendingPathComponent("\(UUID().uuidString).\(format)")
            try run("vips", ["gaussnoise", made.path, "\(width)", "\(height)", "--mean", "128", "--sigma", "30"])
            try? FileManager.default.moveItem(at: made, to: file)
        }
        return try Data(contentsOf: file)
    }

    /// `jpeg` with an APP1 Exif block right after its start marker holding one tag: Orientation = `orientation`.
    public static func withOrientation(_ jpeg: Data, _ orientation: Int) -> Data {
        var tiff: [UInt8] = Array("MM".utf8) + [0x00, 0x2A, 0, 0, 0, 8, 0, 1]
        tiff += [0x01, 0x12, 0x00, 0x03, 0, 0, 0, 1, 0, UInt8(orientation), 0, 0, 0, 0, 0, 0]
        let segment = Array("Exif".utf8) + [0, 0] + tiff
        let length = segment.count + 2
        let app1: [UInt8] = [0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + segment
        return jpeg.prefix(2) + Data(app1) + jpeg.dropFirst(2)
    }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
    }
}
