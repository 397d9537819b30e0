import Foundation

/// A Python interpreter that has a module, for tests that read files back (openpyxl for workbooks):
/// Debian's own python3 (where `python3-openpyxl` installs it) or the first `python3` on PATH.
public enum Python {
    public static func interpreter(with module: String) -> String? {
        for candidate in ["/usr/bin/python3", "python3"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [candidate, "-c", "import \(module)"]
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { continue }
            process.waitUntilExit()
            if process.terminationStatus == 0 { return candidate }
        }
        return nil
    }

    /// What `script` prints, run with `arguments`.
    public static func run(_ interpreter: String, _ script: String, arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [interpreter, "-c", script] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
