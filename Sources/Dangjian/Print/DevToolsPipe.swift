import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A headless Chromium driven through the DevTools protocol over `--remote-debugging-pipe`:
/// JSON messages separated by NUL bytes, commands on the browser's fd 3, answers and events on fd 4.
/// One browser serves every page; pages are tabs (targets) used from several threads at once.
final class DevToolsPipe: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let process: pid_t
    private let commands: Int32
    private let answers: Int32
    private let condition = NSCondition()
    private var nextID = 1
    private var results: [Int: [String: Any]] = [:]
    /// Commands whose answers are dropped when they come.
    private var unawaited = Set<Int>()
    /// Writes of several threads must not interleave.
    private let writing = NSLock()
    private var events: [(method: String, session: String?, params: [String: Any])] = []
    private var closed = false
    private let profile: URL
    /// Called on the reading thread for each event; returns true when it took the event. It must not
    /// wait for the browser itself (hand the work to another thread).
    var eventHandler: (@Sendable (_ method: String, _ session: String?, _ params: [String: Any]) -> Bool)?

    init(chromium: String) throws {
        var toBrowser: [Int32] = [0, 0], fromBrowser: [Int32] = [0, 0]
        guard pipe(&toBrowser) == 0, pipe(&fromBrowser) == 0 else { throw Failure(description: "pipe: \(errno)") }
        // Only the two ends dup'ed to fd 3 and 4 may reach the browser.
        for fd in toBrowser + fromBrowser { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("dangjian-chromium-\(UUID().uuidString)")
        let arguments = [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
                         "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         // Every tab prints: none is a background tab whose timers or rendering may be held back.
                         "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                         "--disable-backgrounding-occluded-windows",
                         "--allow-file-access-from-files", "--user-data-dir=\(profile.path)", "about:blank"]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toBrowser[0], 3)
        posix_spawn_file_actions_adddup2(&actions, fromBrowser[1], 4)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let status = posix_spawnp(&pid, chromium, &actions, nil, argv, environ)
        close(toBrowser[0])
        close(fromBrowser[1])
        guard status == 0 else {
            close(toBrowser[1]); close(fromBrowser[0])
            throw Failure(description: "posix_spawn \(chromium): \(status)")
        }
        process = pid
        commands = toBrowser[1]
        answers = fromBrowser[0]
        let reader = Thread { [unowned self] in self.readLoop() }
        reader.start()
    }

    /// Sends a command and waits for its answer.
    func send(_ method: String, _ params: [String: Any] = [:], session: String? = nil, timeout: TimeInterval = 120) throws -> [String: Any] {
        let id = try post(method, params, session: session, awaited: true)
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while results[id] == nil {
            if closed { throw Failure(description: "\(method): the browser stopped") }
            if !condition.wait(until: deadline) { unawaited.insert(id); throw Failure(description: "\(method): no answer in \(Int(timeout)) s") }
        }
        let result = results.removeValue(forKey: id)!
        if let error = result["error"] as? [String: Any] {
            throw Failure(description: "\(method): \(error["message"] ?? error)")
        }
        return result["result"] as? [String: Any] ?? [:]
    }

    /// Sends a command whose answer nobody waits for (answering a paused request): the sender never
    /// waits on the browser, which may be waiting for other answers first.
    func sendWithoutWaiting(_ method: String, _ params: [String: Any], session: String?) {
        _ = try? post(method, params, session: session, awaited: false)
    }

    /// Writes a command; its id.
    private func post(_ method: String, _ params: [String: Any], session: String?, awaited: Bool) throws -> Int {
        condition.lock()
        let id = nextID
        nextID += 1
        if !awaited { unawaited.insert(id) }
        condition.unlock()
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if let session { message["sessionId"] = session }
        var data = try JSONSerialization.data(withJSONObject: message)
        data.append(0)
        writing.lock()
        defer { writing.unlock() }
        let written = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let n = write(commands, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { if errno == EINTR { continue }; return false }
                offset += n
            }
            return true
        }
        guard written else { throw Failure(description: "\(method): the browser closed its pipe") }
        return id
    }

    /// Waits for an event of `method` on `session` (events that came before the call count).
    func waitForEvent(_ method: String, session: String, timeout: TimeInterval = 120) throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let index = events.firstIndex(where: { $0.method == method && $0.session == session }) {
                return events.remove(at: index).params
            }
            if closed { throw Failure(description: "\(method): the browser stopped") }
            if !condition.wait(until: deadline) { throw Failure(description: "\(method): not seen in \(Int(timeout)) s") }
        }
    }

    /// A tab showing `url`, once its load event fired.
    struct Tab {
        let target: String
        let session: String
    }

    /// With `intercepting`, every request for an address starting with it is paused for `eventHandler`
    /// to answer (`Fetch.requestPaused`).
    func openTab(_ url: String, intercepting: String? = nil, timeout: TimeInterval = 120) throws -> Tab {
        let created = try send("Target.createTarget", ["url": "about:blank"])
        guard let target = created["targetId"] as? String else { throw Failure(description: "no tab") }
        let attached = try send("Target.attachToTarget", ["targetId": target, "flatten": true])
        guard let session = attached["sessionId"] as? String else { throw Failure(description: "no session") }
        if let intercepting {
            _ = try send("Fetch.enable", ["patterns": [["urlPattern": intercepting + "*", "requestStage": "Request"]]], session: session)
        }
        _ = try send("Page.enable", session: session)
        _ = try send("Page.navigate", ["url": url], session: session)
        _ = try waitForEvent("Page.loadEventFired", session: session, timeout: timeout)
        return Tab(target: target, session: session)
    }

    /// The JSON value of `expression` evaluated in the tab (a promise's value once it settles).
    func evaluate(_ expression: String, in tab: Tab, timeout: TimeInterval = 120) throws -> Any? {
        let answer = try send("Runtime.evaluate", ["expression": expression, "returnByValue": true, "awaitPromise": true],
                              session: tab.session, timeout: timeout)
        if let exception = answer["exceptionDetails"] as? [String: Any] {
            let description = (exception["exception"] as? [String: Any])?["description"] ?? exception["text"] ?? "?"
            throw Failure(description: "script: \(description)")
        }
        return (answer["result"] as? [String: Any])?["value"]
    }

    func closeTab(_ tab: Tab) {
        _ = try? send("Target.closeTarget", ["targetId": tab.target])
        dropEvents(session: tab.session)
    }

    /// Forgets the events of a closed tab.
    func dropEvents(session: String) {
        condition.lock()
        events.removeAll { $0.session == session }
        condition.unlock()
    }

    func shutDown() {
        _ = try? send("Browser.close", timeout: 10)
        close(commands)
        var status: Int32 = 0
        waitpid(process, &status, 0)
        close(answers)
        try? FileManager.default.removeItem(at: profile)
    }

    private func readLoop() {
        var pending = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = read(answers, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            pending.append(contentsOf: buffer[0..<count])
            while let end = pending.firstIndex(of: 0) {
                let message = pending[pending.startIndex..<end]
                pending = Data(pending[(end + 1)...])
                if let object = (try? JSONSerialization.jsonObject(with: message)) as? [String: Any] { deliver(object) }
            }
        }
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    private func deliver(_ message: [String: Any]) {
        condition.lock()
        if let id = message["id"] as? Int {
            if unawaited.remove(id) == nil { results[id] = message }
        } else if let method = message["method"] as? String {
            let (session, params) = (message["sessionId"] as? String, message["params"] as? [String: Any] ?? [:])
            if eventHandler?(method, session, params) != true { events.append((method, session, params)) }
        }
        condition.broadcast()
        condition.unlock()
    }
}
