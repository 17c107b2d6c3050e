import Foundation
import XCTest
@testable import Reporting

/// Corpus text is untrusted: every field, rendered in HTML, Markdown and CSV, must come out as text.
final class EscapingTests: XCTestCase {
    static let hostile = "<script>alert('x')</script>\" onmouseover=\"alert(1)\" <img src=x onerror=alert(2)> & | `code` *b* [l](javascript:x)"

    func hostileData() -> ReportData {
        let h = EscapingTests.hostile
        func field(_ name: String) -> String { "\(name) \(h)" }
        let theme = ReportTheme(code: "hostile", labelPL: field("labelPL"), labelEN: field("labelEN"))
        let ps = (0..<4).map { i in
            ReportPostulate(id: field("id\(i)"), year: 2024 + i % 2, meeting: field("meeting"), organisation: field("org\(i)"),
                            text: field("text"), response: field("response"), respondent: field("respondent"),
                            goldThemes: i == 0 ? [field("goldtheme")] : ["hostile"], predictedThemes: i == 3 ? [] : ["hostile", field("modeltheme")],
                            themeScores: ["hostile": 0.5], goldStance: field("goldstance"), predictedStance: i == 1 ? field("modelstance") : "accepted")
        }
        return ReportData(name: field("name"), sources: [field("source")], themes: [theme], postulates: ps,
                          characteristicTerms: ["hostile": [WeightedTerm(term: field("term"), weight: 1)]],
                          clusters: [ps.map(\.id)])
    }

    func testHTMLShowsHostileTextAsText() {
        for lang in ReportLanguage.allCases {
            let files = Report.render(hostileData(), language: lang)
            for name in ["index.html"] + files.map(\.name).filter({ $0.hasSuffix(".svg") }) {
                let html = Fixtures.file(files, name)
                XCTAssertFalse(html.lowercased().contains("<script"), "\(name): raw <script")
                XCTAssertFalse(html.contains("<img"), "\(name): raw <img")
                XCTAssertFalse(html.contains("\" onmouseover"), "\(name): a quote broke out of an attribute")
                XCTAssertFalse(html.contains("'x'"), "\(name): raw apostrophes")
            }
            let html = Fixtures.file(files, "index.html")
            // Every field is there, escaped.
            for f in ["id0", "org0", "text", "response", lang == .pl ? "labelPL" : "labelEN", "term", "name", "source",
                      "goldtheme", "modeltheme", "goldstance", "modelstance"] {
                let raw = "\(f) \(EscapingTests.hostile)"
                // Theme labels are shown with a capital first letter.
                let shown = ["labelPL", "labelEN", "goldtheme", "modeltheme"].contains(f) ? raw.prefix(1).uppercased() + raw.dropFirst() : raw
                XCTAssertTrue(html.contains(Escape.html(shown)), "\(lang): field \(f) missing or not escaped")
            }
            XCTAssertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot; onmouseover=&quot;"))
        }
    }

    func testNoScriptsOrExternalResources() {
        let html = Fixtures.file(Report.render(Fixtures.randomData(count: 50, seed: 1)), "index.html")
        XCTAssertFalse(html.lowercased().contains("<script"))
        XCTAssertFalse(html.contains("http://") && !html.contains("http://www.w3.org/2000/svg"))
        XCTAssertFalse(html.contains("https://"))
        XCTAssertFalse(html.contains("@import"))
        XCTAssertFalse(html.contains("url("))
    }

    func testMarkdownShowsHostileTextAsText() {
        let md = Fixtures.file(Report.render(hostileData()), "report.md")
        XCTAssertFalse(md.lowercased().contains("<script"))
        XCTAssertFalse(md.contains("<img"))
        XCTAssertFalse(md.contains("[l](javascript"), "a link from the corpus must not become a link")
        // Table rows keep their column count: corpus pipes are escaped.
        var expected: Int?
        for line in md.split(separator: "\n") where line.hasPrefix("|") {
            let cells = unescapedPipes(String(line))
            if line.hasPrefix("|---") || line.hasPrefix("| ") && expected == nil { expected = cells }
            if line.hasPrefix("|---") { XCTAssertEqual(cells, expected) }
        }
        for block in md.components(separatedBy: "\n\n") {
            let lines = block.split(separator: "\n").filter { $0.hasPrefix("|") }
            guard let first = lines.first else { continue }
            let n = unescapedPipes(String(first))
            for l in lines { XCTAssertEqual(unescapedPipes(String(l)), n, "row breaks the table: \(l)") }
        }
    }

    func unescapedPipes(_ s: String) -> Int {
        var n = 0, escaped = false
        for c in s { if c == "|" && !escaped { n += 1 }; escaped = c == "\\" && !escaped }
        return n
    }

    func testCSVRoundTripsHostileText() {
        let data = hostileData()
        let files = Report.render(data)
        let rows = CSVParse.records(Fixtures.file(files, "postulates.csv"))
        XCTAssertEqual(rows.count, data.postulates.count)
        for (row, p) in zip(rows, data.postulates) {
            XCTAssertEqual(row["id"], p.id)
            XCTAssertEqual(row["organisation"], p.organisation)
            XCTAssertEqual(row["text"], p.text)
            XCTAssertEqual(row["response"], p.response)
        }
    }

    func testCSVNeutralisesFormulas() {
        XCTAssertEqual(Escape.csvText("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"")
        XCTAssertEqual(Escape.csvText("+48 12"), "'+48 12")
        XCTAssertEqual(Escape.csvText("@SUM(A1)"), "'@SUM(A1)")
        XCTAssertEqual(Escape.csvText("a,b"), "\"a,b\"")
        XCTAssertEqual(Escape.csvText("line\nbreak"), "\"line\nbreak\"")
        XCTAssertEqual(Escape.csvText("zwykły tekst"), "zwykły tekst")
        XCTAssertEqual(Escape.csvText("-2+3+cmd"), "'-2+3+cmd")
        XCTAssertEqual(Escape.csvText("\tx"), "'\tx")
        XCTAssertEqual(Escape.csvText("\rx"), "\"'\rx\"")
        XCTAssertEqual(Escape.csvText("'=x"), "''=x", "reversible: apostrophes before a trigger get one more")
        XCTAssertEqual(Escape.csvText("a;b", delimiter: ";"), "\"a;b\"")
        XCTAssertEqual(Escape.csvText("a,b", delimiter: ";"), "a,b")
        XCTAssertEqual(Escape.csvText("a\tb", delimiter: "\t"), "\"a\tb\"")
    }

    func testEscapeFunctions() {
        XCTAssertEqual(Escape.html("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;")
        XCTAssertEqual(Escape.html("ctl\u{01}x"), "ctl\u{FFFD}x")
        XCTAssertEqual(Escape.markdown("a|b *c* <d>\nnew"), "a\\|b \\*c\\* &lt;d&gt; new")
        XCTAssertEqual(Escape.shortened("jeden dwa trzy cztery", limit: 12), "jeden dwa…")
        XCTAssertEqual(Escape.oneLine("  a \n\t b  "), "a b")
    }
}

final class OneLineTests: XCTestCase {
    /// The byte-level fast path must agree with the definition (Unicode whitespace collapsed, ends trimmed).
    func testFastPathAgreesWithSlowPath() {
        func slow(_ s: String) -> String {
            var out = "", pending = false
            for c in s.unicodeScalars {
                if c.properties.isWhitespace { pending = !out.isEmpty } else {
                    if pending { out += " "; pending = false }
                    out.unicodeScalars.append(c)
                }
            }
            return out
        }
        let samples = ["", " ", "a", "a b", "a  b", " a", "a ", "a\nb", "a\tb", "„cytat” – myślnik…", "a\u{00A0}b",
                       "a\u{2009}b", "a\u{3000}b", "a\u{2028}b", "a\u{205F}b", "a\u{1680}b", "a\u{0085}b", "zażółć gęślą jaźń",
                       "a\u{2013}b", "\u{2003}", "x\u{202F}y", "ok\u{200B}ok"]
        for s in samples { XCTAssertEqual(Escape.oneLine(s), slow(s), s.debugDescription) }
        var r = SplitMix64(11)
        let alphabet: [Character] = ["a", "ż", " ", "\n", "\u{00A0}", "\u{2009}", "„", "–", "\t", "x"]
        for _ in 0..<2000 {
            let s = String((0..<r.int(12)).map { _ in alphabet[r.int(alphabet.count)] })
            XCTAssertEqual(Escape.oneLine(s), slow(s), s.debugDescription)
            XCTAssertEqual(Escape.isBlank(s), slow(s).isEmpty, s.debugDescription)
        }
    }
}
