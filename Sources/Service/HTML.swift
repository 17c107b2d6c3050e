import Reporting

/// A piece of HTML that is safe to send: the only way to make one is through this type, and the only way a
/// string gets in is `HTML.text` or an attribute value, both escaped in one place (`Escape.html`, the report's
/// own). Tag and attribute names are `StaticString`s, so no value can become markup.
struct HTML: Sendable {
    private(set) var rendered: String

    private init(rendered: String) { self.rendered = rendered }

    static let empty = HTML(rendered: "")

    /// Text content, escaped.
    static func text(_ s: String) -> HTML { HTML(rendered: Escape.html(s)) }

    /// Markup written in the source (a style sheet, the doctype): never a value from a request or the corpus.
    static func trusted(_ s: StaticString) -> HTML { HTML(rendered: s.description) }

    /// `<tag a="v"…>children</tag>`; attribute values escaped, `nil` values leave the attribute out.
    static func el(_ tag: StaticString, attrs attributes: [(StaticString, String?)] = [], _ children: [HTML]) -> HTML {
        var s = "<" + tag.description
        for (name, value) in attributes {
            guard let value else { continue }
            s += " " + name.description + "=\"" + Escape.html(value) + "\""
        }
        s += ">"
        for c in children { s += c.rendered }
        s += "</" + tag.description + ">"
        return HTML(rendered: s)
    }

    static func el(_ tag: StaticString, attrs attributes: [(StaticString, String?)] = [], _ children: HTML...) -> HTML {
        el(tag, attrs: attributes, children)
    }

    /// An element with text content.
    static func el(_ tag: StaticString, attrs attributes: [(StaticString, String?)] = [], text: String) -> HTML {
        el(tag, attrs: attributes, [.text(text)])
    }

    /// A void element (`<input …>`, `<meta …>`).
    static func void(_ tag: StaticString, _ attributes: [(StaticString, String?)]) -> HTML {
        var s = "<" + tag.description
        for (name, value) in attributes {
            guard let value else { continue }
            s += " " + name.description + "=\"" + Escape.html(value) + "\""
        }
        return HTML(rendered: s + ">")
    }

    /// `text` with the UTF-8 `spans` wrapped in `<mark>` (the shared terms of a hit), escaped like any text.
    static func marked(_ text: String, _ spans: [Range<Int>]) -> HTML {
        let bytes = Array(text.utf8)
        var parts: [HTML] = []
        var at = 0
        for r in spans.sorted(by: { $0.lowerBound < $1.lowerBound }) where r.lowerBound >= at && r.upperBound <= bytes.count {
            parts.append(.text(String(decoding: bytes[at..<r.lowerBound], as: UTF8.self)))
            parts.append(.el("mark", text: String(decoding: bytes[r], as: UTF8.self)))
            at = r.upperBound
        }
        parts.append(.text(String(decoding: bytes[at...], as: UTF8.self)))
        return group(parts)
    }

    static func group(_ parts: [HTML]) -> HTML { HTML(rendered: parts.map(\.rendered).joined()) }

    static func + (a: HTML, b: HTML) -> HTML { HTML(rendered: a.rendered + b.rendered) }
}
