import Corpus
import Foundation
import PolishText
import Themes
import XCTest

/// Item 7 of issue 13 for the library errors no CLI test reaches easily: every message of Themes and PolishText
/// (Similarity's: SimilarityTests/ErrorLanguageTests) is built in the run's language, whole, with nothing of the other language (quoted data aside).
final class MessageLanguageTests: XCTestCase {
    override func tearDown() { MessageLanguage.use(.pl) }

    static let english = ["file", "missing", "field", "line", "error", "expected", "found", "cannot", "the", "not",
                          "invalid", "record", "index", "is", "no", "read"]
    static let polish = ["plik", "pliku", "brak", "pole", "wiersz", "błąd", "postulat", "postulatu", "nie", "jest",
                         "niepoprawny", "niepoprawne", "rekord", "indeks", "słownik", "słownika"]

    /// Every message the libraries can build, in the language in force when called.
    func messages() -> [String] {
        var out: [String] = [
            ThemesError.invalidModel("m").description,
            ThemesError.invalidTrainingData("d").description,
            ThemesError.analyzerMismatch(["chain: 1 vs 2"]).description,
            LexiconError.missing(path: "/x/pl.jar").description,
            LexiconError.unreadable(path: "/x/pl.jar", reason: "r").description,
        ]
        for bytes: [UInt8] in [[1, 2, 3], [0x5C, 0x66, 0x73, 0x61, 5, 0, 0, 0], [0x5C, 0x66, 0x73, 0x61, 0xC6, 0, 0, 4]] {
            do { _ = try CFSA2Automaton(bytes: bytes); XCTFail("accepted \(bytes)") } catch { out.append("\(error)") }
        }
        for info in ["fsa.dict.separator=++", "fsa.dict.encoding=cp1250", "fsa.dict.encoder=zip"] {
            do { _ = try DictionaryMetadata(infoText: info); XCTFail("accepted \(info)") } catch { out.append("\(error)") }
        }
        let records = [Postulate(id: "r1", text: "a", extra: [("label", .array([.number("1")]))]),
                       Postulate(id: "r2", text: "b", extra: [("label", .string("x"))])]
        for (rs, field) in [([records[0]], "label"), ([Postulate(id: "r3", text: "c", extra: [("label", .bool(true))])], "label"),
                            (records, "label"), ([records[0]], "absent")] {
            do { _ = try LabelColumn.read(rs, field: field); XCTFail("accepted \(field)") } catch { out.append("\(error)") }
        }
        for (vocabulary, df) in [(["a", "b"], [1]), (["b", "a"], [1, 1])] {
            do {
                _ = try TfidfVectorizer(configuration: VectorizerConfiguration(), documentCount: 1, vocabulary: vocabulary,
                                        documentFrequency: df)
                XCTFail("accepted \(vocabulary)")
            } catch { out.append("\(error)") }
        }
        return out
    }

    func testEveryLibraryMessageIsInOneLanguage() {
        for lang in MessageLanguage.allCases {
            MessageLanguage.use(lang)
            let words = lang == .pl ? Self.english : Self.polish
            let regex = try! NSRegularExpression(pattern: "\\b(" + words.joined(separator: "|") + ")\\b", options: [.caseInsensitive])
            for m in messages() {
                let unquoted = m.replacingOccurrences(of: "\"[^\"]*\"", with: "", options: .regularExpression)
                    .replacingOccurrences(of: "„[^”]*”", with: "", options: .regularExpression)
                let hits = regex.matches(in: unquoted, range: NSRange(unquoted.startIndex..., in: unquoted))
                XCTAssertTrue(hits.isEmpty, "\(lang): «\(m)»")
                if lang == .en {
                    XCTAssertFalse(unquoted.contains { "ąęłśżźćńó„”".contains($0) }, "Polish in English: «\(m)»")
                }
            }
        }
        MessageLanguage.use(.pl)
        XCTAssertEqual(LexiconError.unreadable(path: "p", reason: "r").description, "p: nie można odczytać słownika języka polskiego: r")
        XCTAssertEqual(ThemesError.invalidModel("d").description, "nieprawidłowy model: d")
        MessageLanguage.use(.en)
        XCTAssertEqual(LexiconError.unreadable(path: "p", reason: "r").description, "p: cannot read the Polish dictionary: r")
        XCTAssertEqual(ThemesError.invalidModel("d").description, "invalid model: d")
        // Training-data messages are whole sentences already (TrainingCheck): they pass through as written.
        XCTAssertEqual(ThemesError.invalidTrainingData("d").description, "d")
    }
}
