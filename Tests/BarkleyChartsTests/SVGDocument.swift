import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A chart's SVG read back with a real XML parser: fails on any markup that is not well formed.
final class SVGDocument: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        /// Text of the element's own `<title>` child, when it has one.
        var title: String?
    }

    private(set) var elements: [Element] = []
    private(set) var rootAttributes: [String: String] = [:]
    private var stack: [Int] = []
    private var text = ""

    /// Parses `svg`; throws the parser's error when it is not well-formed XML.
    init(_ svg: String) throws {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        guard parser.parse() else {
            throw parser.parserError ?? CocoaError(.propertyListReadCorrupt)
        }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if elements.isEmpty { rootAttributes = attributes }
        elements.append(Element(name: name, attributes: attributes))
        stack.append(elements.count - 1)
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        let index = stack.removeLast()
        elements[index].title = elements[index].title ?? (name == "title" || name == "desc" || name == "text" ? text : nil)
        if name == "title", let parent = stack.last { elements[parent].title = text }
        text = ""
    }

    /// `<rect>`s whose class list contains every word of `classes`.
    func rects(_ classes: String) -> [Element] {
        let wanted = Set(classes.split(separator: " "))
        return elements.filter { $0.name == "rect" && wanted.isSubset(of: Set(($0.attributes["class"] ?? "").split(separator: " "))) }
    }

    func text(of name: String) -> String? { elements.first { $0.name == name }?.title }
}

extension SVGDocument.Element {
    func number(_ attribute: String) -> Double { Double(attributes[attribute] ?? "") ?? .nan }
}
