import ArgumentParser
import Dangjian
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "新建一个网站：内容文件夹、网站设置、每类条目一个示例和默认外观。",
        discussion: "例：dangjian init 党建网站 --organization 某某局机关党委 --title \"晨学三分钟 · 党建品牌展示\" --branch jiguan-1:机关第一党支部 --branch jiguan-2:机关第二党支部")

    @Argument(help: ArgumentHelp("新网站的文件夹，默认为当前文件夹。", valueName: "文件夹")) var folder: String = "."
    @Option(help: ArgumentHelp("单位名称，印在简报和展板上。", valueName: "单位")) var organization: String?
    @Option(help: ArgumentHelp("网站名称。", valueName: "名称")) var title: String?
    @Option(help: ArgumentHelp("支部，写成 编号:名称；可写多次。", valueName: "编号:名称")) var branch: [String] = []
    @Option(help: ArgumentHelp("\(KindCatalog.standard.seriesField?.0.shortName ?? "")系列，用逗号分隔；不写则用常见的九个系列。", valueName: "系列")) var series: String?

    func run() throws {
        let asking = isatty(0) == 1
        let organization = self.organization ?? (asking ? ask("单位名称（例如 某某局机关党委）：") : nil) ?? "某某单位党委"
        let title = self.title ?? (asking ? ask("网站名称（直接回车则用“党建品牌展示”）：") : nil) ?? "党建品牌展示"
        let branches = !branch.isEmpty ? branch.map(Self.branch) : (asking ? askBranches() : nil) ?? SiteInitRequest.defaultBranches
        let seriesList = (series ?? (asking ? ask("\(seriesLabel)系列，用逗号分隔（直接回车则用常见的九个系列：\(SiteInitRequest.defaultSeries.joined(separator: "、"))）：") : nil))
            .map { $0.split(whereSeparator: { ",，、".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
            .flatMap { $0.isEmpty ? nil : $0 }
        let target = URL(fileURLWithPath: folder).standardizedFileURL
        guard let theme = ThemeLocator.defaultTheme() else {
            Console.print([ScaffoldError.themeMissing(path: "templates").diagnostic], quiet: false)
            throw ExitCode(1)
        }
        let request = SiteInitRequest(folder: target, organization: organization, title: title, branches: branches,
                                      series: seriesList ?? SiteInitRequest.defaultSeries)
        switch SiteInit.create(request, theme: theme) {
        case .success:
            Console.line("""
            已新建网站：\(target.path)
            接下来：
              1. 进入网站文件夹：cd \(folder == "." ? "." : folder)
              2. 用记事本打开 content/site.yml，改好单位名称、支部和各项设置
              3. 看一看 content/ 中的示例，照着新建自己的条目：dangjian new talk "标题" --speaker 姓名 --series \(request.series.first ?? "系列")
              4. 检查并生成网站：dangjian check，然后 dangjian build
              5. 双击 site/index.html 打开网站；把整个 site 文件夹复制到内网服务器或共享盘即可发布
            """)
        case let .failure(failure):
            Console.print(failure.diagnostics, quiet: false)
            Console.line("未新建任何文件。", error: true)
            throw ExitCode(1)
        }
    }

    private var seriesLabel: String { KindCatalog.standard.seriesField?.0.shortName ?? "" }

    /// `jiguan-1:机关第一党支部` (a full-width colon too) → its id and name; the id alone names it too.
    static func branch(_ pair: String) -> (id: String, name: String) {
        let parts = pair.split(maxSplits: 1, whereSeparator: { $0 == ":" || $0 == "：" }).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let id = parts.first else { return ("", "") }
        return (id, parts.count > 1 && !parts[1].isEmpty ? parts[1] : id)
    }

    /// Branches one a line until an empty line; a line whose id is not valid is asked again. Nil when none is given.
    private func askBranches() -> [(id: String, name: String)]? {
        Console.line("各支部，每行一个，写成 编号:名称（编号用小写英文字母、数字和连字符，如 jiguan-1:机关第一党支部）；"
            + "写完后直接回车结束（一个不写则用两个示例支部，以后可在 content/site.yml 中修改）：")
        var branches: [(id: String, name: String)] = []
        while let line = readLine()?.trimmingCharacters(in: .whitespaces), !line.isEmpty {
            let branch = Self.branch(line)
            if Slug.isValid(branch.id) {
                branches.append(branch)
            } else {
                Console.line("  支部编号“\(branch.id)”只能用小写英文字母、数字和连字符，请重新输入这一行：")
            }
        }
        return branches.isEmpty ? nil : branches
    }

    private func ask(_ question: String) -> String? {
        Console.line(question)
        guard let answer = readLine()?.trimmingCharacters(in: .whitespaces), !answer.isEmpty else { return nil }
        return answer
    }
}
