/// Template values of pictures: a picture's versions, and an entry's gallery.
enum PictureValues {
    /// Photos an entry page shows itself; a larger set gets a page of its own and the page shows the first `preview`.
    static let pageLimit = 24
    static let preview = 12

    /// `thumb` (cards, grids), `src`/`srcset`/`sizes` (page width), `large` (what a gallery opens), with their sizes.
    /// `srcset` is written from the site root through the root marker, so it needs no `{{root}}`.
    static func map(_ picture: ProcessedPicture) -> TemplateMap {
        let thumb = picture.thumbnail, page = picture.page, large = picture.large
        return TemplateMap([
            "thumb": .text(thumb.path), "thumbWidth": .number(thumb.width), "thumbHeight": .number(thumb.height),
            "src": .text(page.path), "width": .number(page.width), "height": .number(page.height),
            "srcset": .text(picture.srcset(SitePath.rootMarker)), "sizes": .text(PictureHTML.sizes),
            "large": .text(large.path), "largeWidth": .number(large.width), "largeHeight": .number(large.height),
        ])
    }

    static func hasOwnPage(_ entry: Entry) -> Bool { entry.photos.count > pageLimit }

    /// The gallery of `entry`: every photo (`all`, its own page) or what its entry page shows.
    static func gallery(_ entry: Entry, pictures: PictureSet, all: Bool) -> TemplateValue {
        guard !entry.photos.isEmpty else { return .absent }
        let limited = !all && hasOwnPage(entry)
        let shown = limited ? Array(entry.photos.prefix(preview)) : entry.photos
        let photos = shown.enumerated().compactMap { position, photo -> TemplateValue? in
            guard let picture = pictures[photo.source] else { return nil }
            var values = map(picture)
            values["caption"] = .text(photo.caption)
            values["hasCaption"] = .flag(!photo.caption.isEmpty)
            values["alt"] = .text(photo.caption.isEmpty ? "照片 \(position + 1)" : photo.caption)
            values["number"] = .number(position + 1)
            return .map(values)
        }
        guard !photos.isEmpty else { return .absent }
        return .map(TemplateMap([
            "photos": .list(photos), "count": .number(entry.photos.count), "shownCount": .number(photos.count),
            "hasMore": .flag(limited), "moreURL": .text(Addresses.gallery(ofPage: entry.pageFolder)),
        ]))
    }
}
