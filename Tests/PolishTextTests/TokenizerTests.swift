import Foundation
import PolishText
import XCTest

/// The tokeniser on real lines of the seed meeting (Corpora/krakow-2025-06-17-spotkanie-branzowe.txt).
final class TokenizerTests: XCTestCase {
    static let seedLines: [String] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Corpora/krakow-2025-06-17-spotkanie-branzowe.txt")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.components(separatedBy: "\n")
    }()

    /// The seed line containing `fragment` (fails the test when the fixture lacks it).
    func line(_ fragment: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        guard let l = Self.seedLines.first(where: { $0.contains(fragment) }) else {
            XCTFail("fixture has no line with \(fragment)", file: file, line: line); return ""
        }
        return l
    }

    func tokens(_ text: String) throws -> [(String, TokenKind, Bool)] {
        try Tokenizer().tokenize(text).map { ($0.text(in: text), $0.kind, $0.afterHyphen) }
    }

    func testAmountWithThousandsSeparatorIsOneToken() throws {
        let l = line("do 100 000,00 zł")
        let toks = try tokens(l)
        // With its currency the amount is one money token.
        XCTAssertTrue(toks.contains { $0.0.hasPrefix("100 000,00 zł") && $0.1 == .money }, "\(toks)")
        XCTAssertFalse(toks.contains { $0.0 == "000,00" })
        XCTAssertEqual(try tokens("do 100 000,00 osób").filter { $0.1 == .number }.map(\.0), ["100 000,00"])
        // no-break space and several groups
        let t2 = try tokens("kwota 1\u{00A0}234 567,5 zł i 2025 r.")
        XCTAssertEqual(t2.filter { $0.1 == .money }.map(\.0), ["1\u{00A0}234 567,5 zł"])
        XCTAssertEqual(t2.filter { $0.1 == .number }.map(\.0), ["2025"])
    }

    func testNumbersThatAreNotThousandsStaySplit() throws {
        // a year followed by a three-digit number is not a thousands group (first group has 4 digits)
        XCTAssertEqual(try tokens("w 2025 100 osób").filter { $0.1 == .number }.map(\.0), ["2025", "100"])
    }

    func testURLsAreOneTokenEach() throws {
        let l = line("(https://co.krakow.pl/ i https://c10.krakow.pl/)")
        let urls = try tokens(l).filter { $0.1 == .url }.map(\.0)
        XCTAssertEqual(urls, ["https://co.krakow.pl/", "https://c10.krakow.pl/"])
        let l2 = line("pozarządowych www.ngo.krakow.pl")
        XCTAssertEqual(try tokens(l2).filter { $0.1 == .url }.map(\.0), ["www.ngo.krakow.pl"])
        let l3 = line("w www.ngo.krakow.pl.")
        XCTAssertEqual(try tokens(l3).filter { $0.1 == .url }.map(\.0), ["www.ngo.krakow.pl"], "sentence dot left out")
        let t = try tokens("zob. www.ngo.pl/wiadomosci?id=5&x=ą, dalej")
        XCTAssertEqual(t.filter { $0.1 == .url }.map(\.0), ["www.ngo.pl/wiadomosci?id=5&x=ą"])
    }

    func testEmailIsOneToken() throws {
        let t = try tokens("Pisz na biuro@ngo.org.pl.")
        XCTAssertEqual(t.filter { $0.1 == .email }.map(\.0), ["biuro@ngo.org.pl"])
    }

    func testHyphenatedCompoundsKeepBothHalves() throws {
        let l = line("Działania informacyjno-szkoleniowe")
        let t = try tokens(l)
        XCTAssertTrue(t.contains { $0.0 == "informacyjno" && !$0.2 })
        XCTAssertTrue(t.contains { $0.0 == "szkoleniowe" && $0.2 }, "second half is marked afterHyphen")
        let l2 = line("okresów pre-MAM’owych")
        let t2 = try tokens(l2)
        XCTAssertTrue(t2.contains { $0.0 == "pre" })
        XCTAssertTrue(t2.contains { $0.0 == "MAM’owych" && $0.2 })
        // PDF line break after the hyphen: "Tryb pre-" / "konkursowy"
        let t3 = try tokens("Tryb pre-\nkonkursowy")
        XCTAssertTrue(t3.contains { $0.0 == "konkursowy" && $0.2 })
        // an en dash between spaced words is punctuation, not a compound
        let l4 = line("SU-w-ak – aktywizacja")
        XCTAssertFalse(try tokens(l4).contains { $0.0 == "aktywizacja" && $0.2 })
    }

    func testAbbreviationsKeepTheirDot() throws {
        XCTAssertTrue(try tokens(line("organizacji pozarządowych tj.:")).contains { $0.0 == "tj." && $0.1 == .abbreviation })
        XCTAssertTrue(try tokens(line("działania, m.in. poprzez")).contains { $0.0 == "m.in." && $0.1 == .abbreviation })
        XCTAssertTrue(try tokens(line("związane m. in. z prawami")).contains { $0.0 == "m. in." && $0.1 == .abbreviation })
        XCTAssertTrue(try tokens(line("w trybie art. 19a")).contains { $0.0 == "art." && $0.1 == .abbreviation })
        XCTAssertTrue(try tokens(line("2025 r. w godzinach")).contains { $0.0 == "r." && $0.1 == .abbreviation })
        XCTAssertTrue(try tokens(line("Obywatelskie – ul. Reymonta 20")).contains { $0.0 == "ul." && $0.1 == .abbreviation })
        XCTAssertTrue(try tokens(line("NGOs (np. w")).contains { $0.0 == "np." && $0.1 == .abbreviation })
        // an unlisted word before a sentence dot keeps no dot
        XCTAssertTrue(try tokens("To jest koniec.").contains { $0.0 == "koniec" && $0.1 == .word })
    }

    func testApostrophesGiveTheSameTerm() throws {
        let analyzer = try Analyzer(lemmatizer: IdentityLemmatizer())
        let typographic = analyzer.analyze(line("przestrzeni dla NGO’s")).first { $0.text == "NGO’s" }
        let ascii = analyzer.analyze("dla NGO's").first { $0.text == "NGO's" }
        XCTAssertNotNil(typographic)
        XCTAssertEqual(typographic?.normalized, ascii?.normalized)
        XCTAssertEqual(typographic?.normalized, "ngo's")
        XCTAssertEqual(typographic?.term, "ngo")
        XCTAssertEqual(ascii?.term, "ngo")
    }

    /// Offsets against byte positions counted by hand in the fragment (the quotes and the dash are 3 bytes each),
    /// not against a slice by the same offsets.
    func testOffsetsAreTheBytePositionsOfTheWords() throws {
        let fragment = "„Centrum Obywatelskie – ul. Reymonta 20”"
        let text = line(fragment)
        let range = try XCTUnwrap(text.range(of: fragment))
        let base = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
        let end = base + fragment.utf8.count
        XCTAssertEqual(fragment.utf8.count, 46)
        let words = try Tokenizer().tokenize(text).filter { $0.start >= base && $0.end <= end }
            .filter { $0.text(in: text).contains { $0.isLetter || $0.isNumber } }
        XCTAssertEqual(words.map { [$0.start - base, $0.end - base] }, [[3, 10], [11, 23], [28, 31], [32, 40], [41, 43]])
        XCTAssertEqual(words.map { $0.text(in: text) }, ["Centrum", "Obywatelskie", "ul.", "Reymonta", "20"])
        // quotes are not part of tokens
        XCTAssertTrue(try tokens(text).contains { $0.0 == "Centrum" })
    }

    func testWholeSeedTokenisesWithoutLosingWords() throws {
        let text = Self.seedLines.joined(separator: "\n")
        let toks = try Tokenizer().tokenize(text)
        var covered = [Bool](repeating: false, count: text.utf8.count)
        var last = -1
        for t in toks {
            XCTAssertGreaterThanOrEqual(t.start, last, "tokens are in order and do not overlap")
            last = t.end
            for k in t.start..<t.end { covered[k] = true }
        }
        // Every letter or digit of the source lies inside some token: nothing is lost.
        var offset = 0
        var lost: [String] = []
        for ch in text {
            let n = String(ch).utf8.count
            if (ch.isLetter || ch.isNumber) && !covered[offset] && ch != "½" { lost.append(String(ch)) }
            offset += n
        }
        XCTAssertEqual(lost, [])
    }
}
