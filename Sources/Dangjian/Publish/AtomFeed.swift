import Foundation

/// `feed.xml`: an Atom feed of the latest brands, salons and talks. Links are absolute when site.yml
/// sets `base_url` and relative to the feed (the site root) otherwise; times are written in the
/// site's time zone; the feed's `updated` is its newest entry's date, so a rebuild writes the same bytes.
enum AtomFeed {
    static let size = 20

    static func text(_ site: LinkedSite) -> String {
        let inFeed = site.catalog.kinds.filter { $0.appears(in: .feed) }.flatMap { site.members(of: $0) }
        let latest = site.order.newestFirst(inFeed).prefix(size)
        let path = Addresses.feed
        let config = site.config
        let base = config.baseURL ?? ""
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n"
        xml += "<title>\(XMLText.escape(config.title))</title>\n"
        if !config.organization.isEmpty { xml += "<subtitle>\(XMLText.escape(config.organization))</subtitle>\n" }
        xml += "<id>\(XMLText.escape(config.baseURL.map { $0 + path } ?? "urn:dangjian:feed"))</id>\n"
        xml += "<link rel=\"self\" type=\"application/atom+xml\" href=\"\(XMLText.escape(base + path))\"/>\n"
        xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(base + Addresses.home))\"/>\n"
        if let newest = latest.first { xml += "<updated>\(timestamp(site.entries[newest].date, config.timeZone))</updated>\n" }
        xml += "<author><name>\(XMLText.escape(config.organization.isEmpty ? config.title : config.organization))</name></author>\n"
        xml += "<generator>dangjian</generator>\n"
        for index in latest { xml += entry(index, site: site, base: base) }
        return xml + "</feed>\n"
    }

    private static func entry(_ index: Int, site: LinkedSite, base: String) -> String {
        let entry = site.entries[index]
        let link = base + entry.url
        let time = timestamp(entry.date, site.config.timeZone)
        var xml = "<entry>\n<title>\(XMLText.escape(entry.title))</title>\n"
        xml += "<id>\(XMLText.escape(site.config.baseURL == nil ? "urn:dangjian:" + entry.url : link))</id>\n"
        xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(link))\"/>\n"
        xml += "<published>\(time)</published>\n<updated>\(time)</updated>\n"
        if let author = entry.value(with: .author)?.text { xml += "<author><name>\(XMLText.escape(author))</name></author>\n" }
        xml += "<category term=\"\(entry.kind.id)\" label=\"\(entry.kind.name)\"/>\n"
        for tag in entry.tags { xml += "<category term=\"\(XMLText.escape(tag))\"/>\n" }
        let summary = entry.summary ?? site.bodies[index].summaries.long
        xml += "<summary>\(XMLText.escape(summary))</summary>\n"
        return xml + "</entry>\n"
    }

    /// `2026-09-08T00:00:00+08:00`: the entry's date and time with the zone's offset on that day.
    static func timestamp(_ date: EntryDate, _ zone: TimeZone) -> String {
        let offset = zone.secondsFromGMT(for: date.instant(in: zone)) / 60
        let sign = offset < 0 ? "-" : "+"
        let zoneText = String(format: "%@%02d:%02d", sign, abs(offset) / 60, abs(offset) % 60)
        return String(format: "%@T%02d:%02d:%02d", date.isoDay, date.hour, date.minute, date.second) + zoneText
    }
}
