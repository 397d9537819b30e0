import Foundation

/// Writes a list of output files into a fresh folder: folders first, then files in parallel.
enum StagingFolder {
    /// Every folder the files need, parents before children (a parent sorts before its children).
    static func allFolders(of paths: [String]) -> [String] {
        var folders = Set<String>()
        for path in paths {
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty, folders.insert(parts.joined(separator: "/")).inserted { parts = parts.dropLast() }
        }
        return folders.sorted()
    }

    /// Plain open/write/close: the staging folder is swapped in whole, so each file needs no fsync
    /// of its own (Foundation's `Data.write` syncs every file, which dominated the write phase).
    static func writeFile(_ path: String, _ text: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(descriptor) }
        var text = text
        try text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw CocoaError(.fileWriteOutOfSpace, userInfo: [NSFilePathErrorKey: path])
                }
                offset += written
            }
        }
    }

    /// Writes `files` below `folder`, creating the folders they need that are not in `existingFolders` yet.
    static func fill(_ folder: URL, with files: [OutputFile], existingFolders: inout Set<String>) throws {
        let fileManager = FileManager.default
        for relative in allFolders(of: files.map(\.path)) where existingFolders.insert(relative).inserted {
            let path = folder.path + "/" + relative
            guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        }
        let failures = files.parallelMap { file -> String? in
            let target = folder.appendingPathComponent(file.path)
            do {
                switch file.content {
                case let .text(text): try writeFile(target.path, text)
                case let .data(data): try data.write(to: target)
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
