import CCmark
import Foundation

/// A link or image destination found in a Markdown body, with its place in the body.
struct MarkdownLink {
    let destination: String
    let isImage: Bool
    /// 1-based line and byte column within the body text (0 when libcmark does not know).
    let line: Int
    let column: Int
}

/// What to do with a link: keep it, point it elsewhere, or keep only its text.
enum LinkDecision {
    case keep
    case replace(String)
    case unlink
    /// An image replaced by HTML made from its description (a video player): the paragraph it stands
    /// alone in becomes that block, else it is placed inline.
    case html((String) -> String)
}

/// A heading of levels 2–4, with the `id` its HTML element carries.
public struct MarkdownHeading: Sendable, Equatable {
    public let level: Int
    public let text: String
    public let anchor: String
}

struct RenderedMarkdown: Sendable {
    let html: String
    /// The text without markup, paragraphs separated by newlines (for summaries and counts).
    let plainText: String
    /// The opening of the text outside headings and code blocks, paragraphs separated by newlines (for summaries).
    var excerpt = ""
    var headings: [MarkdownHeading] = []
    var footnoteProblems: [FootnoteProblem] = []
}

/// Markdown → HTML through libcmark's C API. The only file that knows cmark exists: it parses to a
/// node tree (after `CJKEmphasis` has placed its joiners), walks it to remove the joiners and
/// rewrite links, walks it again to drop soft breaks between Chinese characters (`LineBreaks`),
/// collect the plain text and give headings their anchors, and renders the tree to HTML.
enum Markdown {
    static func render(_ text: String, allowRawHTML: Bool, anchor: (String) -> String = { Slug.make(from: $0) },
                       decide: (MarkdownLink) -> LinkDecision) -> RenderedMarkdown {
        let options = CMARK_OPT_DEFAULT | (allowRawHTML ? CMARK_OPT_UNSAFE : 0)
        let indents = PasteIndents.scan(text)
        let footnotes = Footnotes.prepare(text)
        var source = footnotes?.text ?? text
        guard var (document, prepared) = parse(source, options: options) else { return RenderedMarkdown(html: "", plainText: "") }
        var removed: [Int: Int] = [:]
        if let indents, let lines = proseCodeLines(document, proseLines: indents.proseLines) {
            cmark_node_free(document)
            (source, removed) = PasteIndents.deindent(source, lines: lines)
            guard let again = parse(source, options: options) else { return RenderedMarkdown(html: "", plainText: "") }
            (document, prepared) = again
        }
        defer { cmark_node_free(document) }
        resolveLinks(document, prepared: prepared, removed: removed, keepTables: !allowRawHTML, decide: decide)
        if indents != nil || footnotes != nil {
            reshape(document, proseLines: indents?.proseLines ?? [], footnotes: footnotes != nil)
        }
        let footnoteProblems = footnotes == nil ? [] : placeFootnotes(document)
        let content = readContent(document)
        content.joinedBreaks.forEach { cmark_node_free($0) }
        var anchors = Anchors()
        let headings = content.headings.map { node, level, text in
            let heading = MarkdownHeading(level: level, text: text, anchor: anchors.next(anchor(text)))
            giveAnchor(node, heading: heading, options: options)
            return heading
        }
        guard let html = cmark_render_html(document, options) else { return RenderedMarkdown(html: "", plainText: content.plain) }
        defer { free(html) }
        // The plain text was grown by appending (up to twice its bytes): held until the search index, it is kept compact.
        return RenderedMarkdown(html: String(cString: html), plainText: content.plain.compacted, excerpt: content.excerpt, headings: headings,
                                footnoteProblems: footnoteProblems)
    }

    private static func parse(_ text: String, options: Int32) -> (OpaquePointer, CJKEmphasis.Prepared)? {
        let prepared = CJKEmphasis.prepare(text)
        guard let document = prepared.text.withCString({ cmark_parse_document($0, strlen($0), options) }) else { return nil }
        return (document, prepared)
    }

    /// The lines of indented code blocks that are Chinese prose (Word's paragraph indents), if any.
    /// (A fenced block starts at its fence, which is not a line of prose.)
    private static func proseCodeLines(_ document: OpaquePointer, proseLines: Set<Int>) -> Set<Int>? {
        var lines = Set<Int>()
        walk(document) { node, event in
            guard event == CMARK_EVENT_ENTER, cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK,
                  proseLines.contains(Int(cmark_node_get_start_line(node))),
                  PasteIndents.isProseBlock(string(cmark_node_get_literal(node))) else { return }
            lines.formUnion(Int(cmark_node_get_start_line(node))...Int(max(cmark_node_get_end_line(node), cmark_node_get_start_line(node))))
        }
        return lines.isEmpty ? nil : lines
    }

    /// First pass: joiners out of every literal and address, then each link decided.
    /// Tables written as HTML are kept (`TableHTML`) when raw HTML is not.
    private static func resolveLinks(_ document: OpaquePointer, prepared: CJKEmphasis.Prepared, removed: [Int: Int],
                                     keepTables: Bool, decide: (MarkdownLink) -> LinkDecision) {
        let hasJoiners = !prepared.insertions.isEmpty
        var toUnlink: [OpaquePointer] = []
        var tables: [(OpaquePointer, String)] = []
        var players: [(OpaquePointer, (String) -> String)] = []
        walk(document) { node, event in
            guard event == CMARK_EVENT_ENTER else { return }
            let type = cmark_node_get_type(node)
            if hasJoiners { removeJoiners(node, type: type) }
            if keepTables, type == CMARK_NODE_HTML_BLOCK, let table = TableHTML.sanitized(string(cmark_node_get_literal(node))) {
                tables.append((node, table))
            }
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { return }
            let line = Int(cmark_node_get_start_line(node))
            let column = prepared.originalColumn(line: line, column: Int(cmark_node_get_start_column(node))) + (removed[line] ?? 0)
            let link = MarkdownLink(destination: string(cmark_node_get_url(node)), isImage: type == CMARK_NODE_IMAGE,
                                    line: line, column: column)
            switch decide(link) {
            case .keep: break
            case let .replace(url): _ = cmark_node_set_url(node, url)
            case .unlink: toUnlink.append(node)
            case let .html(make): players.append((node, make))
            }
        }
        toUnlink.forEach(replaceWithChildren)
        for (node, make) in players { placeHTML(make(description(of: node)), for: node) }
        for (node, table) in tables { replace(node, with: customNode(CMARK_NODE_CUSTOM_BLOCK, enter: table)) }
    }

    /// The text of an image's description, joiners left out.
    private static func description(of node: OpaquePointer) -> String {
        var text = ""
        walk(node) { child, event in
            guard event == CMARK_EVENT_ENTER else { return }
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE { text += string(cmark_node_get_literal(child)) }
        }
        return String(text.unicodeScalars.filter { $0 != "\u{2060}" })
    }

    private static func placeHTML(_ html: String, for node: OpaquePointer) {
        if let parent = cmark_node_parent(node), cmark_node_get_type(parent) == CMARK_NODE_PARAGRAPH,
           cmark_node_first_child(parent) == node, cmark_node_last_child(parent) == node {
            replace(parent, with: customNode(CMARK_NODE_CUSTOM_BLOCK, enter: html))
        } else {
            replace(node, with: customNode(CMARK_NODE_CUSTOM_INLINE, enter: html))
        }
    }

    private static func removeJoiners(_ node: OpaquePointer, type: cmark_node_type) {
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK:
            if let cleaned = withoutJoiners(cmark_node_get_literal(node)) { _ = cmark_node_set_literal(node, cleaned) }
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            if let cleaned = withoutJoiners(cmark_node_get_url(node)) { _ = cmark_node_set_url(node, cleaned) }
            if let cleaned = withoutJoiners(cmark_node_get_title(node)) { _ = cmark_node_set_title(node, cleaned) }
        default: break
        }
    }

    private static func withoutJoiners(_ pointer: UnsafePointer<CChar>?) -> String? {
        guard let pointer, strstr(pointer, "\u{2060}") != nil else { return nil }
        return String(String(cString: pointer).unicodeScalars.filter { $0 != "\u{2060}" })
    }

    private struct Content {
        var plain = ""
        /// The opening of the text outside headings and code (for summaries): blocks end in "\n",
        /// lines within one are apart by `Summary.lineBreak`.
        var excerpt = ""
        var joinedBreaks: [OpaquePointer] = []
        var headings: [(node: OpaquePointer, level: Int, text: String)] = []
    }

    /// Second pass: soft breaks to drop (unlinked, freed by the caller), plain text, headings.
    private static func readContent(_ document: OpaquePointer) -> Content {
        var content = Content()
        var heading: (node: OpaquePointer, level: Int, text: String)?
        var inHeading = false
        walk(document) { node, event in
            let type = cmark_node_get_type(node)
            guard event == CMARK_EVENT_ENTER else {
                if isBlock(type) && !content.plain.hasSuffix("\n") && !content.plain.isEmpty { content.plain += "\n" }
                if isBlock(type) && !content.excerpt.hasSuffix("\n") && !content.excerpt.isEmpty { content.excerpt += "\n" }
                if type == CMARK_NODE_HEADING { inHeading = false }
                if type == CMARK_NODE_HEADING, let finished = heading { content.headings.append(finished) }
                if type == CMARK_NODE_HEADING { heading = nil }
                return
            }
            var piece = ""
            // The excerpt keeps a paragraph's lines apart, so a summary can leave out a line of a
            // table of contents or a point's title pasted as one paragraph with the text after it.
            var excerptPiece: String?
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: piece = string(cmark_node_get_literal(node))
            case CMARK_NODE_LINEBREAK: piece = " "; excerptPiece = Summary.lineBreak
            case CMARK_NODE_SOFTBREAK:
                excerptPiece = Summary.lineBreak
                if LineBreaks.joins(neighbour(of: node, forward: false), neighbour(of: node, forward: true)) {
                    content.joinedBreaks.append(node)
                } else {
                    piece = " "
                }
            case CMARK_NODE_CODE_BLOCK: piece = string(cmark_node_get_literal(node)) + "\n"
            case CMARK_NODE_HEADING:
                inHeading = true
                let level = Int(cmark_node_get_heading_level(node))
                if (2...4).contains(level) { heading = (node, level, "") }
            default: break
            }
            content.plain += piece
            heading?.text += piece
            if !inHeading, type != CMARK_NODE_CODE_BLOCK, content.excerpt.utf8.count < 1_500 { content.excerpt += excerptPiece ?? piece }
        }
        content.joinedBreaks.forEach { cmark_node_unlink($0) }
        return content
    }

    /// The character beside `node` in reading order within its block, looking into emphasis and links.
    private static func neighbour(of node: OpaquePointer, forward: Bool) -> Unicode.Scalar? {
        var current = sibling(of: node, forward: forward)
        var parent = cmark_node_parent(node)
        while true {
            guard let candidate = current else {
                guard let container = parent, isInlineContainer(cmark_node_get_type(container)) else { return nil }
                current = sibling(of: container, forward: forward)
                parent = cmark_node_parent(container)
                continue
            }
            switch cmark_node_get_type(candidate) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let scalar = edgeScalar(of: cmark_node_get_literal(candidate), last: !forward) { return scalar }
                current = sibling(of: candidate, forward: forward)
            case let type where isInlineContainer(type):
                parent = candidate
                current = forward ? cmark_node_first_child(candidate) : cmark_node_last_child(candidate)
            default:
                return nil
            }
        }
    }

    /// The first or last character of a C string, without converting the whole string.
    private static func edgeScalar(of pointer: UnsafePointer<CChar>?, last: Bool) -> Unicode.Scalar? {
        guard let pointer else { return nil }
        let length = strlen(pointer)
        guard length > 0 else { return nil }
        let bytes = UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self)
        var start = last ? length - 1 : 0
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        var end = start + 1
        while end < length, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: UnsafeBufferPointer(start: bytes + start, count: end - start), as: UTF8.self).unicodeScalars.first
    }

    private static func sibling(of node: OpaquePointer, forward: Bool) -> OpaquePointer? {
        forward ? cmark_node_next(node) : cmark_node_previous(node)
    }

    private static func isInlineContainer(_ type: cmark_node_type) -> Bool {
        type == CMARK_NODE_EMPH || type == CMARK_NODE_STRONG || type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE
    }

    /// cmark writes `<h2>`; the heading becomes a custom block holding the same HTML with an `id`.
    private static func giveAnchor(_ node: OpaquePointer, heading: MarkdownHeading, options: Int32) {
        guard let rendered = cmark_render_html(node, options) else { return }
        defer { free(rendered) }
        let html = String(cString: rendered)
        let opening = "<h\(heading.level)>"
        guard html.hasPrefix(opening), let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        _ = cmark_node_set_on_enter(block, "<h\(heading.level) id=\"\(heading.anchor)\">" + html.dropFirst(opening.count))
        _ = cmark_node_set_on_exit(block, "")
        _ = cmark_node_replace(node, block)
        cmark_node_free(node)
    }

    static func walk(_ root: OpaquePointer, _ visit: (OpaquePointer, cmark_event_type) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if let node = cmark_iter_get_node(iterator) { visit(node, event) }
        }
    }

    /// A link whose target must not be followed keeps its text; an image keeps its description.
    private static func replaceWithChildren(_ node: OpaquePointer) {
        while let child = cmark_node_first_child(node) {
            cmark_node_insert_before(node, child)
        }
        cmark_node_free(node)
    }

    static func isBlock(_ type: cmark_node_type) -> Bool {
        type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_ITEM
    }

    static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
