import CCmark
import Foundation

/// Reshaping libcmark's tree after parsing: a paragraph split where a pasted soft break starts a new
/// one, and footnotes placed as references and a closing section.
/// Pasted text as the writer meant it: paragraphs at Word's indents, footnotes.
extension Markdown {
    /// Each indented line of prose (and each note's definition) starts a paragraph of its own;
    /// full-width spaces starting a paragraph or a line go (the theme indents paragraphs).
    static func reshape(_ document: OpaquePointer, proseLines: Set<Int>, footnotes: Bool) {
        var splits: [OpaquePointer] = []
        var trims: [OpaquePointer] = []
        walk(document) { node, event in
            guard event == CMARK_EVENT_ENTER else { return }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_TEXT, let before = cmark_node_previous(node) ?? nil,
               cmark_node_get_type(before) == CMARK_NODE_SOFTBREAK {
                if proseLines.contains(Int(cmark_node_get_start_line(node))) { trims.append(node) }
            } else if type == CMARK_NODE_TEXT, cmark_node_previous(node) == nil,
                      cmark_node_get_type(cmark_node_parent(node)) == CMARK_NODE_PARAGRAPH {
                trims.append(node)
            }
            guard type == CMARK_NODE_SOFTBREAK, cmark_node_get_type(cmark_node_parent(node)) == CMARK_NODE_PARAGRAPH,
                  let next = cmark_node_next(node) else { return }
            let nextLiteral = cmark_node_get_type(next) == CMARK_NODE_TEXT ? string(cmark_node_get_literal(next)) : ""
            if proseLines.contains(Int(cmark_node_get_start_line(next))) || (footnotes && Footnotes.definition(nextLiteral) != nil) {
                splits.append(node)
            }
        }
        for node in trims {
            let literal = string(cmark_node_get_literal(node))
            let trimmed = literal.drop { $0 == "\u{3000}" || $0 == " " || $0 == "\t" }
            if trimmed.count != literal.count { _ = cmark_node_set_literal(node, String(trimmed)) }
        }
        for softBreak in splits.reversed() { split(at: softBreak) }
    }

    /// The paragraph holding `softBreak` ends before it; what follows becomes the next paragraph.
    private static func split(at softBreak: OpaquePointer) {
        guard let paragraph = cmark_node_parent(softBreak), let next = cmark_node_new(CMARK_NODE_PARAGRAPH) else { return }
        while let moved = cmark_node_next(softBreak) { cmark_node_append_child(next, moved) }
        cmark_node_insert_after(paragraph, next)
        cmark_node_free(softBreak)
    }

    /// Notes' paragraphs moved into a numbered list at the end, references linked to them in the
    /// order they are first referred to; a reference to no note is put back as written.
    static func placeFootnotes(_ document: OpaquePointer) -> [FootnoteProblem] {
        var notes: [(label: String, paragraph: OpaquePointer, line: Int)] = []
        var defined = Set<String>()
        var texts: [OpaquePointer] = []
        walk(document) { node, event in
            guard event == CMARK_EVENT_ENTER, cmark_node_get_type(node) == CMARK_NODE_TEXT else { return }
            let literal = string(cmark_node_get_literal(node))
            guard literal.unicodeScalars.contains(Footnotes.open) else { return }
            let parent = cmark_node_parent(node)
            if cmark_node_previous(node) == nil, let parent, cmark_node_get_type(parent) == CMARK_NODE_PARAGRAPH,
               let (label, rest) = Footnotes.definition(literal), defined.insert(label).inserted {
                _ = cmark_node_set_literal(node, rest)
                notes.append((label, parent, sourceLine(node)))
            }
            texts.append(node)
        }
        notes.forEach { cmark_node_unlink($0.paragraph) }
        var numbers: [String: Int] = [:]
        var problems: [FootnoteProblem] = []
        for node in texts where cmark_node_parent(node) != nil {
            let line = sourceLine(node)
            for piece in Footnotes.pieces(string(cmark_node_get_literal(node))) {
                switch piece {
                case let .text(text):
                    cmark_node_insert_before(node, textNode(text))
                case let .reference(label) where defined.contains(label):
                    let number = numbers[label] ?? numbers.count + 1
                    numbers[label] = number
                    cmark_node_insert_before(node, customNode(CMARK_NODE_CUSTOM_INLINE, enter: Footnotes.referenceHTML(label, number: number)))
                case let .reference(label):
                    problems.append(FootnoteProblem(kind: .undefined, label: label, line: line))
                    cmark_node_insert_before(node, textNode(Footnotes.literal(label)))
                }
            }
            cmark_node_free(node)
        }
        guard !notes.isEmpty else { return problems }
        let ordered = notes.filter { numbers[$0.label] != nil }.sorted { numbers[$0.label]! < numbers[$1.label]! }
            + notes.filter { numbers[$0.label] == nil }
        let section = customNode(CMARK_NODE_CUSTOM_BLOCK, enter: Footnotes.sectionOpening, exit: Footnotes.sectionClosing)
        for note in ordered {
            if numbers[note.label] == nil { problems.append(FootnoteProblem(kind: .unused, label: note.label, line: note.line)) }
            let item = customNode(CMARK_NODE_CUSTOM_BLOCK, enter: Footnotes.noteOpening(note.label), exit: "</li>\n")
            cmark_node_append_child(note.paragraph, customNode(CMARK_NODE_CUSTOM_INLINE, enter: Footnotes.backReference(note.label)))
            cmark_node_append_child(item, note.paragraph)
            cmark_node_append_child(section, item)
        }
        cmark_node_append_child(document, section)
        return problems
    }

    /// The body line `node` was parsed from. Nodes made here have none (a paragraph split off at a
    /// note's definition, the text left of a link that lost its link): the nearest ancestor's is taken.
    private static func sourceLine(_ node: OpaquePointer) -> Int {
        var current: OpaquePointer? = node
        while let found = current {
            let line = Int(cmark_node_get_start_line(found))
            if line > 0 { return line }
            current = cmark_node_parent(found)
        }
        return 1
    }

    static func customNode(_ type: cmark_node_type, enter: String, exit: String = "") -> OpaquePointer {
        let node = cmark_node_new(type)!
        _ = cmark_node_set_on_enter(node, enter)
        _ = cmark_node_set_on_exit(node, exit)
        return node
    }

    private static func textNode(_ text: String) -> OpaquePointer {
        let node = cmark_node_new(CMARK_NODE_TEXT)!
        _ = cmark_node_set_literal(node, text)
        return node
    }

    static func replace(_ node: OpaquePointer, with replacement: OpaquePointer) {
        _ = cmark_node_replace(node, replacement)
        cmark_node_free(node)
    }
}
