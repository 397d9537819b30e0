import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Debian's nginx serving a folder at a sub-path on 127.0.0.1 and a free port, in the foreground
/// (`daemon off`, one process), with its own configuration in a temporary folder; stopped by `stop()`
/// or when released. The site's `404.html` answers every missing address under the sub-path.
public final class NginxServer: @unchecked Sendable {
    public let port: Int
    public let subPath: String
    private let process = Process()
    private let folder: URL

    public init(serving site: URL, at subPath: String) throws {
        self.subPath = subPath
        port = try Self.freePort()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("dangjian-nginx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let config = """
        daemon off;
        master_process off;
        pid \(folder.path)/nginx.pid;
        error_log \(folder.path)/error.log;
        events { worker_connections 64; }
        http {
            include /etc/nginx/mime.types;
            access_log off;
            client_body_temp_path \(folder.path)/body;
            proxy_temp_path \(folder.path)/proxy;
            fastcgi_temp_path \(folder.path)/fastcgi;
            uwsgi_temp_path \(folder.path)/uwsgi;
            scgi_temp_path \(folder.path)/scgi;
            server {
                listen 127.0.0.1:\(port);
                location \(subPath) { alias "\(site.standardizedFileURL.path)/"; }
                error_page 404 \(subPath)404.html;
            }
        }
        """
        try config.write(to: folder.appendingPathComponent("nginx.conf"), atomically: true, encoding: .utf8)
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["-p", folder.path, "-c", folder.appendingPathComponent("nginx.conf").path, "-e", folder.appendingPathComponent("error.log").path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        try waitUntilListening()
    }

    deinit { stop() }

    public var baseURL: String { "http://127.0.0.1:\(port)\(subPath)" }

    public func stop() {
        if process.isRunning {
            // SIGKILL: the child may start with SIGTERM blocked (inherited signal mask), and a
            // single-process nginx never unblocks it. Nothing of this server needs a clean shutdown.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: folder)
    }

    static var binary: String {
        ["/usr/sbin/nginx", "/usr/bin/nginx"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "nginx"
    }

    private func waitUntilListening() throws {
        for _ in 0..<100 {
            if Self.connects(port: port) { return }
            guard process.isRunning else { break }
            usleep(50_000)
        }
        let log = (try? String(contentsOf: folder.appendingPathComponent("error.log"), encoding: .utf8)) ?? ""
        throw BrowserCrawl.CrawlError(message: "nginx did not start: \(log)")
    }

    /// A port the system hands out for 127.0.0.1, released again for nginx to take.
    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0
            }
        }
        guard bound else { throw BrowserCrawl.CrawlError(message: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func connects(port: Int) -> Bool {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = loopback(port: port)
        return withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}
