import Foundation
import XCTest
@testable import PolishText

/// `PlainWordBreak` against ICU's word-break iterator: the same boundaries and rule status on every string of its
/// character set up to four characters, on every covered character in context, on random strings, and on real text;
/// characters it does not cover send the text to ICU.
final class PlainWordBreakTests: XCTestCase {
    /// One of each class, and the characters whose rules are the subtle ones (quotes, dot, comma, CR LF).
    static let alphabet: [Character] = ["a", "Z", "ą", "Ł", "1", ".", ",", ":", ";", "'", " ", "\n", "\r", "\t",
                                        "-", "\"", "’", "–", "„", "\u{00A0}"]

    private func compare(_ text: String, _ tokenizer: Tokenizer, file: StaticString = #filePath, line: UInt = #line) -> Bool {
        let (icu, plain) = tokenizer.segmentsBothWays(text)
        guard let plain else { return false }
        XCTAssertEqual(plain, icu, "\(text.debugDescription)", file: file, line: line)
        return true
    }

    func testEveryShortStringSegmentsAsICUDoes() throws {
        let t = try Tokenizer()
        var strings = 0
        var current: [String] = [""]
        for _ in 1...4 {
            current = current.flatMap { s in Self.alphabet.map { s + String($0) } }
            for s in current {
                XCTAssertTrue(compare(s, t), "not covered: \(s.debugDescription)")
                strings += 1
            }
        }
        XCTAssertEqual(strings, 20 + 400 + 8_000 + 160_000)
    }

    func testEveryCoveredCharacterInContext() throws {
        let t = try Tokenizer()
        var scalars: [Unicode.Scalar] = (0x20...0x7E).compactMap { Unicode.Scalar($0) }.filter { $0 != "_" && $0 != "@" }
        scalars += (0xC0...0x24F).compactMap { Unicode.Scalar($0) }
        scalars += [0xA0, 0xA7, 0xAB, 0xB0, 0xBB, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x201E, 0x2026]
            .compactMap { Unicode.Scalar($0) }
        let context: [String] = ["a", "1", " ", ".", "'", ","]
        var checked = 0
        for u in scalars {
            let x = String(u)
            var strings = [x, x + x, x + x + x]
            for c in context { strings += [c + x, x + c, c + x + c, c + c + x, x + c + c, x + c + x] }
            for s in strings {
                XCTAssertTrue(compare(s, t), "not covered: \(s.debugDescription)")
                checked += 1
            }
        }
        XCTAssertEqual(checked, scalars.count * 39)
    }

    func testRandomStringsSegmentAsICUDoes() throws {
        let t = try Tokenizer()
        var rng = SplitMix(seed: 17)
        let pool = Self.alphabet + ["é", "ż", "x", "7", "(", ")", "!", "?", "/", "%", "”", "…", "—"]
        for _ in 0..<20_000 {
            let n = Int(rng.next() % 16) + 1
            let s = String((0..<n).map { _ in pool[Int(rng.next() % UInt64(pool.count))] })
            XCTAssertTrue(compare(s, t))
        }
    }

    /// Texts mixing covered and uncovered characters: the fast path hands ICU the pieces around the uncovered ones
    /// (cut after a line feed or between a space and printable ASCII); the segments are ICU's all the same.
    func testMixedTextIsCutIntoPiecesWithICUsSegments() throws {
        let fast = try Tokenizer(), icu = try Tokenizer(plainFastPath: false)
        var rng = SplitMix(seed: 23)
        let pool: [String] = ["a", "Zb", "ą", "1", ".", ",", "'", " ", "  ", "\n", "\r\n", "-", "„", "x_y", "@", "·", "日本",
                              "😀", "\u{00AD}", "e\u{0301}", "\u{2028}", "ﬁ", "(", "7b", "’", " a", " 1", ".a"]
        for _ in 0..<20_000 {
            let n = Int(rng.next() % 12) + 1
            let s = (0..<n).map { _ in pool[Int(rng.next() % UInt64(pool.count))] }.joined()
            XCTAssertEqual(fast.rawSegments(s), icu.rawSegments(s), s.debugDescription)
        }
        let s = "Zgłaszam_postulat nr 5 😀 dla ul. Długiej\nfoo@bar i „park” · 2025 r. e\u{0301}tude koniec"
        XCTAssertEqual(fast.rawSegments(s), icu.rawSegments(s))
        XCTAssertEqual(fast.tokenize(s), icu.tokenize(s))
    }

    func testUncoveredCharactersGoToICU() throws {
        let t = try Tokenizer()
        for s in ["a_b", "x@y", "ab\u{00B7}c", "co\u{00AD}op", "e\u{0301}", "日本", "😀 ok", "ﬁrma", "a\u{2028}b", "\u{0007}"] {
            XCTAssertNil(t.segmentsBothWays(s).plain, s.debugDescription)
        }
        // The tokens are the same with and without the fast path, whichever path a text takes.
        let fast = try Tokenizer(), icu = try Tokenizer(plainFastPath: false)
        for s in ["a_b c", "ul. Długa 7a, https://x.pl/a_b i nr 12", "kwota 1\u{00A0}234 567,5 zł", "m. in. „Kraków” – 2025 r."] {
            XCTAssertEqual(fast.tokenize(s), icu.tokenize(s), s)
        }
    }

    /// Real text: the repository's corpora and, when ../shared is present, the UD dev sentences and the 22k titles.
    func testRealTextTokensAreTheSameAsICUs() throws {
        let root = MorphologyLemmatizerTests.root
        var texts: [String] = []
        for f in try FileManager.default.contentsOfDirectory(atPath: root + "/Corpora").sorted() {
            if f.hasSuffix(".jsonl") { texts += try LemmaFirstSightTests.texts(root + "/Corpora/" + f) }
            if f.hasSuffix(".txt"), let d = FileManager.default.contents(atPath: root + "/Corpora/" + f) {
                texts += String(decoding: d, as: UTF8.self).split(separator: "\n").map(String.init)
            }
        }
        XCTAssertGreaterThan(texts.count, 1_000)
        if FileManager.default.fileExists(atPath: root + "/../shared/eval/pb-titles-dev.jsonl") {
            texts += try LemmaFirstSightTests.texts(root + "/../shared/eval/pb-titles-dev.jsonl")
        }
        if let d = FileManager.default.contents(atPath: root + "/../shared/eval/ud-polish-dev-tokens.tsv") {
            let forms = String(decoding: d, as: UTF8.self).split(separator: "\n").compactMap { $0.split(separator: "\t").first }
            texts.append(forms.joined(separator: " "))
        }
        let t = try Tokenizer(), fast = try Tokenizer(), icu = try Tokenizer(plainFastPath: false)
        var covered = 0
        for s in texts {
            if compare(s, t) { covered += 1 }
            XCTAssertEqual(fast.rawSegments(s), icu.rawSegments(s), String(s.prefix(80)))
            XCTAssertEqual(fast.tokenize(s), icu.tokenize(s), String(s.prefix(80)))
        }
        // Most real texts never reach ICU (URLs are cut out before; a typographic character outside the set sends
        // a text to ICU).
        XCTAssertGreaterThan(covered * 10, texts.count * 8, "\(covered) of \(texts.count) covered")
    }
}

/// A small deterministic generator (the tests must not depend on the platform's random source).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
