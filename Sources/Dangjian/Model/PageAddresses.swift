/// Decides each entry's page address (the contract's site layout) and resolves clashes.
///
/// Two entries whose addresses were derived from file names and clash are told apart
/// deterministically (the later source path gets `-2`, `-3` …) and a warning says so; when
/// either set its `slug` by hand, the clash is an error, because the writer asked for that address.
enum PageAddresses {
    static func assign(_ entries: [Entry], catalog: KindCatalog, log: DiagnosticLog) -> [Entry] {
        var taken: [String: Entry] = [:]
        var result: [Entry] = []
        result.reserveCapacity(entries.count)
        // Explicit slugs claim their addresses first, so a derived name never pushes one aside.
        let ordered = entries.filter(\.slugIsExplicit) + entries.filter { !$0.slugIsExplicit }
        for var entry in ordered {
            if entry.kind.address == .topLevel, Addresses.isReserved(entry.slug, catalog: catalog) {
                log.report(AddressError.reservedName(location: FieldLocator.location(of: "slug", in: entry), slug: entry.slug))
                continue
            }
            var url = address(of: entry, slug: entry.slug)
            if let owner = taken[url] {
                if entry.kind.address == .periodic {
                    log.report(ModelError.periodClash(location: FieldLocator.location(of: "date", in: entry),
                                                      period: entry.periodTitle ?? url, otherFile: owner.path))
                    continue
                }
                if entry.slugIsExplicit {
                    log.report(AddressError.clash(location: FieldLocator.location(of: "slug", in: entry),
                                                  url: url, otherFile: owner.path))
                    continue
                }
                let base = entry.slug
                var counter = 2
                repeat {
                    entry.slug = "\(base)-\(counter)"
                    url = address(of: entry, slug: entry.slug)
                    counter += 1
                } while taken[url] != nil
                log.report(AddressError.renamed(file: entry.path, url: url, otherFile: owner.path))
            }
            entry.url = url
            taken[url] = entry
            result.append(entry)
        }
        return result.sorted { $0.path < $1.path }
    }

    static func address(of entry: Entry, slug: String) -> String {
        Addresses.entry(entry.kind, slug: slug, date: entry.date, number: entry.number, period: entry.periodKey)
    }
}

/// Problems with the addresses pages would get.
public enum AddressError: DiagnosticConvertible, Equatable {
    case clash(location: SourceLocation, url: String, otherFile: String)
    case renamed(file: String, url: String, otherFile: String)
    case reservedName(location: SourceLocation, slug: String)
    case tagRenamed(location: SourceLocation, tag: String, slug: String, otherTag: String)

    public var diagnostic: Diagnostic {
        switch self {
        case let .clash(location, url, otherFile):
            return Diagnostic(.error, code: "url-clash", at: location,
                              message: "网址 \(url) 已被 \(otherFile) 使用：请为其中一篇改用不同的 slug")
        case let .renamed(file, url, otherFile):
            return Diagnostic(.warning, code: "url-renamed", file: file, line: 1, column: 1,
                              message: "网址与 \(otherFile) 相同，已改为 \(url)：如需固定网址，请设置 slug 字段")
        case let .reservedName(location, slug):
            return Diagnostic(.error, code: "reserved-slug", at: location,
                              message: "网址名“\(slug)”是栏目保留名称，页面不能使用：请改用其他 slug 或文件名")
        case let .tagRenamed(location, tag, slug, otherTag):
            return Diagnostic(.warning, code: "tag-renamed", at: location,
                              message: "标签“\(tag)”与“\(otherTag)”的拼音网址相同，已改为 \(Addresses.tag(slug))")
        }
    }
}
