import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML file (feed.xml, sitemap.xml) read with Foundation's parser: every element with its
/// attributes and its own text, decoded, in document order; `error` when it is not well-formed.
public struct XMLElements {
    public struct Element {
        public let name: String
        public let attributes: [String: String]
        public internal(set) var text: String
    }

    public private(set) var elements: [Element] = []
    public private(set) var error: String?

    public init(_ data: Data) {
        let collector = Collector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        if !parser.parse() { error = parser.parserError.map { "\($0)" } ?? "not well-formed" }
        elements = collector.finished
    }

    /// The decoded text of every element named `name`.
    public func texts(of name: String) -> [String] { elements.filter { $0.name == name }.map(\.text) }

    private final class Collector: NSObject, XMLParserDelegate {
        var open: [Element] = []
        var finished: [Element] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            open.append(Element(name: name, attributes: attributes, text: ""))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if !open.isEmpty { open[open.count - 1].text += string }
        }

        func parser(_ parser: XMLParser, foundCDATA data: Data) {
            if !open.isEmpty { open[open.count - 1].text += String(decoding: data, as: UTF8.self) }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if let element = open.popLast() { finished.append(element) }
        }
    }
}
