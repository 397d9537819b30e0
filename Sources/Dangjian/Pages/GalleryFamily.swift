/// The page of an entry's photos when they are more than its page shows (`PictureValues.pageLimit`):
/// every photo in the grid, rendered with `gallery.mustache`, beside the entry's page (`…/photos/index.html`).
struct GalleryFamily: PageFamily {
    let name = "gallery"

    func plan(_ site: LinkedSite) -> [PageKey] {
        site.entries.indices.filter { PictureValues.hasOwnPage(site.entries[$0]) }.map { PageKey($0) }
    }

    func address(_ key: PageKey, in site: LinkedSite) -> String { Addresses.gallery(ofPage: site.entries[key.item].pageFolder) }
    func template(_ key: PageKey, in site: LinkedSite) -> String? { "gallery" }
    func sourceFile(_ key: PageKey, in site: LinkedSite) -> String? { site.entries[key.item].path }

    func content(_ key: PageKey, _ context: PageContext) -> PageContent {
        let entry = context.site.entries[key.item]
        var page = context.cards[key.item]
        page["section"] = .text(entry.kind.folder)
        page["entryTitle"] = .text(entry.title)
        page["title"] = .text(entry.title + " · 照片")
        page["entryURL"] = .text(entry.url)
        page["gallery"] = PictureValues.gallery(entry, pictures: context.site.pictures, all: true)
        return .template("gallery", page)
    }
}
