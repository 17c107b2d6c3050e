import Corpus
import Foundation
import Hummingbird
import HummingbirdTesting
@testable import Service
import XCTest

/// Hostile text (script tags, quotes, an element in an organisation's name, a 3000-letter word, RTL override and
/// zero-width characters) in the corpus and in queries, through every page: never markup, always escaped text.
final class HostileTextTests: XCTestCase {
    /// No tag other than the page's own: every `<` starts one of the tags the pages are built from.
    static func assertOnlyOwnMarkup(_ html: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let allowed: Set<String> = ["html", "head", "meta", "title", "style", "body", "header", "a", "nav", "main", "h1", "h2",
                                    "p", "form", "label", "textarea", "div", "select", "option", "input", "button", "table",
                                    "tr", "th", "td", "ul", "li", "span", "dl", "dt", "dd", "ol", "blockquote", "strong", "mark", "!doctype"]
        var rest = Substring(html)
        while let lt = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: lt)...]
            let name = after.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber || $0 == "!" }.lowercased()
            XCTAssertTrue(allowed.contains(name), "\(what): unexpected <\(name)", file: file, line: line)
            rest = after
        }
        XCTAssertFalse(html.contains("<script"), what, file: file, line: line)
        XCTAssertFalse(html.contains("<img"), what, file: file, line: line)
        XCTAssertFalse(html.contains("<b>"), what, file: file, line: line)
        XCTAssertFalse(html.contains("onerror=alert(1)>"), what, file: file, line: line)
    }

    func testEveryPageEscapesHostileRecordsAndQueries() async throws {
        let id = Pages.percentEncoded(Fixture.hostileID)
        let q = "%3Cscript%3Ealert(1)%3C%2Fscript%3E+Kluby+seniora+%E2%80%AE+zero%E2%80%8Bwidth+%22%27%26"
        let pages = ["/", "/search?q=" + q, "/search?q=kluby+seniora+cost&top=20", "/postulates/" + id, "/tag",
                     "/postulates/" + q, "/search?q=x&theme=" + q, "/report/"]
        try await Fixture.app().test(.router) { client in
            for page in pages {
                try await client.execute(uri: page, method: .get) { r in
                    XCTAssertTrue([.ok, .notFound, .badRequest].contains(r.status), page)
                    XCTAssertNotNil(r.headers[.contentSecurityPolicy], page)
                    if page.hasPrefix("/report/") { return }   // the report's own escaping is Reporting's (EscapingTests)
                    Self.assertOnlyOwnMarkup(r.text, page)
                }
            }
            try await client.execute(uri: "/postulates/" + id, method: .get) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertTrue(r.text.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
                XCTAssertTrue(r.text.contains("Fundacja &quot;&lt;b&gt;Pogrubiona&lt;/b&gt;&quot; &amp;"))
                XCTAssertTrue(r.text.contains("&lt;/textarea&gt;&lt;script&gt;alert(2)"))
                XCTAssertTrue(r.text.contains("\u{202E}ytsoc\u{202C}"), "RTL text kept, as text")
                XCTAssertTrue(r.text.contains("dir=\"auto\""), "user text isolated in its own direction")
                XCTAssertTrue(r.text.contains(String(repeating: "w", count: 3000)))
                XCTAssertTrue(r.text.contains("overflow-wrap:anywhere"), "a long word wraps")
            }
            // the hostile record is found by a query and shown with its highlights, escaped
            try await client.execute(uri: "/search?q=kluby+seniora+ytsoc&top=50", method: .get) { r in
                XCTAssertTrue(r.text.contains(Pages.percentEncoded(Fixture.hostileID)))
                XCTAssertTrue(r.text.contains("Odpowiedź &lt;script&gt;alert(3)&lt;/script&gt;"))
            }
            try await client.execute(uri: "/api/postulates/" + id, method: .get) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertEqual(try JSONValue.parse(r.text)["record"]?["text"]?.stringValue, Fixture.hostileText, "JSON keeps the text as it is")
            }
        }
    }

    func testHTMLBuilderEscapesTextAndAttributesInOnePlace() {
        let h = HTML.el("a", attrs: [("href", "/x?\"><script>"), ("title", nil)], text: "<b>&'\"")
        XCTAssertEqual(h.rendered, "<a href=\"/x?&quot;&gt;&lt;script&gt;\">&lt;b&gt;&amp;&#39;&quot;</a>")
        let marked = HTML.marked("ab<c>de", [0..<2, 5..<7])
        XCTAssertEqual(marked.rendered, "<mark>ab</mark>&lt;c&gt;<mark>de</mark>")
        XCTAssertEqual(HTML.marked("x", [5..<9]).rendered, "x", "a span outside the text is ignored")
    }
}
