import Foundation

/// One document of an import, found in the folders and files given.
struct SourceDocument: Sendable {
    let url: URL
    /// As people see it in messages: the path given, then the path inside a folder given.
    let name: String
}

/// A document converted and read, waiting in its work folder to be placed.
struct ConvertedDocument: Sendable {
    let source: SourceDocument
    let reading: DocumentReading
    /// The extracted pictures (`media/` in the work folder), when there are any.
    let pictures: URL?
    /// EMF/WMF pictures, which browsers do not show (file names inside `pictures`).
    let unshownPictures: [String]
    let work: URL
    let modified: Date?
}

/// Recognises what a file is, converts Word documents and reads them; every problem names the file.
struct DocumentConversion: Sendable {
    let converter: Converter
    let kind: EntryKind

    /// The marker the body's picture addresses start with until the entry's name is known.
    static let picturePrefix = "\u{E000}media/"

    func convert(_ source: SourceDocument, work: URL) -> Result<ConvertedDocument, ImportError> {
        let file = source.url.lastPathComponent
        let ext = source.url.pathExtension.lowercased()
        if file.hasPrefix("~$") { return .failure(.officeTempFile(file: source.name)) }
        if ext == "pdf" { return .failure(.pdfDocument(file: source.name)) }
        guard ["docx", "docm", "dotx", "doc", "wps", "dot", "wpt", "rtf"].contains(ext) else {
            return .failure(.notADocument(file: source.name))
        }
        do {
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        } catch {
            return .failure(.corrupt(file: source.name, reason: error.localizedDescription))
        }
        // A copy with a plain name: pandoc and LibreOffice never see names with spaces, quotes or a leading -.
        let copy = work.appendingPathComponent("source." + ext)
        do { try FileManager.default.copyItem(at: source.url, to: copy) } catch {
            return .failure(.corrupt(file: source.name, reason: "无法读取文件"))
        }
        let docx: URL
        switch Self.format(of: copy, extension: ext) {
        case .empty: return .failure(.corrupt(file: source.name, reason: "文件是空的"))
        case .encrypted: return .failure(.passwordProtected(file: source.name))
        case .unknown: return .failure(.corrupt(file: source.name, reason: "不是 .docx 格式"))
        case .zip: docx = copy
        case .oldWord:
            switch converter.docx(from: copy, in: work) {
            case nil: return .failure(.oldWordFormat(file: source.name, libreOfficeFailed: nil))
            case let .failure(problem)?: return .failure(.oldWordFormat(file: source.name, libreOfficeFailed: Self.text(of: problem)))
            case let .success(converted)?: docx = converted
            }
        }
        let markdown: String
        switch converter.markdown(of: docx, in: work) {
        case let .success(text): markdown = text
        case let .failure(.timedOut(seconds)): return .failure(.conversionTimedOut(file: source.name, seconds: seconds))
        case let .failure(problem): return .failure(.corrupt(file: source.name, reason: Self.text(of: problem)))
        }
        let stem = source.url.deletingPathExtension().lastPathComponent
        var reading = DocumentReading(markdown: markdown, stem: stem, kind: kind)
        guard !reading.body.isEmpty else { return .failure(.emptyDocument(file: source.name)) }
        let media = work.appendingPathComponent("media")
        let pictures = (try? FileManager.default.contentsOfDirectory(atPath: media.path))?.sorted() ?? []
        let unshown = pictures.filter { ["emf", "wmf"].contains(($0 as NSString).pathExtension.lowercased()) }
        reading.body = Self.markingPictures(reading.body, unshown: Set(unshown))
        let modified = (try? FileManager.default.attributesOfItem(atPath: source.url.path))?[.modificationDate] as? Date
        return .success(ConvertedDocument(source: source, reading: reading, pictures: pictures.isEmpty ? nil : media,
                                          unshownPictures: unshown, work: work, modified: modified))
    }

    enum Format {
        case zip, oldWord, encrypted, empty, unknown
    }

    /// By the file's first bytes: a .docx is a zip; an encrypted .docx and a .doc/.wps are OLE compound files.
    static func format(of file: URL, extension ext: String) -> Format {
        guard let handle = try? FileHandle(forReadingFrom: file) else { return .unknown }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 8)) ?? Data()
        if head.isEmpty { return .empty }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .zip }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            try? handle.seek(toOffset: 0)
            let whole = (try? handle.read(upToCount: 1 << 20)) ?? Data()
            let marker = Data("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            return whole.range(of: marker) != nil ? .encrypted : .oldWord
        }
        if ext == "rtf", head.starts(with: Array("{\\rtf".utf8)) { return .oldWord }
        return .unknown
    }

    /// Picture addresses pandoc wrote (`./media/image1.png`) start with the marker; EMF/WMF pictures become links.
    static func markingPictures(_ body: String, unshown: Set<String>) -> String {
        body.replacing(/(!?)\[([^\]\n]*)\]\(\.\/media\/([^)\s]+)\)/) { match in
            let name = String(match.output.3)
            if unshown.contains(name) { return "[图片 \(name)（EMF/WMF 格式，网页无法显示）](\(picturePrefix)\(name))" }
            return "\(match.output.1)[\(match.output.2)](\(picturePrefix)\(name))"
        }
    }

    static func text(of problem: ConversionProblem) -> String {
        switch problem {
        case let .failed(reason): return reason.isEmpty ? "转换失败" : reason
        case let .timedOut(seconds): return "超过 \(seconds) 秒"
        }
    }
}
