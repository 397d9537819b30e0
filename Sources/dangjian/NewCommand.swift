import ArgumentParser
import Dangjian
import Foundation

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "新建一篇晨学、沙龙或品牌文件，前置信息自动填好。",
        discussion: "例：dangjian new talk \"家风是最好的传承\" --speaker 王建华 --series 伦理典故 --tags 家风建设,廉洁自律")

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case talk, salon, brand
    }

    @Argument(help: "类型：talk（晨学三分钟）、salon（先锋沙龙）或 brand（一支部一品牌）。") var kind: Kind
    @Argument(help: "标题。") var title: String
    @OptionGroup var site: SiteOptions
    @Option(help: "日期，默认今天，例如 2026-11-24。") var date: String?
    @Option(help: "标签，用逗号分隔。") var tags: String?
    @Option(help: "晨学：主讲人。") var speaker: String?
    @Option(help: "晨学：系列（site.yml 的 talk_series 之一）。") var series: String?
    @Option(help: "晨学或品牌：支部（编号或名称）。") var branch: String?
    @Option(help: "沙龙：承办支部（编号或名称）。") var host: String?
    @Option(help: "沙龙：主讲或分享人，用逗号分隔。") var speakers: String?
    @Option(help: "沙龙：期数，默认为下一期。") var issue: String?
    @Option(help: "品牌：类别（site.yml 的 brand_categories 之一）。") var category: String?
    @Option(help: "品牌：口号。") var slogan: String?
    @Option(help: "文件名中的网址名（小写英文字母、数字、连字符），默认由标题转成拼音。") var slug: String?

    func run() throws {
        var values: [String: String] = [:]
        let given: [(String, String?)] = [("date", date), ("tags", tags), ("speaker", speaker), ("series", series),
                                          ("branch", branch), ("host", host), ("speakers", speakers), ("issue", issue),
                                          ("category", category), ("slogan", slogan), ("slug", slug)]
        for (key, value) in given { if let value { values[key] = value } }
        let entryKind: EntryKind = kind == .talk ? .talk : kind == .salon ? .salon : .brand
        let request = NewEntryRequest(kind: entryKind, title: title, values: values)
        let prompter: ScaffoldPrompter? = isatty(0) == 1 ? TerminalPrompter() : nil
        switch EntryScaffold.create(request, root: site.rootURL, prompter: prompter) {
        case let .success(path):
            Console.line("已新建 \(path)")
        case let .failure(failure):
            Console.print(failure.diagnostics, quiet: false)
            Console.line("未写入任何文件。", error: true)
            throw ExitCode(1)
        }
    }
}

/// Asks on the terminal, offering numbered choices.
struct TerminalPrompter: ScaffoldPrompter {
    func choose(_ question: String, from choices: [String]) -> String? {
        Console.line(question)
        for (number, choice) in choices.enumerated() { Console.line("  \(number + 1). \(choice)") }
        if !choices.isEmpty { Console.line("请输入序号或名称：") }
        guard let answer = readLine()?.trimmingCharacters(in: .whitespaces), !answer.isEmpty else { return nil }
        if let number = Int(answer), (1...choices.count).contains(number) { return choices[number - 1] }
        return answer
    }
}
