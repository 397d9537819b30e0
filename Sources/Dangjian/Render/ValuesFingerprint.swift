import Foundation

/// Text a template value makes only when a template first shows it, then keeps (every page that
/// shows the same card shares one). Its `key` stands for it in fingerprints: it must name all the
/// text is made from that the values around it do not already hold.
public final class DeferredText: @unchecked Sendable {
    let key: String
    /// Let go once the text is made: what it captured (a card's values with the site's) is not held beside the text.
    private var make: (@Sendable () -> String?)?
    private let lock = NSLock()
    private var made: String??

    init(key: String, make: @escaping @Sendable () -> String?) {
        self.key = key
        self.make = make
    }

    /// The text, made on first use (nil: shown as nothing).
    var text: String? {
        lock.withLock {
            if let made { return made }
            let text = make?()
            made = .some(text)
            make = nil
            return text
        }
    }
}

/// The fingerprint of template values: equal values give equal fingerprints in every process
/// (maps are walked in the order of their names). A page whose template, address and values have
/// the fingerprint recorded for it by the previous build renders to the same bytes again.
extension TemplateValue {
    func feed(into hasher: inout ContentHasher) {
        switch self {
        case let .text(text):
            hasher.feed(1)
            hasher.feed(text)
        case let .number(number):
            hasher.feed(2)
            hasher.feed(UInt64(bitPattern: Int64(number)))
        case let .flag(flag): hasher.feed(flag ? 3 : 4)
        case let .list(items):
            hasher.feed(5)
            hasher.feed(UInt64(items.count))
            for item in items { item.feed(into: &hasher) }
        case let .map(map):
            hasher.feed(6)
            hasher.feed(map.digest)
        case let .deferred(deferred):
            hasher.feed(7)
            hasher.feed(deferred.key)
        case .absent: hasher.feed(8)
        }
    }
}

extension TemplateMap {
    /// The map's fingerprint: made ahead for cards (`fingerprinted`), else now.
    var digest: ContentDigest { digestMade ?? makeDigest() }

    func makeDigest() -> ContentDigest {
        var hasher = ContentHasher()
        hasher.feed(isClosed ? 1 : 0)
        hasher.feed(UInt64(values.count))
        // By bytes: quicker than String's order, and the same in every process.
        for (name, value) in values.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            hasher.feed(name)
            value.feed(into: &hasher)
        }
        return hasher.finish()
    }
}

/// The fingerprints of a build's template pages: what each page's bytes are made of. Made only by
/// builds that keep a record (the preview renders without them).
struct PageFingerprints: Sendable {
    /// For each template: the texts of the templates its pages are made with, the site values they
    /// can name and the navigation (the header and footer are made of them).
    private let themes: [String: ContentDigest]
    /// The same for a template whose reads are not known (every template and site value counts).
    private let theme: ContentDigest

    init(templates: TemplateSet, siteValues: TemplateMap, navigation: [NavigationEntry]) {
        let navigationValue = SiteValues.navigation(navigation, current: "")
        func theme(_ templates: ContentDigest, _ site: TemplateMap) -> ContentDigest {
            var hasher = ContentHasher()
            hasher.feed(templates)
            hasher.feed(site.digest)
            navigationValue.feed(into: &hasher)
            return hasher.finish()
        }
        self.theme = theme(templates.fingerprint, siteValues)
        themes = templates.reads.mapValues { theme($0.fingerprint, siteValues.keeping($0.names)) }
    }

    /// All a template page is rendered from: the theme, its template, its address (links are written
    /// relative to it), its section and its own values.
    func of(template: String, path: String, section: String, page: TemplateMap) -> String {
        var hasher = ContentHasher()
        hasher.feed(themes[template] ?? theme)
        hasher.feed(template)
        hasher.feed(path)
        hasher.feed(section)
        hasher.feed(page.digest)
        return hasher.finish().hex
    }
}
