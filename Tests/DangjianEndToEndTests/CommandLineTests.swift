import Dangjian
import DangjianTestSupport
import Foundation
import Testing

/// The `dangjian` executable as people run it: messages, exit statuses.
@Suite("The dangjian command")
struct CommandLineTests {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static var executable: URL {
        let products = Bundle.allBundles.map(\.bundleURL).first { $0.pathExtension == "xctest" }?.deletingLastPathComponent()
            ?? Repository.root.appendingPathComponent(".build/debug")
        return products.appendingPathComponent("dangjian")
    }

    func run(_ arguments: [String], environment: [String: String]? = nil) throws -> Run {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test("build succeeds with status 0 and says what it wrote")
    func buildSucceeds() throws {
        let site = try TestSite(Fixtures.siteYML + "\n-- content/talks/2024/03/06-a.md --\n" + Fixtures.talk())
        let result = try run(["build", "--root", site.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("已生成"))
        #expect(site.exists("index.html"))
    }

    @Test("content errors print compiler-style lines in Chinese and exit with status 1")
    func contentErrors() throws {
        let site = try TestSite(Fixtures.siteYML + "\n-- content/talks/2024/03/06-a.md --\n"
            + Fixtures.talk().replacingOccurrences(of: "政策法规", with: "政策发规"))
        let result = try run(["build", "--root", site.root.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/talks/2024/03/06-a.md:5:9: 错误: 未知系列“政策发规”，是否为“政策法规”？"))
        #expect(result.stderr.contains("原有的 site/ 未被改动"))
        let check = try run(["check", "--root", site.root.path])
        #expect(check.status == 1)
        #expect(check.stdout.contains("1 个错误"))
    }

    @Test("check --format json gives file, line, column, severity and message")
    func checkJSON() throws {
        let site = try TestSite(Fixtures.siteYML + "\n-- content/talks/2024/03/06-a.md --\n" + Fixtures.talk("speeker: 李四"))
        let result = try run(["check", "--root", site.root.path, "--format", "json"])
        #expect(result.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows.first?["line"] as? Int == 6)
        #expect(rows.first?["severity"] as? String == "warning")
        #expect(rows.first?["file"] as? String == "content/talks/2024/03/06-a.md")
    }

    @Test("bad usage exits with status 2 and a hint in Chinese")
    func badUsage() throws {
        let unknown = try run(["bild"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("用法错误"))
        let option = try run(["build", "--nonsense"])
        #expect(option.status == 2)
        let help = try run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("build"))
    }

    @Test("a mistyped command gets a did-you-mean, a wrong option a Chinese message")
    func didYouMean() throws {
        let unknown = try run(["bild"])
        #expect(unknown.stderr.contains("未知命令“bild”，是否为“build”？"))
        #expect(try run(["build", "--nonsense"]).stderr.contains("没有选项“--nonsense”"))
        #expect(try run(["new", "talk"]).stderr.contains("缺少参数 <标题>"))
        #expect(try run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == DangjianVersion.current)
    }

    @Test("every argument error is in Chinese, keeps the did-you-mean and points to the command's own help")
    func argumentErrorsInChinese() throws {
        let cases: [([String], String)] = [
            (["build", "--quite"], "用法错误：没有选项“--quite”，是否为“--quiet”？"),
            (["build", "--nonsense"], "用法错误：没有选项“--nonsense”\n"),
            (["build", "--output"], "用法错误：选项 --output 后面缺少值（文件夹）"),
            (["build", "网站"], "用法错误：多余的参数“网站”"),
            (["check", "--format", "jsno"], "用法错误：“jsno”不是 --format 的有效值，是否为“json”？可选的值：text、json"),
            (["check", "--format", "xml"], "用法错误：“xml”不是 --format 的有效值；可选的值：text、json"),
            (["new", "talk"], "用法错误：缺少参数 <标题>"),
            (["build", "--quiet=yes"], "用法错误：选项 --quiet 后面不带值，却写了“yes”"),
        ]
        for (arguments, expected) in cases {
            let result = try run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains(expected), "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("请运行 dangjian \(arguments[0]) --help 查看用法。"), "\(arguments): \(result.stderr)")
            let english = result.stderr.matches(of: /[A-Za-z]{3,}/).map { String($0.output) }
                .filter { !["dangjian", "help", "quite", "quiet", "nonsense", "output", "format", "jsno", "json", "text", "xml",
                            "yes", "build", "check", "new", "talk"].contains($0) }
            #expect(english.isEmpty, "\(arguments) shows \(english)")
        }
    }

    @Test("an unknown kind is labelled with the command it was given to")
    func unknownKindNamesItsCommand() throws {
        let site = try TestSite(Fixtures.siteYML)
        let imported = try run(["import", site.root.path, "--as", "talks", "--root", site.root.path])
        #expect(imported.status == 1)
        #expect(imported.stderr.contains("dangjian import: 错误: 未知类型“talks”，是否为“talk”？"), "\(imported.stderr)")
        #expect(!imported.stderr.contains("dangjian new"))
        let made = try run(["new", "talks", "标题", "--root", site.root.path])
        #expect(made.stderr.contains("dangjian new: 错误: 未知类型“talks”，是否为“talk”？"), "\(made.stderr)")
    }

    @Test("new and import outside a site say so and point to init")
    func outsideASite() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("dangjian-nosite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        try WordFixtures.docx("# 标题\n\n正文。", named: "a.docx", in: empty)
        for arguments in [["new", "talk", "标题"], ["import", empty.appendingPathComponent("a.docx").path, "--as", "talk"]] {
            let result = try run(arguments + ["--root", empty.path])
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.contains("这里不是网站文件夹") && result.stderr.contains("dangjian init"), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("可参照示例站点"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: empty.path) == ["a.docx"], "nothing written")
        try FileManager.default.createDirectory(at: empty.appendingPathComponent("content"), withIntermediateDirectories: true)
        let noConfig = try run(["new", "talk", "标题", "--root", empty.path])
        #expect(noConfig.stderr.contains("找不到站点配置文件 site.yml") && noConfig.stderr.contains("dangjian init"), "\(noConfig.stderr)")
    }

    /// Words a help text may show in Latin letters: commands, kinds and options to type, and names of things.
    static let typed: Set<String> = ["dangjian", "init", "new", "check", "build", "serve", "print", "export", "help", "version",
                                     "talk", "salon", "brand", "case", "honour", "rating", "lesson", "page", "text", "json", "content",
                                     "templates", "site", "draft", "true", "yml", "Markdown", "Chromium", "PDF", "Excel",
                                     "Ctrl", "jiguan", "xlsx", "index", "html", "import", "tidy", "Word", "LibreOffice",
                                     "docx", "doc", "wps", "orig", "md", "talks"]

    @Test("every command's help is in Chinese: no English outside what is typed and the names of things")
    func helpInChinese() throws {
        let commands = ["", "init", "new", "import", "tidy", "check", "build", "serve", "print", "export"]
        for command in commands {
            let result = try run(command.isEmpty ? ["--help"] : [command, "--help"])
            #expect(result.status == 0, "\(command)")
            let options = Set(result.stdout.matches(of: /--?([a-z][a-z_-]*)/).flatMap {
                $0.output.1.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
            })
            let words = Set(result.stdout.matches(of: /[A-Za-z]{2,}/).map { String($0.output) })
            let english = words.subtracting(options).subtracting(Self.typed)
            #expect(english.isEmpty, "dangjian \(command) --help shows \(english.sorted())")
        }
    }

    @Test("init makes a site that checks and builds; outside a site, commands point to init")
    func initThenBuild() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dangjian-init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let made = try run(["init", folder.path, "--organization", "测试局机关党委", "--title", "测试网站",
                            "--branch", "jiguan-1:机关第一党支部", "--series", "理论摘编,政策法规"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("接下来"))
        let check = try run(["check", "--root", folder.path])
        #expect(check.status == 0 && check.stdout.contains("0 个错误，0 个警告"), "\(check.stderr)")
        let build = try run(["build", "--root", folder.path])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("site/index.html").path))
        for page in TestSite.files(under: folder.appendingPathComponent("site")) where page.hasSuffix(".html") {
            let text = try String(contentsOf: folder.appendingPathComponent("site/" + page), encoding: .utf8)
            for machinery in ["site.yml", "honour_levels", ".mustache", "front matter", "前置信息"] {
                #expect(!text.contains(machinery), "the example site's public page \(page) shows \(machinery)")
            }
        }
        let again = try run(["init", folder.path])
        #expect(again.status == 1 && again.stderr.contains("这里已经有网站"))
        let badBranch = try run(["init", folder.appendingPathComponent("b").path, "--branch", "机关一:机关第一党支部"])
        #expect(badBranch.status == 1 && badBranch.stderr.contains("支部编号“机关一”只能用小写英文字母"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("b").path), "nothing half-written")
        let unwritable = try run(["init", "/proc/dangjian-init-test"])
        #expect(unwritable.status == 1 && !FileManager.default.fileExists(atPath: "/proc/dangjian-init-test"))
        let outside = try run(["build", "--root", folder.appendingPathComponent("content").path])
        #expect(outside.status == 1 && outside.stderr.contains("这里不是网站文件夹") && outside.stderr.contains("dangjian init"))
        #expect(!outside.stderr.contains("模板"), "one message, not a missing theme as well")
    }

    @Test("init at a terminal asks for the organisation, title, branches one a line, and series")
    func initAsks() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dangjian-init-asks-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        // script(1) gives the program a terminal; the answers are typed into it.
        let terminal = Process()
        terminal.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        terminal.arguments = ["-qec", "'\(Self.executable.path)' init '\(folder.path)'", "/dev/null"]
        let input = Pipe(), output = Pipe()
        terminal.standardInput = input
        terminal.standardOutput = output
        try terminal.run()
        input.fileHandleForWriting.write(Data("测试局机关党委\n测试网站\njiguan-1:机关第一党支部\n机关二:机关第二党支部\njiguan-2：机关第二党支部\n\n理论摘编，政策法规\n".utf8))
        try input.fileHandleForWriting.close()
        let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        terminal.waitUntilExit()
        #expect(terminal.terminationStatus == 0, "\(said)")
        #expect(said.contains("各支部，每行一个") && said.contains("支部编号“机关二”只能用小写英文字母") && said.contains("已新建网站"), "\(said)")
        let config = try String(contentsOf: folder.appendingPathComponent("content/site.yml"), encoding: .utf8)
        for expected in ["测试局机关党委", "测试网站", "jiguan-1", "机关第一党支部", "jiguan-2", "机关第二党支部", "理论摘编", "政策法规"] {
            #expect(config.contains(expected), "site.yml lacks \(expected)")
        }
        #expect(!config.contains("伦理典故") && !config.contains("机关二"), "\(config)")
        #expect(try run(["check", "--root", folder.path]).status == 0)
    }

    @Test("print without Chromium says how to install it and exits with status 2")
    func printWithoutChromium() throws {
        let site = try TestSite(Fixtures.siteYML + "\n-- content/talks/2024/03/06-a.md --\n" + Fixtures.talk())
        let result = try run(["print", "--root", site.root.path], environment: ["PATH": "/nonexistent", "LANG": "C.UTF-8"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("找不到 Chromium"))
        #expect(result.stderr.contains("apt-get install chromium"))
        #expect(!site.exists("index.html"))
    }

    @Test("print --strict fails with status 1 when a page would print wider than its paper")
    func printStrict() throws {
        try #require(PDFPrinter.findChromium() != nil, "Chromium is needed: apt-get install chromium")
        let site = try TestSite(PrintProblemTests.wideSite)
        let result = try run(["print", "--root", site.root.path, "--strict"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("content/talks/2024/03/08-gu-ding.md: 错误: 打印页 bulletins/2024-03/index.html 中有内容比纸还宽"), "the table held at a fixed width, cut at the column: \(result.stderr)")
        #expect(result.stderr.contains("（--strict：按错误处理）"))
        #expect(!site.exists("index.html"))
    }

    @Test("import: a progress line, each problem with its file, the closing summary naming what to fill in; status 1 on errors")
    func importCommand() throws {
        let site = try TestSite(Fixtures.siteYML)
        let folder = site.root.appendingPathComponent("稿件")
        try WordFixtures.docx("# 家风是最好的传承\n\n2024年3月6日\n\n正文。", named: "a.docx", in: folder)
        try WordFixtures.encryptedDocx().write(to: folder.appendingPathComponent("b.docx"))
        let result = try run(["import", folder.path, "--as", "talk", "--series", "伦理典故", "--root", site.root.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("稿件/b.docx: 错误: 文档设置了打开密码"))
        #expect(result.stderr.contains("稿件/a.docx: 警告: 文档中没有找到主讲人"))
        #expect(result.stdout.contains("导入完毕：共 2 个文件，导入晨学三分钟 1 讲（图片 0 张），未导入 1 个；1 个错误，1 个警告。"))
        #expect(result.stdout.contains("  content/talks/2024/03/06-jia-feng-shi-zui-hao-de-chuan-cheng.md：主讲人（speaker）"))
        let usage = try run(["import", folder.path, "--as", "talk", "--speeker", "王", "--root", site.root.path])
        #expect(usage.status == 1 && usage.stderr.contains("是否为“--speaker”"))
    }

    @Test("export: the workbook written with status 0, warnings only counted; an empty year or an unwritable folder: status 1, Chinese, no file")
    func exportCommand() throws {
        let site = try TestSite(Fixtures.siteYML + "\n-- content/talks/2024/03/06-a.md --\n" + Fixtures.talk("speeker: 李四")
            + "\n-- content/talks/2024/03/07-b.md --\n" + Fixtures.talk("spaeker: 李四", date: "2024-03-07"))
        let target = site.root.appendingPathComponent("台账.xlsx")
        let written = try run(["export", "--year", "2024", "--root", site.root.path, "--output", target.path])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.contains("已导出 2024 年台账（晨学三分钟 2 条）→ \(target.path)"))
        #expect(written.stdout.contains("检查网站内容时另有 2 个警告（不影响导出），运行 dangjian check 查看。"))
        #expect(written.stderr.isEmpty, "warnings are counted, not listed: \(written.stderr)")
        #expect(try Data(contentsOf: target).prefix(2) == Data("PK".utf8), "an .xlsx is a zip file")

        let empty = site.root.appendingPathComponent("2019.xlsx")
        let none = try run(["export", "--year", "2019", "--root", site.root.path, "--output", empty.path])
        #expect(none.status == 1)
        #expect(none.stderr.contains("dangjian export: 错误: 2019 年没有可导出的条目，未写入任何文件：有条目的年份：2024"))
        #expect(none.stderr.contains("导出失败，未写入任何文件。"))
        #expect(!FileManager.default.fileExists(atPath: empty.path))

        for folder in ["/proc", site.root.appendingPathComponent("没有这个文件夹").path] {
            let output = folder + "/台账-2024.xlsx"
            let failed = try run(["export", "--year", "2024", "--root", site.root.path, "--output", output])
            #expect(failed.status == 1)
            #expect(failed.stderr.contains("\(output): 错误: 无法写入台账文件：请检查文件夹是否存在、是否有写入权限"), "\(failed.stderr)")
            #expect(!failed.stderr.contains("[ERROR]") && !failed.stderr.contains("workbook"), "the library's own English stays off: \(failed.stderr)")
            #expect(failed.stdout.isEmpty)
            let left = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            #expect(!left.contains { $0.contains("台账") }, "no file, hidden or not, is left behind")
        }
    }

    @Test("import names a file whose name is not UTF-8, in a folder or given by itself, and imports the rest")
    func importNameNotUTF8() throws {
        let site = try TestSite(Fixtures.siteYML)
        let folder = site.root.appendingPathComponent("稿件")
        let good = try WordFixtures.docx("# 家风\n\n2024年3月6日\n\n正文。", named: "a.docx", in: folder)
        try WordFixtures.writeFile(rawName: WordFixtures.gbkName, in: folder, data: Data(contentsOf: good))
        let options = ["--as", "talk", "--series", "伦理典故", "--speaker", "王建华", "--root", site.root.path]
        let result = try run(["import", folder.path] + options)
        #expect(result.status == 1)
        #expect(result.stderr.contains("稿件/\\xB5\\xB3\\xBD\\xA8.docx: 错误: 文件名不是 UTF-8 编码（按 GBK 编码读是“党建.docx”"), "\(result.stderr)")
        #expect(result.stdout.contains("导入完毕：共 2 个文件，导入晨学三分钟 1 讲（图片 0 张），未导入 1 个；1 个错误"), "\(result.stdout)")
        // Given by itself through a shell, which passes the name's bytes as they are (\265\263\275\250 in octal).
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", #"program="$0"; folder="$1"; shift; "$program" import "$folder/$(printf '\265\263\275\250').docx" "$@" 2>&1"#, Self.executable.path, folder.path] + options
        let pipe = Pipe()
        shell.standardOutput = pipe
        try shell.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 1)
        #expect(output.contains("稿件/\\xB5\\xB3\\xBD\\xA8.docx: 错误: 文件名不是 UTF-8 编码") && !output.contains("找不到这个文件"), "\(output)")
    }

    @Test("tidy: lists each change with its line and column, keeps the original")
    func tidyCommand() throws {
        let site = try TestSite(Fixtures.siteYML + "\n-- content/talks/2024/03/06-a.md --\n" + Fixtures.talk(body: "定期召 开党小组会,学习。"))
        let file = site.root.appendingPathComponent("content/talks/2024/03/06-a.md").path
        let result = try run(["tidy", file])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("第 7 行第 4 列：删去汉字间的空格：“召 开” → “召开”"))
        #expect(result.stdout.contains("第 7 行第 10 列：半角“,”改为“，”"))
        #expect(result.stdout.contains("整理完毕：1 个文件中，1 个文件修正了 2 处。"))
        #expect(FileManager.default.fileExists(atPath: file + ".orig"))
    }
}
