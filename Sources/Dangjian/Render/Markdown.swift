import CCmark

/// A link or image destination found in a Markdown body, with its place in the body.
struct MarkdownLink {
    let destination: String
    let isImage: Bool
    /// 1-based line and column within the body text (0 when libcmark does not know).
    let line: Int
    let column: Int
}

/// What to do with a link: keep it, point it elsewhere, or keep only its text.
enum LinkDecision {
    case keep
    case replace(String)
    case unlink
}

struct RenderedMarkdown: Sendable {
    let html: String
    /// The text without markup, paragraphs separated by newlines (for summaries and counts).
    let plainText: String
}

/// Markdown → HTML through libcmark's C API. The only file that knows cmark exists: it parses to a
/// node tree, walks it with `cmark_iter` to rewrite links, and renders the tree to HTML.
enum Markdown {
    static func render(_ text: String, allowRawHTML: Bool, decide: (MarkdownLink) -> LinkDecision) -> RenderedMarkdown {
        let options = CMARK_OPT_DEFAULT | (allowRawHTML ? CMARK_OPT_UNSAFE : 0)
        guard let document = text.withCString({ cmark_parse_document($0, strlen($0), options) }) else {
            return RenderedMarkdown(html: "", plainText: "")
        }
        defer { cmark_node_free(document) }
        var plain = ""
        var toUnlink: [OpaquePointer] = []
        walk(document) { node, event in
            let type = cmark_node_get_type(node)
            guard event == CMARK_EVENT_ENTER else {
                if isBlock(type) && !plain.hasSuffix("\n") && !plain.isEmpty { plain += "\n" }
                return
            }
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                plain += string(cmark_node_get_literal(node))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                plain += " "
            case CMARK_NODE_CODE_BLOCK:
                plain += string(cmark_node_get_literal(node)) + "\n"
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let link = MarkdownLink(destination: string(cmark_node_get_url(node)), isImage: type == CMARK_NODE_IMAGE,
                                        line: Int(cmark_node_get_start_line(node)),
                                        column: Int(cmark_node_get_start_column(node)))
                switch decide(link) {
                case .keep: break
                case let .replace(url): _ = cmark_node_set_url(node, url)
                case .unlink: toUnlink.append(node)
                }
            default: break
            }
        }
        toUnlink.forEach(replaceWithChildren)
        guard let html = cmark_render_html(document, options) else { return RenderedMarkdown(html: "", plainText: plain) }
        defer { free(html) }
        return RenderedMarkdown(html: String(cString: html), plainText: plain)
    }

    private static func walk(_ root: OpaquePointer, _ visit: (OpaquePointer, cmark_event_type) -> Void) {
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

    private static func isBlock(_ type: cmark_node_type) -> Bool {
        type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_ITEM
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}

import Foundation
