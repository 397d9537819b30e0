/// Paste artefacts as `check` reports them: a warning each with the place and the fix, at most
/// `perKind` of a kind in one file and then one line counting the rest, so a messy archive is
/// not buried in warnings (`dangjian tidy` fixes them all at once).
public enum PasteWarning {
    static let perKind = 5

    /// The warnings of one entry's body.
    static func diagnostics(for entry: Entry) -> [Diagnostic] {
        diagnostics(PasteArtefacts.scan(entry.body), file: entry.path, firstLine: entry.bodyFirstLine)
    }

    static func diagnostics(_ findings: [PasteFinding], file: String, firstLine: Int) -> [Diagnostic] {
        guard !findings.isEmpty else { return [] }
        var shown: [PasteFinding.Kind: Int] = [:]
        var result: [Diagnostic] = []
        for finding in findings {
            let count = shown[finding.kind, default: 0]
            shown[finding.kind] = count + 1
            let location = SourceLocation(file: file, line: firstLine - 1 + finding.line, column: finding.column)
            if count < perKind {
                result.append(diagnostic(finding, at: location))
            } else if count == perKind {
                let rest = findings.filter { $0.kind == finding.kind }.count - perKind
                let option = finding.kind == .brokenParagraph ? "--join-paragraphs " : ""
                result.append(Diagnostic(.warning, code: "paste-more", at: location,
                                         message: "本文从这里起还有 \(rest) 处同类问题（\(name(finding.kind))），不再一一列出：运行 dangjian tidy \(option)\(file) 可一并修正"))
            }
        }
        return result
    }

    static func name(_ kind: PasteFinding.Kind) -> String {
        switch kind {
        case .hanSpace: return "汉字之间的空格"
        case .halfwidthPunctuation: return "中文句子里的半角标点"
        case .tocLine: return "目录行"
        case .bulletGlyph: return "粘贴来的项目符号"
        case .brokenParagraph: return "在句子中间断开的段落"
        }
    }

    static func diagnostic(_ finding: PasteFinding, at location: SourceLocation) -> Diagnostic {
        let tidy = finding.fix == nil ? "" : "；dangjian tidy 可自动修正"
        switch finding.kind {
        case .hanSpace:
            return Diagnostic(.warning, code: "paste-han-space", at: location,
                              message: "汉字之间有空格“\(finding.found)”（多半是从 PDF 或 Word 粘贴时留下的）：请删去空格\(tidy)")
        case .halfwidthPunctuation:
            let wanted = fullWidth(finding)
            return Diagnostic(.warning, code: "paste-halfwidth-punctuation", at: location,
                              message: "中文句子里用了半角标点“\(finding.found)”：请改为全角的“\(wanted)”\(tidy)")
        case .tocLine:
            return Diagnostic(.warning, code: "paste-toc-line", at: location,
                              message: "这一行像是目录（以页码“\(finding.found)”结尾）：网页不需要目录页码，请删去这一行（标题多的文章页面会自动显示目录）"
                                + (finding.fix == nil ? "" : "；dangjian tidy 可一并删去连续的目录行"))
        case .bulletGlyph:
            return Diagnostic(.warning, code: "paste-bullet-glyph", at: location,
                              message: "行首的“\(finding.found)”是从 Word 粘贴来的项目符号：请改为 Markdown 列表的“- ”\(tidy)")
        case .brokenParagraph:
            return Diagnostic(.warning, code: "paste-broken-paragraph", at: location,
                              message: "这一段在句子中间断开了（“\(finding.found)”）：如果下一段是这句话的继续，请删去两段之间的空行"
                                + "（dangjian tidy --join-paragraphs 可自动合并，请先加 --dry-run 看看）")
        }
    }

    private static func fullWidth(_ finding: PasteFinding) -> String {
        if case let .replace(_, _, with)? = finding.fix { return with }
        return finding.found == "\"" ? "“”" : finding.found
    }
}
