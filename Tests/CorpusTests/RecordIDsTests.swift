import XCTest
@testable import Corpus

/// `requireIDs` checks ASCII ids by bytes (`ASCIIKeySet`) and any other load by Strings: both must throw the same
/// error (or none) for the same records.
final class RecordIDsTests: XCTestCase {
    private func load(_ ids: [String]) -> CorpusLoad {
        var l = CorpusLoad()
        for (i, id) in ids.enumerated() {
            l.records.append(Postulate(id: id, text: "t"))
            l.origins.append(.init(file: "f.jsonl", line: i + 1))
        }
        return l
    }

    private func outcome(_ body: () throws(CorpusError) -> Void) -> String {
        do { try body(); return "ok" } catch { return error.description }
    }

    func testBytePathAnswersAsTheStringPath() {
        let cases: [[String]] = [
            ["a", "b", "c"], ["a", "b", "a"], ["a", "", "a"], ["a", " \t", "b"], ["\r\n"], ["x", "\u{1C}", "\u{1C}"],
            ["a", "a "], ["K", "\u{212A}"], ["é", "e\u{301}"], ["ab", "b", "ab", "b"], [], ["p:1", "p:2", "p:10", "p:1"],
            ["\u{0B}\u{0C}"], ["ä", "a", "a"], ["a", "a", "ä"], [" a", "a"],
        ]
        for ids in cases {
            let l = load(ids)
            XCTAssertEqual(outcome { () throws(CorpusError) in try l.requireIDs(for: ("x", "x")) },
                           outcome { () throws(CorpusError) in try l.referenceRequireIDs(for: ("x", "x")) }, "\(ids)")
        }
        var rng = CompactTestRandom(seed: 5)
        let pieces = ["a", "b", " ", "1", ":", "\t", "ą"]
        for _ in 0..<500 {
            let ids = (0..<rng.below(12)).map { _ in (0..<rng.below(3)).map { _ in pieces[rng.below(pieces.count)] }.joined() }
            let l = load(ids)
            XCTAssertEqual(outcome { () throws(CorpusError) in try l.requireIDs(for: ("x", "x")) },
                           outcome { () throws(CorpusError) in try l.referenceRequireIDs(for: ("x", "x")) }, "\(ids)")
        }
    }

    func testKeySetFindsEveryKeyAgainAndKeepsItsInvariants() throws {
        var set = ASCIIKeySet(capacity: 100)
        for i in 0..<1000 {
            var k = "id:\(i % 700)"
            let first = k.withUTF8 { set.insert($0) }
            XCTAssertEqual(first, i < 700 ? nil : i % 700, k)
        }
        XCTAssertEqual(set.count, 700)
        try set.checkInvariants()
    }
}
