/// site.yml's `base_url`: the site's address on the intranet, printed in QR codes and written into
/// feed.xml and sitemap.xml. Only an absolute `http://` or `https://` address with a host is taken
/// (its scheme in lower case, a `/` added at the end); anything else — `javascript:`, `data:`, `//host`,
/// a relative path, spaces or quotes — is refused with the reason, and never reaches the site.
enum BaseURL {
    enum Verdict: Equatable {
        case valid(String)
        case invalid(problem: String)
    }

    /// Characters no address may hold as written: they would end an attribute or a QR code's text,
    /// or be read differently by browsers.
    static let forbidden: Set<Character> = ["\"", "'", "<", ">", "\\", "`", "{", "}", "|", "^"]

    static func check(_ text: String) -> Verdict {
        if text.contains(where: { $0.isWhitespace || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } }) {
            return .invalid(problem: "网址中不能有空格、制表符或换行")
        }
        if let bad = text.first(where: forbidden.contains) {
            return .invalid(problem: "网址中不能有“\(bad)”")
        }
        guard let separator = text.range(of: "://") else {
            if text.hasPrefix("//") { return .invalid(problem: "缺少开头的 http: 或 https:") }
            if let colon = text.firstIndex(of: ":"), isScheme(text[..<colon]) {
                return .invalid(problem: "只能以 http:// 或 https:// 开头，不能用“\(text[...colon])”")
            }
            return .invalid(problem: "应是完整的网址，缺少开头的 http:// 或 https://")
        }
        let scheme = text[..<separator.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else {
            return .invalid(problem: "只能以 http:// 或 https:// 开头，不能用“\(text[..<separator.upperBound])”")
        }
        if text.contains("?") || text.contains("#") {
            return .invalid(problem: "网址中不能有 ? 或 #，只写到网站所在的文件夹")
        }
        let rest = text[separator.upperBound...]
        let authority = rest.prefix { $0 != "/" }
        if let problem = authorityProblem(authority) { return .invalid(problem: problem) }
        let path = rest[authority.endIndex...]
        let normalised = scheme + "://" + authority + path
        return .valid(normalised.hasSuffix("/") ? normalised : normalised + "/")
    }

    /// `intranet.example`, `10.1.2.3:8080`, `[fd00::1]`, `党建.内网`: a host and an optional port.
    private static func authorityProblem(_ authority: Substring) -> String? {
        if authority.isEmpty { return "“://”之后缺少主机名，例如 http://intranet.example/dangjian/" }
        if authority.contains("@") { return "网址中不能有用户名或密码（@ 之前的部分）" }
        let hostEnd: String.Index
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return "主机名“\(authority)”少了“]”" }
            hostEnd = authority.index(after: close)
        } else {
            hostEnd = authority.firstIndex(of: ":") ?? authority.endIndex
        }
        let host = authority[..<hostEnd], afterHost = authority[hostEnd...]
        if !afterHost.isEmpty {
            let port = afterHost.dropFirst()
            guard afterHost.first == ":", (1...5).contains(port.count), port.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let number = Int(port), (1...65535).contains(number) else {
                return "端口“\(port)”无效：应为 1–65535 之间的数字"
            }
        }
        return hostProblem(host)
    }

    private static func hostProblem(_ host: Substring) -> String? {
        if host.hasPrefix("[") {
            let inside = host.dropFirst().dropLast()
            guard !inside.isEmpty, inside.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else {
                return "主机名“\(host)”无效"
            }
            return nil
        }
        guard !host.isEmpty, host.allSatisfy({ $0.isLetter || $0.isNumber || "-._~%".contains($0) }),
              !host.hasPrefix("."), !host.contains("..") else {
            return "主机名“\(host)”无效：只能有字母、数字、连字符和点"
        }
        return nil
    }

    private static func isScheme(_ text: Substring) -> Bool {
        guard let first = text.first, first.isASCII, first.isLetter else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }
}
