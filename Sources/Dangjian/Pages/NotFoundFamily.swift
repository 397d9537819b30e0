/// The 404 page (when the theme has `404.mustache`). It is served by the web server at whatever
/// address was not found, so its relative links would point below that address. An inline script sets
/// `dangjianSiteRoot` and adds a `<base>` naming the site root: the path of `base_url` when the
/// address lies below it; otherwise the part of the address before the first of the site's top-level
/// folders (those of every planned page, the theme's files, the search data and the PDFs); otherwise the address's own
/// folder. The template then writes its stylesheet link from `dangjianSiteRoot` (a link in the markup
/// would be fetched too early, by the preload scanner, from the wrong folder). Opened as a file it sets
/// "": the page is at the root.
///
/// The root is worked out from the address's path alone, with runs of slashes (and backslashes)
/// made one, and written after the page's own origin: an address such as `http://host//evil.test/x`
/// can never make the base another host's (`//evil.test/`) or a `javascript:` address.
struct NotFoundFamily: SinglePageFamily {
    let name = "not-found"
    let isOptional = true

    let fixedAddress = Addresses.notFound
    let templateName = "404"

    func content(_ key: PageKey, _ context: PageContext) -> PageContent {
        let site = context.site
        var folders = Set<String>()
        for path in context.pagePaths + [Addresses.themeAssets, Addresses.searchData, Addresses.print] where path.contains("/") {
            folders.insert(String(path.prefix { $0 != "/" }))
        }
        let values: [String: TemplateValue] = [
            "title": .text("页面未找到"), "section": .text("notFound"),
            "rootScript": .text(Self.rootScript(basePath: site.config.baseURL.map(Self.path(of:)) ?? "", folders: Array(folders))),
        ]
        return .template("404", TemplateMap(values))
    }

    /// `http://intranet.example/dangjian/` → `/dangjian/`; always one slash at a time, from `/`.
    static func path(of baseURL: String) -> String {
        var path = "/"
        if let scheme = baseURL.range(of: "://"), let slash = baseURL[scheme.upperBound...].firstIndex(of: "/") {
            path = String(baseURL[slash...])
        }
        while path.contains("//") { path = path.replacingOccurrences(of: "//", with: "/") }
        return path
    }

    static func rootScript(basePath: String, folders: [String]) -> String {
        let list = "[" + Array(Set(folders)).sorted().map(JSONText.string).joined(separator: ",") + "]"
        return """
        <script>window.dangjianSiteRoot=(function(){var l=window.location;if(!/^https?:$/.test(l.protocol))return "";\
        var p=l.pathname.replace(/[\\/\\\\]+/g,"/"),b=\(JSONText.string(basePath)),f=\(list),r=null;\
        if(b&&p.indexOf(b)===0){r=b}else{var s=p.split("/");for(var i=1;i<s.length-1;i++){if(f.indexOf(s[i])>=0){r=s.slice(0,i).join("/")+"/";break}}}\
        if(r===null){r=p.slice(0,p.lastIndexOf("/")+1)}\
        if(r.charAt(0)!=="/"){r="/"}r=l.origin+r;\
        var e=document.createElement("base");e.href=r;document.head.appendChild(e);return r})();</script>
        """
    }
}
