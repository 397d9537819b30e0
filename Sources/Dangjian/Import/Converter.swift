import Foundation

/// Word documents to CommonMark through pandoc (Debian's `pandoc`), .doc and .wps first to .docx
/// through LibreOffice when it is installed. Each conversion runs in a folder of its own, the
/// pictures extracted into `media/` there.
struct Converter: Sendable {
    let pandoc: String
    let libreOffice: String?
    /// The Lua filter's file (`writeFilter`), written once for a whole import.
    let filter: URL
    /// A conversion taking longer is stopped (a 300-page document takes a few seconds).
    var timeout: TimeInterval = 300

    /// Pandoc and LibreOffice as found on PATH (or named by DANGJIAN_PANDOC / DANGJIAN_LIBREOFFICE).
    static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> (pandoc: String?, libreOffice: String?) {
        let pandoc = environment["DANGJIAN_PANDOC"] ?? Executables.find("pandoc", environment: environment)
        let office = environment["DANGJIAN_LIBREOFFICE"]
            ?? Executables.find("libreoffice", environment: environment) ?? Executables.find("soffice", environment: environment)
        return (pandoc, office)
    }

    /// Converts the .docx at `document` into `folder/document.md` and `folder/media/…`.
    func markdown(of document: URL, in folder: URL) -> Result<String, ConversionProblem> {
        let output = folder.appendingPathComponent("document.md")
        let run = Executables.run(pandoc, ["-f", "docx", "-t", "commonmark+footnotes", "--wrap=preserve",
                                           "--lua-filter", filter.path, "--extract-media=.", "-o", output.path, document.path],
                                  in: folder, timeout: timeout)
        guard run.status == 0 else {
            if run.timedOut { return .failure(.timedOut(Int(timeout))) }
            return .failure(.failed(run.errorText))
        }
        guard let data = try? Data(contentsOf: output) else { return .failure(.failed("pandoc 没有输出")) }
        return .success(String(decoding: data, as: UTF8.self))
    }

    /// A .doc or .wps saved again as .docx by LibreOffice into `folder`; nil when LibreOffice is not installed.
    func docx(from document: URL, in folder: URL) -> Result<URL, ConversionProblem>? {
        guard let libreOffice else { return nil }
        // A profile folder of its own, so a LibreOffice the person has open is neither used nor disturbed.
        let profile = "file://" + folder.appendingPathComponent("lo-profile").path
        let run = Executables.run(libreOffice, ["-env:UserInstallation=" + profile, "--headless", "--convert-to", "docx",
                                                "--outdir", folder.path, document.path], in: folder, timeout: timeout)
        let converted = folder.appendingPathComponent(document.deletingPathExtension().lastPathComponent + ".docx")
        guard run.status == 0, FileManager.default.fileExists(atPath: converted.path) else {
            return .failure(run.timedOut ? .timedOut(Int(timeout)) : .failed(run.errorText))
        }
        return .success(converted)
    }

    /// Writes the Lua filter into `folder`, once for all the conversions of an import.
    static func writeFilter(in folder: URL) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("filter.lua")
        try Data(luaFilter.utf8).write(to: file)
        return file
    }

    /// Pandoc's Lua filter: paragraph indents and hard line breaks dropped (the theme indents
    /// paragraphs; soft breaks between Chinese characters vanish on the page), pictures without
    /// Word's sizes, underline and spans kept as their text, the Title style as the first heading.
    static let luaFilter = #"""
    local function trim_start(s)
      while true do
        if s:sub(1, 3) == '\u{3000}' then s = s:sub(4)
        elseif s:sub(1, 2) == '\u{00A0}' then s = s:sub(3)
        elseif s:sub(1, 1) == ' ' or s:sub(1, 1) == '\t' then s = s:sub(2)
        else return s end
      end
    end
    local function strip_leading(inlines)
      while #inlines > 0 do
        local first = inlines[1]
        if first.t == 'Space' or first.t == 'SoftBreak' or first.t == 'LineBreak' then
          inlines:remove(1)
        elseif first.t == 'Str' then
          local text = trim_start(first.text)
          if text == '' then inlines:remove(1) else first.text = text; break end
        else break end
      end
      return inlines
    end
    function Para(el)
      el.content = strip_leading(el.content)
      if #el.content == 0 then return {} end
      return el
    end
    function Plain(el) el.content = strip_leading(el.content); return el end
    function LineBreak() return pandoc.SoftBreak() end
    function Image(el) el.attr = pandoc.Attr(); el.title = ''; return el end
    function Underline(el) return el.content end
    function SmallCaps(el) return el.content end
    function Span(el) return el.content end
    function Div(el) return el.content end
    function Pandoc(doc)
      if doc.meta.title then table.insert(doc.blocks, 1, pandoc.Header(1, doc.meta.title)) end
      return doc
    end
    """#
}

enum ConversionProblem: Error, Equatable {
    case failed(String)
    case timedOut(Int)
}

/// Finding and running the programs import uses.
enum Executables {
    static func find(_ name: String, environment: [String: String]) -> String? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = String(folder) + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    struct Run {
        let status: Int32
        let timedOut: Bool
        let errorText: String
    }

    /// Runs `program` in `folder`, its output to files there (no pipe can fill and block), stopped after `timeout`.
    static func run(_ program: String, _ arguments: [String], in folder: URL, timeout: TimeInterval) -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let errors = folder.appendingPathComponent("stderr.txt")
        FileManager.default.createFile(atPath: errors.path, contents: nil)
        guard let errorHandle = try? FileHandle(forWritingTo: errors) else { return Run(status: -1, timedOut: false, errorText: "") }
        defer { try? errorHandle.close() }
        process.standardError = errorHandle
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do { try process.run() } catch { return Run(status: -1, timedOut: false, errorText: "\(program)：\(error.localizedDescription)") }
        var timedOut = false
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            process.terminate()
            finished.wait()
        }
        let text = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return Run(status: process.terminationStatus, timedOut: timedOut, errorText: lines.prefix(3).joined(separator: "；"))
    }
}
