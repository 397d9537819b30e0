/// Files made from the whole site rather than by a template: the Atom feed and the sitemap.
struct FeedFamily: PageFamily {
    let name = "feed"

    func plan(_ site: LinkedSite) -> [PageKey] { [PageKey(0)] }
    func address(_ key: PageKey, in site: LinkedSite) -> String { Addresses.feed }
    func template(_ key: PageKey, in site: LinkedSite) -> String? { nil }
    func content(_ key: PageKey, _ context: PageContext) -> PageContent { .text(AtomFeed.text(context.site)) }
}

struct SitemapFamily: PageFamily {
    let name = "sitemap"

    func plan(_ site: LinkedSite) -> [PageKey] { [PageKey(0)] }
    func address(_ key: PageKey, in site: LinkedSite) -> String { Addresses.sitemap }
    func template(_ key: PageKey, in site: LinkedSite) -> String? { nil }

    func content(_ key: PageKey, _ context: PageContext) -> PageContent {
        .text(Sitemap.text(pages: context.pagePaths.filter { $0.hasSuffix(".html") && $0 != Addresses.notFound }, site: context.site))
    }
}
