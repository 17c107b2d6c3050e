import Corpus
import Foundation
import Similarity
import XCTest

/// Item 7 of issue 13: SimilarityError's messages in the run's language, whole (quoted data aside).
final class ErrorLanguageTests: XCTestCase {
    override func tearDown() { MessageLanguage.use(.pl) }

    func testSimilarityErrorsAreInOneLanguage() {
        let errors: [SimilarityError] = [
            .notAnIndex(path: "a.bin"), .unsupportedVersion(path: "a.bin", found: 9, supported: 2),
            .corrupted(path: "a.bin", reason: "r"), .analyzerMismatch(path: "a.bin", differences: ["chain: 1 vs 2"]),
            .duplicateID("a1"), .unknownID("a1"),
        ]
        let other: [MessageLanguage: [String]] = [
            .pl: ["not", "the", "index", "is", "no", "rebuild", "with", "version", "duplicate", "corrupted"],
            .en: ["nie", "jest", "indeks", "indeksu", "indeksie", "odbuduj", "wersja", "powtórzony", "uszkodzony"],
        ]
        for lang in MessageLanguage.allCases {
            MessageLanguage.use(lang)
            let regex = try! NSRegularExpression(pattern: "\\b(" + other[lang]!.joined(separator: "|") + ")\\b",
                                                 options: [.caseInsensitive])
            for e in errors {
                let m = e.description.replacingOccurrences(of: "\"[^\"]*\"|„[^”]*”|`[^`]*`", with: "", options: .regularExpression)
                XCTAssertTrue(regex.matches(in: m, range: NSRange(m.startIndex..., in: m)).isEmpty, "\(lang): «\(e.description)»")
                if lang == .en { XCTAssertFalse(m.contains { "ąęłśżźćńó„”".contains($0) }, "«\(e.description)»") }
            }
        }
        MessageLanguage.use(.pl)
        XCTAssertEqual(SimilarityError.unknownID("a1").description, "w indeksie nie ma postulatu o identyfikatorze „a1”")
        MessageLanguage.use(.en)
        XCTAssertEqual(SimilarityError.unknownID("a1").description, "no postulate with id \"a1\" in the index")
    }
}
