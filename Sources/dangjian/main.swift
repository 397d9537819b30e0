import ArgumentParser
import Dangjian
import Foundation

/// Parses the command line and runs the command; usage errors exit with status 2 as the contract says.
do {
    var command = try DangjianCommand.parseAsRoot()
    if let serving = command as? LongRunningCommand {
        try await serving.start()
    } else {
        try command.run()
    }
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch {
    let code = DangjianCommand.exitCode(for: error)
    if code == .success {
        print(DangjianCommand.fullMessage(for: error))
        Foundation.exit(0)
    }
    FileHandle.standardError.write(Data("用法错误：\(DangjianCommand.message(for: error))\n请运行 dangjian --help 查看用法。\n".utf8))
    Foundation.exit(2)
}

/// Commands that run until stopped (the preview server). Called through this protocol because an
/// `AsyncParsableCommand` existential resolves `run()` to its synchronous default.
protocol LongRunningCommand {
    func start() async throws
}
