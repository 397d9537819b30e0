import Foundation

/// Runs ffprobe or ffmpeg on one file as a process of its own, with a time limit. The file is opened
/// by the caller through `SafeFile` and handed to the child as descriptor 3 (`/dev/fd/3`), so the
/// program reads exactly the file that was checked, never a path a link could be swapped into.
/// What the program writes to standard output is collected (at most `outputLimit` bytes); standard
/// error is kept, cut to a few hundred bytes, for messages.
enum MediaProcess {
    enum Outcome: Equatable {
        case finished(status: Int32, output: Data, errorText: String)
        /// The program is not installed (`posix_spawnp` found no such file).
        case notInstalled
        case timedOut
        /// Anything else that stopped the program from being run.
        case failed(Int32)
    }

    /// The input's name for the program.
    static let inputPath = "/dev/fd/3"

    static func run(_ program: String, _ arguments: [String], input: Int32, timeLimit: Double = 30,
                    outputLimit: Int = 16 << 20) -> Outcome {
        var output: [Int32] = [0, 0], errors: [Int32] = [0, 0]
        guard pipe(&output) == 0 else { return .failed(errno) }
        guard pipe(&errors) == 0 else { close(output[0]); close(output[1]); return .failed(errno) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input, 3)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, program, &actions, nil, argv, environ)
        close(output[1])
        close(errors[1])
        defer { close(output[0]); close(errors[0]) }
        guard status == 0 else { return status == ENOENT ? .notInstalled : .failed(status) }
        let collected = collect(output: output[0], errors: errors[0], until: Date().addingTimeInterval(timeLimit), limit: outputLimit)
        if collected == nil { kill(pid, SIGKILL) }
        var exit: Int32 = 0
        while waitpid(pid, &exit, 0) < 0 && errno == EINTR {}
        guard let (data, errorText) = collected else { return .timedOut }
        // posix_spawnp reports a program it could not find only through the child's exit status 127.
        let code = (exit & 0x7f) == 0 ? (exit >> 8) & 0xff : 128 + (exit & 0x7f)
        return .finished(status: code, output: data, errorText: errorText)
    }

    /// Reads both pipes until both end; nil when the deadline passes first.
    private static func collect(output: Int32, errors: Int32, until deadline: Date, limit: Int) -> (Data, String)? {
        var data = Data(), errorBytes = Data()
        var open: [Int32] = [output, errors]
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while !open.isEmpty {
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { return nil }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining, 1) * 1000))
            if ready < 0 && errno != EINTR { return nil }
            for item in fds where item.revents != 0 {
                let count = read(item.fd, &buffer, buffer.count)
                if count <= 0 { open.removeAll { $0 == item.fd }; continue }
                if item.fd == output {
                    if data.count < limit { data.append(contentsOf: buffer[0..<count]) }
                } else if errorBytes.count < 4_096 {
                    errorBytes.append(contentsOf: buffer[0..<count])
                }
            }
        }
        return (data, String(decoding: errorBytes.prefix(400), as: UTF8.self))
    }
}
