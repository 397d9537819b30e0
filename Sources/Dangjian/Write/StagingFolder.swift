import Foundation

/// Writes a list of output files into a fresh folder: folders first, then files in parallel.
enum StagingFolder {
    static func fill(_ folder: URL, with files: [OutputFile]) throws {
        let fileManager = FileManager.default
        var paths = Set<String>()
        for file in files where !paths.insert(file.path).inserted {
            throw WriteError.pathClash(path: file.path)
        }
        let folders = Set(files.map { ($0.path as NSString).deletingLastPathComponent }).sorted()
        try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
        for relative in folders where !relative.isEmpty {
            try fileManager.createDirectory(at: folder.appendingPathComponent(relative), withIntermediateDirectories: true)
        }
        let failures = files.parallelMap { file -> String? in
            let target = folder.appendingPathComponent(file.path)
            do {
                switch file.content {
                case let .text(text): try Data(text.utf8).write(to: target)
                case let .copy(source): try fileManager.copyItem(at: source, to: target)
                }
                return nil
            } catch {
                return "\(file.path): \(error.localizedDescription)"
            }
        }
        if let failure = failures.compactMap({ $0 }).first {
            throw WriteError.cannotWrite(path: failure, reason: "写入失败")
        }
    }
}
