import Foundation

/// Reads PDFs with poppler-utils (`pdfinfo`, `pdftotext`, `pdftoppm`) and QR codes with zbar (`zbarimg`).
public enum PDFInspector {
    public struct Info {
        public let pages: Int
        /// Width and height of the first page in points.
        public let width: Double
        public let height: Double
    }

    public static func info(_ pdf: URL) -> Info? {
        guard let text = run("pdfinfo", [pdf.path]) else { return nil }
        var pages = 0, width = 0.0, height = 0.0
        for line in text.split(separator: "\n") {
            if line.hasPrefix("Pages:") { pages = Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces)) ?? 0 }
            if line.hasPrefix("Page size:") {
                let numbers = line.split(separator: " ").compactMap { Double($0) }
                if numbers.count >= 2 { (width, height) = (numbers[0], numbers[1]) }
            }
        }
        return Info(pages: pages, width: width, height: height)
    }

    public static func text(_ pdf: URL) -> String {
        run("pdftotext", ["-layout", pdf.path, "-"]) ?? ""
    }

    /// The texts of the QR codes on the first page, read from a raster at `dpi`.
    public static func qrCodes(_ pdf: URL, dpi: Int = 30) -> [String] {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("dangjian-qr-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: prefix + "-1.png") }
        guard run("pdftoppm", ["-png", "-r", "\(dpi)", "-f", "1", "-l", "1", pdf.path, prefix]) != nil,
              let found = run("zbarimg", ["-q", "--raw", prefix + "-1.png"]) else { return [] }
        return found.split(separator: "\n").map(String.init)
    }

    public static func millimetres(_ points: Double) -> Double { points / 72 * 25.4 }

    public static func isAvailable(_ tool: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
    }

    static func run(_ tool: String, _ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }
}
