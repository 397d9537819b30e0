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

    /// The text of one page (from 1), in reading order.
    public static func text(_ pdf: URL, page: Int) -> String {
        run("pdftotext", ["-f", "\(page)", "-l", "\(page)", pdf.path, "-"]) ?? ""
    }

    /// A word as `pdftotext -bbox` places it: its page (from 1) and box in points from the top left.
    public struct Word: Sendable {
        public let page: Int
        public let text: String
        public let xMin: Double, yMin: Double, xMax: Double, yMax: Double
        public var width: Double { xMax - xMin }
    }

    /// Every word of every page with its box.
    public static func words(_ pdf: URL) -> [Word] {
        guard let html = run("pdftotext", ["-bbox", pdf.path, "-"]) else { return [] }
        var words: [Word] = []
        var page = 0
        for line in html.split(separator: "\n") {
            if line.contains("<page ") { page += 1; continue }
            guard line.contains("<word "), let open = line.firstIndex(of: ">"), let close = line.range(of: "</word>") else { continue }
            func number(_ name: String) -> Double {
                guard let start = line.range(of: name + "=\"") else { return 0 }
                return Double(line[start.upperBound...].prefix { $0 != "\"" }) ?? 0
            }
            let text = String(line[line.index(after: open)..<close.lowerBound])
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
            words.append(Word(page: page, text: text, xMin: number("xMin"), yMin: number("yMin"), xMax: number("xMax"), yMax: number("yMax")))
        }
        return words
    }

    /// The size in points the running Chinese text of `words` is set in: the median advance of a
    /// character in words of at least `lineLength` Chinese characters, which are lines of running text, not
    /// headings or contents (full-width characters advance by one em; justification adds a little).
    /// A column of a board holds fewer characters a line than a page of A4. Nil when fewer than
    /// `lines` lines qualify (a page holding only the end of an entry and a box set smaller).
    public static func bodyTextSize(_ words: [Word], lineLength: Int = 28, lines: Int = 1) -> Double? {
        let advances = words.compactMap { word -> Double? in
            let count = word.text.count
            guard count >= lineLength, word.text.unicodeScalars.allSatisfy({ $0.value >= 0x3000 }) else { return nil }
            return word.width / Double(count)
        }.sorted()
        return advances.isEmpty || advances.count < lines ? nil : advances[advances.count / 2]
    }

    /// The first place `phrase` is printed on one line, as one word or as words side by side
    /// (widely spaced headings come out a character at a time), as one word's box.
    public static func phrase(_ phrase: String, in words: [Word]) -> Word? {
        for (index, first) in words.enumerated() where phrase.hasPrefix(first.text) && !first.text.isEmpty {
            var text = first.text
            var last = first
            var next = index + 1
            while text.count < phrase.count, next < words.count, words[next].page == first.page,
                  abs(words[next].yMin - first.yMin) < 2, phrase.hasPrefix(text + words[next].text) {
                text += words[next].text
                last = words[next]
                next += 1
            }
            if text == phrase {
                return Word(page: first.page, text: text, xMin: first.xMin, yMin: first.yMin, xMax: last.xMax, yMax: last.yMax)
            }
        }
        return nil
    }

    /// `pdffonts`: each font's name, type and whether it is embedded.
    public static func fonts(_ pdf: URL) -> [(name: String, type: String, embedded: Bool)] {
        guard let text = run("pdffonts", [pdf.path]) else { return [] }
        return text.split(separator: "\n").dropFirst(2).compactMap { line in
            let columns = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard let yesNo = columns.firstIndex(where: { $0 == "yes" || $0 == "no" }), yesNo >= 3 else { return nil }
            return (columns[0], columns[1..<yesNo - 1].joined(separator: " "), columns[yesNo] == "yes")
        }
    }

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
