import Foundation
import XCTest
@testable import PolishText

/// `NameKey`'s byte path against its Character path on every word the analyzer may give it: the corpus words
/// (as written, lower-cased and capitalised), edge cases, the UD dev forms and the 22k titles' words (../shared,
/// when present) and the proper lemmas the lexicon lists for the capitalised ones.
final class NameKeyBytesTests: XCTestCase {
    static func words(_ texts: [String]) -> Set<String> {
        var set = Set<String>()
        for t in texts {
            for w in t.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
                let s = String(w)
                set.insert(s)
                set.insert(s.lowercased())
                set.insert(s.prefix(1).uppercased() + s.dropFirst())
            }
        }
        return set
    }

    func testByteKeyEqualsTheCharacterKey() throws {
        var words = Set(BytePathTests.words)
        words.formUnion(BytePathTests.words.map { $0.prefix(1).uppercased() + $0.dropFirst() })
        words.formUnion(["Obłuże", "Obłużu", "Redłowie", "Zawodzia", "Rakowie", "Starym", "Cisowskie", "Parkitce",
                         "Pradze", "Wodzie", "Górze", "Hucie", "Abc", "Ab", "A", "Ii", "Aii", "Abci", "Abcdzi", "Abrz",
                         "Kędzierzyn-Koźle", "D'Artagnan", "O'Hara", "Ząbki", "ŻELECHOWA", "KLECINIE", "Łódź", "ÓW",
                         "Ząbkach", "Ęą", "Łg", "1Maja", "3go", "x\r\ny", "É", "Éa", "Straße", "ǅa", "a\u{0301}b",
                         "Ą\u{0301}bc", "\u{7F}abc", "ab\u{1F}", ""])
        let root = MorphologyLemmatizerTests.root
        var shared = false   // ../shared is there (a clone elsewhere has only the repository's words)
        if let data = FileManager.default.contents(atPath: root + "/../shared/eval/ud-polish-dev-tokens.tsv") {
            shared = true
            let forms = String(decoding: data, as: UTF8.self).split(separator: "\n")
                .compactMap { $0.split(separator: "\t", omittingEmptySubsequences: false).first.map(String.init) }
            words.formUnion(Self.words(forms))
        }
        let titles = root + "/../shared/eval/pb-titles-dev.jsonl"
        if FileManager.default.fileExists(atPath: titles) {
            shared = true
            words.formUnion(Self.words(try LemmaFirstSightTests.texts(titles)))
        }
        if FileManager.default.fileExists(atPath: LexiconLocation.resolve()) {
            let l = try MorphologyLemmatizerTests.lemmatizer()
            var lemmas = Set<String>()
            for w in words where WordShape.letterCase(w) == .title {
                lemmas.formUnion(l.nameReadings(of: TextNormalizer.normalize(w)).properLemmas)
            }
            XCTAssertGreaterThan(lemmas.count, shared ? 300 : 100)
            words.formUnion(lemmas)
        }
        var fast = 0, declined = 0
        for w in words.sorted() {
            guard let key = NameKey.byteKey(w) else { declined += 1; continue }
            fast += 1
            XCTAssertEqual(key, NameKey.referenceKey(w), w)
        }
        XCTAssertGreaterThan(fast, 5_000)
        XCTAssertGreaterThan(declined, 5)
        for w in ["x\r\ny", "É", "Straße", "a\u{0301}b", "\u{7F}abc", "ab\u{1F}"] { XCTAssertNil(NameKey.byteKey(w), w) }
        for (w, key) in [("Obłużu", "Obluz"), ("Redłowie", "Redlow"), ("Zawodzia", "Zawod"), ("Rakowie", "Rakow"),
                         ("Starym", "Star"), ("Cisowskie", "Cisowst"), ("Parkitce", "Parkitt"), ("Pradze", "Prad"),
                         ("", "")] {
            XCTAssertEqual(NameKey.of(w), key, w)
        }
    }
}
