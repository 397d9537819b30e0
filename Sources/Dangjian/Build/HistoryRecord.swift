import Foundation

/// The history numbers a build gave (第 N 讲), kept in the site as `.dangjian-history` so the next
/// build can say when numbers moved: a talk added in the past, or one removed, renumbers the later
/// ones, and the build summary tells by how many and from where.
struct HistoryRecord: Equatable {
    /// Kind id → source path → number.
    private(set) var numbers: [String: [String: Int]] = [:]

    static let fileName = ".dangjian-history"

    init(_ site: LinkedSite) {
        for (index, number) in site.historyNumbers.enumerated() {
            guard let number else { continue }
            numbers[site.entries[index].kind.id, default: [:]][site.entries[index].path] = number
        }
    }

    /// The record in a site written before, when it has one.
    init?(readingFrom output: URL) {
        guard let text = try? String(contentsOf: output.appendingPathComponent(Self.fileName), encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 2).map(String.init)
            guard parts.count == 3, let number = Int(parts[1]) else { continue }
            numbers[parts[0], default: [:]][parts[2]] = number
        }
    }

    var file: OutputFile {
        let lines = numbers.keys.sorted().flatMap { kind in
            numbers[kind]!.sorted { $0.value < $1.value }.map { "\(kind)\t\($0.value)\t\($0.key)\n" }
        }
        return OutputFile(path: Self.fileName, content: .text(lines.joined()))
    }

    /// What moved since `previous`, one sentence per kind.
    func changes(since previous: HistoryRecord, catalog: KindCatalog) -> [String] {
        catalog.kinds.compactMap { kind -> String? in
            let (old, new) = (previous.numbers[kind.id] ?? [:], numbers[kind.id] ?? [:])
            let moved = new.filter { path, number in old[path].map { $0 != number } ?? false }
            guard !moved.isEmpty else { return nil }
            let lastOld = old.values.max() ?? 0
            let inserted = new.filter { old[$0.key] == nil && $0.value <= lastOld }.count
            let removed = old.keys.filter { new[$0] == nil }.count
            let from = moved.compactMap { old[$0.key] }.min() ?? 0
            var causes: [String] = []
            if inserted > 0 { causes.append("补入较早的 \(inserted) \(kind.unit)") }
            if removed > 0 { causes.append("删去 \(removed) \(kind.unit)") }
            return "\(kind.name)的编号有变：\(causes.joined(separator: "、"))，原第 \(from) \(kind.unit)起的 \(moved.count) \(kind.unit)编号随之改变"
        }
    }
}
