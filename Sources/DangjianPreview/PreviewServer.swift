import Dangjian
import Foundation
import Hummingbird
import Logging

/// `dangjian serve`: builds the site in memory, serves it on 127.0.0.1 (by default), rebuilds when
/// anything under `content/` or `templates/` changes and makes open pages reload themselves.
/// Rebuilds reuse what did not change and render pages when they are asked for (`OnDemandSite`).
/// The only file that knows the HTTP library exists.
public struct PreviewServer: Sendable {
    public let root: URL
    public let host: String
    public let port: Int
    let state = PreviewState()
    /// What rebuilds reuse: files, entries and bodies that did not change.
    let cache = BuildCache()

    public init(root: URL, host: String = "127.0.0.1", port: Int = 1313) {
        self.root = root
        self.host = host
        self.port = port
    }

    /// Runs until Ctrl-C (SIGINT) or SIGTERM. `onEvent` is told what happens, for the terminal.
    public func run(onEvent: @escaping @Sendable (PreviewEvent) -> Void) async throws {
        // Watching from before the first build: a file saved while it runs is rebuilt after it.
        let watcher = ChangeWatcher(root: root)
        await rebuild(onEvent: onEvent)
        if let first = await state.shown.site { DispatchQueue.global(qos: .utility).async { first.prepareSearch() } }
        let router = Router()
        let state = self.state
        // Pictures and theme files are read when asked for, from inside this folder only (see `respond`).
        let sourceRoot = FileTree.realPath(root.path) ?? root.standardizedFileURL.path
        router.get(RouterPath(LiveReload.statusPath)) { request, _ -> Response in
            let after = request.uri.queryParameters.get("after", as: Int.self) ?? -1
            let status = await state.waitForChange(after: after, timeout: 25)
            return Self.json(status)
        }
        // `**` needs at least one path segment: the bare address `/` is routed on its own, to the home page.
        router.get("/") { request, _ -> Response in
            await Self.respond(to: request.uri.path, state: state, sourceRoot: sourceRoot)
        }
        router.get("**") { request, _ -> Response in
            await Self.respond(to: request.uri.path, state: state, sourceRoot: sourceRoot)
        }
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "dangjian"),
            onServerRunning: { channel in
                onEvent(.listening(port: channel.localAddress?.port ?? port))
            },
            logger: Logger(label: "dangjian.serve", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        let watching = Task { await watch(watcher, onEvent: onEvent) }
        defer { watching.cancel() }
        // Hummingbird stops gracefully on these signals; browsers waiting for a rebuild are answered
        // at once, so stopping does not wait for their requests to time out.
        let stopping = [SIGINT, SIGTERM].map { number -> any DispatchSourceSignal in
            let source = DispatchSource.makeSignalSource(signal: number)
            source.setEventHandler { Task { await state.close() } }
            source.resume()
            return source
        }
        defer { stopping.forEach { $0.cancel() } }
        try await app.runService()
        onEvent(.stopped)
    }

    private func watch(_ watcher: ChangeWatcher, onEvent: @escaping @Sendable (PreviewEvent) -> Void) async {
        while !Task.isCancelled {
            await watcher.waitForEvents()
            guard watcher.hasChanged() else { continue }
            // An editor saving a file often writes it in several steps: let them finish first.
            repeat { try? await Task.sleep(nanoseconds: 20_000_000) } while watcher.hasChanged()
            await rebuild(changed: watcher.takeChanges(), onEvent: onEvent)
        }
    }

    private func rebuild(changed: Set<String>? = nil, onEvent: @Sendable (PreviewEvent) -> Void) async {
        let started = Date()
        let (report, site) = SiteBuilder.buildOnDemand(root: root, cache: cache, changed: changed)
        if let site {
            await state.publish(site, diagnostics: report.diagnostics)
        } else {
            await state.fail(report.diagnostics)
        }
        onEvent(.built(report, seconds: Date().timeIntervalSince(started), filesRead: cache.files.lastRead))
    }

    /// The file a request names. A picture or theme file is read now, by its real path, and only when
    /// that lies inside `sourceRoot`: a link put in its place after the server started is never followed out.
    static func respond(to rawPath: String, state: PreviewState, sourceRoot: String) async -> Response {
        guard let path = PreviewPath.resolve(rawPath) else { return forbidden }
        let (site, generation) = await state.shown
        var found = site?.file(path)
        if found == nil, !path.hasSuffix(".html") {
            let folder = path.isEmpty || path.hasSuffix("/") ? path : path + "/"
            found = site?.file(folder + "index.html")
            // A folder's address without its slash: the page's relative links need it, as any web server does.
            if found != nil, folder != path { return redirect(to: folderAddress(folder)) }
        }
        guard let content = found else {
            return notFound(path, generation: generation)
        }
        var data: Data
        switch content {
        case let .text(text): data = Data(text.utf8)
        case let .data(bytes): data = bytes
        case let .copy(url):
            switch SafeFile.read(url.path, root: sourceRoot) {
            case let .success(bytes): data = bytes
            case .failure(.refused): return forbidden
            case .failure(.system):
                return notFound(path, generation: generation)
            }
        }
        let type = MediaTypes.of(path)
        if type.hasPrefix("text/html") {
            data = Data(LiveReload.inject(into: String(decoding: data, as: UTF8.self), generation: generation).utf8)
        }
        return Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func redirect(to location: String) -> Response {
        Response(status: .movedPermanently, headers: [.location: location, .contentType: "text/plain; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: "301 请到 \(location)")))
    }

    /// `cases/` → `/cases/`, percent-encoded; made from the resolved path, never from the request's
    /// own spelling, so `//host/` cannot become a redirect to another host.
    static func folderAddress(_ folder: String) -> String {
        "/" + (folder.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? folder)
    }

    static func notFound(_ path: String, generation: Int) -> Response {
        Response(status: .notFound, headers: [.contentType: "text/html; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: LiveReload.inject(into: notFoundPage(path), generation: generation))))
    }

    static var forbidden: Response {
        Response(status: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: "403 禁止访问")))
    }

    static func json(_ status: PreviewState.Status) -> Response {
        let errors = status.diagnostics.filter(\.isError).map(DiagnosticFormatter.compilerStyle)
        let object: [String: Any] = ["generation": status.generation, "errors": errors]
        let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data("{}".utf8)
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func notFoundPage(_ path: String) -> String {
        let escaped = XMLText.escape(path)
        return "<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>找不到页面</title><body>"
            + "<h1>找不到页面</h1><p>网站中没有 \(escaped)。</p><p><a href=\"/index.html\">返回首页</a></p></body></html>"
    }
}

/// What the preview server reports to the terminal.
public enum PreviewEvent: Sendable {
    case listening(port: Int)
    /// A rebuild: its report, how long it took and how many entry files it had to read (the others
    /// were unchanged and reused).
    case built(BuildReport, seconds: Double, filesRead: Int)
    case stopped
}
