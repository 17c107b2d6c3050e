import Foundation
import XCTest

final class AnalyzeCommandTests: XCTestCase {
    func testTSVHasHeaderAndOffsetsThatSliceTheInput() throws {
        let text = "Fundacja „Zustricz” – kwota 100 000,00 zł, np. https://co.krakow.pl/."
        let r = try CLI.run(["analyze"], stdin: Data(text.utf8))
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = r.out.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        XCTAssertEqual(rows[0].joined(separator: ","), "start,end,kind,text,normalized,term,source,stop,hyphen")
        let bytes = Array(text.utf8)
        XCTAssertGreaterThanOrEqual(rows.count, 7, "header and the tokens: the loop below checks real rows")
        for row in rows.dropFirst() {
            let start = Int(row[0])!, end = Int(row[1])!
            XCTAssertEqual(String(decoding: bytes[start..<end], as: UTF8.self), String(row[3]))
        }
        // An amount with its currency is one money token without a term (issue 15).
        XCTAssertTrue(rows.contains { $0[2] == "money" && $0[3] == "100 000,00 zł" && $0[5].isEmpty })
        XCTAssertTrue(rows.contains { $0[2] == "url" && $0[3] == "https://co.krakow.pl/" })
        XCTAssertTrue(rows.contains { $0[2] == "abbreviation" && $0[3] == "np." && $0[7] == "1" })
    }

    func testJSONLinesParse() throws {
        let r = try CLI.run(["analyze", "--json"], stdin: Data("Kluby seniora\tw Krakowie".utf8))
        XCTAssertEqual(r.status, 0, r.stderr)
        let objs = try r.out.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        XCTAssertEqual(objs.map { $0["text"] as? String }, ["Kluby", "seniora", "w", "Krakowie"])
        XCTAssertEqual(objs[2]["stop"] as? Bool, true)
    }

    /// A district label alone and its inflected forms in titles give one name term (issue 15, item 1), end to end:
    /// the label at a line's start, the forms after a preposition, typed with and without Polish letters.
    func testALabelAndItsInflectedFormsGiveOneNameTerm() throws {
        let text = "Lisiniec\nFestyn na Lisińcu\nZabawa na Lisincu\nGrabówka\nPlac zabaw na Grabówce\nGrabówka - boisko\n"
            + "Raków\nBoisko na Rakowie\nBudowa placu zabaw\n"
        let r = try CLI.run(["analyze", "--json"], stdin: Data(text.utf8))
        XCTAssertEqual(r.status, 0, r.stderr)
        let objs = try r.out.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        var terms: [String: Set<String>] = [:]
        for o in objs { if let t = o["text"] as? String { terms[t, default: []].insert((o["term"] as? String) ?? "") } }
        let groups = [["Lisiniec", "Lisińcu", "Lisincu"], ["Grabówka", "Grabówce"], ["Raków", "Rakowie"]]
        for group in groups {
            let all = group.reduce(into: Set<String>()) { $0.formUnion(terms[$1] ?? ["missing"]) }
            XCTAssertEqual(all.count, 1, "\(group): \(all)")
            XCTAssertTrue(all.first?.first?.isUppercase == true, "\(group): a name's term is capitalised: \(all)")
        }
        XCTAssertEqual(terms["Budowa"], ["budowa"])
    }

    func testMissingFileIsAClearError() throws {
        let r = try CLI.run(["analyze", "no-such-file.txt"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("no-such-file.txt"), r.stderr)
    }
}
