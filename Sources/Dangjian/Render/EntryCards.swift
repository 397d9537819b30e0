import Foundation

/// The template values of every entry, made once and shared by every page that lists the entry.
/// All `url` values are relative to the site root: templates write `{{root}}{{url}}`.
/// A full build makes them all at once, in parallel, when rendering starts (`makeAll`; not before,
/// so they do not sit in memory beside the search index while it is built); the preview server makes
/// each when a page first needs it, since after a change it renders only the pages someone looks at.
final class EntryCards: @unchecked Sendable {
    private var cards: [TemplateMap?]
    private let make: @Sendable (Int) -> TemplateMap
    private let lock = NSLock()

    /// Makes an entry's values and its list fragments: `row` (`partials/row`) and `card`
    /// (`partials/card`), rendered when a page first shows them, with links written from the site
    /// root through the root marker, so every list shows them with `{{{row}}}` / `{{{card}}}`
    /// instead of rendering them again. Each card's fingerprint is made with it (a fragment is
    /// fingerprinted by its template's name: the card's values, the site's and the theme's stand for it).
    init(_ site: LinkedSite, templates: TemplateSet, siteValues: TemplateMap) {
        let maker = CardMaker(site)
        let fragments = ["row", "card"].filter { templates.has("partials/" + $0) }
        let make: @Sendable (Int) -> TemplateMap = { index in
            var card = maker.card(index, room: fragments.count)
            let context = card.merging([PageLayout.root: .text(SitePath.rootMarker), PageLayout.site: .map(siteValues)])
            for fragment in fragments {
                let template = "partials/" + fragment
                card[fragment] = .deferred(DeferredText(key: template) { templates.render(template, context).compacted })
            }
            return card.fingerprinted()
        }
        self.make = make
        cards = Array(repeating: nil, count: site.entries.count)
    }

    /// Makes every card not made yet, on all cores; with `fragments`, renders their fragments too
    /// (when every page will be rendered, all at once is quicker than one by one as pages ask).
    func makeAll(fragments: Bool) {
        let missing = lock.withLock { cards.indices.filter { cards[$0] == nil } }
        let made = missing.parallelMap { index -> TemplateMap in
            let card = make(index)
            if fragments { for name in ["row", "card"] { if case let .deferred(text)? = card[name] { _ = text.text } } }
            return card
        }
        lock.withLock { for (index, card) in zip(missing, made) { cards[index] = card } }
    }

    subscript(index: Int) -> TemplateMap {
        if let made = lock.withLock({ cards[index] }) { return made }
        let made = make(index)
        lock.withLock { cards[index] = made }
        return made
    }

    func list(_ indexes: some Sequence<Int>) -> TemplateValue { .list(indexes.map { .map(self[$0]) }) }
}
