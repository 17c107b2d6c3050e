import Corpus
import Foundation
import XCTest
@testable import Themes

/// Model files that crashed the loader (`scripts/fuzz.sh model`, docs/fuzzing.md), made here from a fixture
/// model changed the way the crashing input was.
final class ModelFuzzRegressionTests: XCTestCase {
    private func edited(_ pattern: String, _ replacement: String) throws -> Data {
        let text = String(decoding: try ModelFile.encode(try Fixtures.model()), as: UTF8.self)
        let out = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        XCTAssertNotEqual(out, text, "the pattern \(pattern) must change the model")
        return Data(out.utf8)
    }

    /// Found 2026-12-07 (Fuzz/regressions/model-document-count-int-max.model): `"documentCount": Int.max`
    /// trapped with an arithmetic overflow in the idf (`1 + n`) while the vectoriser was rebuilt on load.
    func testDocumentCountAtIntMaxLoadsWithoutTrapping() throws {
        let data = try edited(#""documentCount" : \d+"#, #""documentCount" : 9223372036854775807"#)
        let model = try ModelFile.decode(data, source: "fuzz.model")
        XCTAssertEqual(model.vectorizer.documentCount, Int.max)
        XCTAssertTrue(model.vectorizer.idf.allSatisfy(\.isFinite))
        // and it can still score a record
        let p = try Tagger(model: model, analyzer: try Fixtures.analyzer()).tag(text: "policja straż monitoring")
        XCTAssertEqual(p.labels.count, model.labels.count)
    }

    /// A document frequency above the document count (or below zero) is damage, refused by name.
    func testDocumentFrequencyOutsideTheDocumentCountIsRefused() throws {
        for df in ["9223372036854775807", "151", "-1"] {
            // The first document frequency of the vectoriser's list.
            let data = try edited(#"("documentFrequency" : \[\s*)\d+"#, "$1" + df)
            XCTAssertThrowsError(try ModelFile.decode(data, source: "fuzz.model"), df) { e in
                guard let t = e as? ThemesError else { return XCTFail("\(e)") }
                let m = t.description
                XCTAssertTrue(m.hasPrefix("fuzz.model: "), m)
                XCTAssertTrue(m.contains(tr("częstość dokumentowa cechy 1 (\(df))", "document frequency of feature 1 (\(df))")), m)
            }
        }
    }

    /// The fixture the edits start from loads (so the refusals above are the edits' doing).
    func testFixtureModelLoads() throws {
        let model = try ModelFile.decode(try ModelFile.encode(try Fixtures.model()), source: "fuzz.model")
        XCTAssertEqual(model.vectorizer.documentCount, 150)
    }
}
