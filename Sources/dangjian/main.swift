import ArgumentParser
import Dangjian
import Foundation

/// Parses the command line and runs the command; usage errors exit with status 2 as the contract says.
let commands = DangjianCommand.configuration.subcommands.map { $0.configuration.commandName ?? "" }
if let unknown = ChineseUsage.unknownCommand(Array(CommandLine.arguments.dropFirst()), commands: commands) {
    FileHandle.standardError.write(Data("用法错误：\(unknown)\n请运行 dangjian --help 查看用法。\n".utf8))
    Foundation.exit(2)
}
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
        print(ChineseUsage.help(DangjianCommand.fullMessage(for: error)))
        Foundation.exit(0)
    }
    let message = ChineseUsage.error(DangjianCommand.message(for: error))
    let hint = ChineseUsage.helpHint(Array(CommandLine.arguments.dropFirst()), commands: commands)
    FileHandle.standardError.write(Data("用法错误：\(message)\n\(hint)\n".utf8))
    Foundation.exit(2)
}

/// Commands that run until stopped (the preview server). Called through this protocol because an
/// `AsyncParsableCommand` existential resolves `run()` to its synchronous default.
protocol LongRunningCommand {
    func start() async throws
}
