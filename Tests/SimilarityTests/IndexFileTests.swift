import Corpus
import PolishText
import XCTest
@testable import Similarity

final class IndexFileTests: XCTestCase {
    private func bytes() throws -> [UInt8] {
        try SimilarityIndex(analyzer: Fixtures.analyzer(), postulates: Fixtures.corpus(size: 50, seed: 41)).serialized()
    }

    func testRoundTripKeepsPostulates() throws {
        let docs = Fixtures.corpus(size: 50, seed: 41)
        let loaded = try SimilarityIndex.load(bytes: try bytes(), analyzer: Fixtures.analyzer())
        XCTAssertEqual(loaded.postulates, docs.map(IndexedPostulate.init))
    }

    func testDamagedByteIsReportedAsCorruption() throws {
        var b = try bytes()
        b[b.count / 2] ^= 0x40
        XCTAssertThrowsError(try SimilarityIndex.load(bytes: b, analyzer: Fixtures.analyzer(), path: "x.index")) { e in
            guard case SimilarityError.corrupted(let path, let reason)? = e as? SimilarityError else { return XCTFail("\(e)") }
            XCTAssertEqual(path, "x.index")
            XCTAssertTrue(reason.contains("checksum"), reason)
        }
    }

    func testTruncatedFileIsReportedAsCorruption() throws {
        let b = try bytes()
        XCTAssertThrowsError(try SimilarityIndex.load(bytes: Array(b.prefix(b.count - 100)), analyzer: Fixtures.analyzer())) {
            guard case SimilarityError.corrupted? = $0 as? SimilarityError else { return XCTFail("\($0)") }
        }
    }

    func testOtherFileIsNotAnIndex() {
        XCTAssertThrowsError(try SimilarityIndex.load(bytes: Array("{\"id\": 1}\n and more text".utf8), analyzer: Fixtures.analyzer())) {
            XCTAssertEqual($0 as? SimilarityError, .notAnIndex(path: "test.index"))
        }
    }

    func testNewerVersionIsRefused() throws {
        var b = try bytes()
        b[8] = 9
        XCTAssertThrowsError(try SimilarityIndex.load(bytes: b, analyzer: Fixtures.analyzer())) {
            XCTAssertEqual($0 as? SimilarityError, .unsupportedVersion(path: "test.index", found: 9, supported: 2))
            XCTAssertTrue("\($0)".contains("index build"))
        }
    }

    func testMismatchedAnalyzerNamesTheSetting() throws {
        let other = try Analyzer(lemmatizer: IdentityLemmatizer(),
                                 configuration: AnalyzerConfiguration(lemmatizer: "identity", keepNumbers: true))
        XCTAssertThrowsError(try SimilarityIndex.load(bytes: try bytes(), analyzer: other)) { e in
            guard case SimilarityError.analyzerMismatch(_, let diffs)? = e as? SimilarityError else { return XCTFail("\(e)") }
            XCTAssertEqual(diffs.count, 1)
            XCTAssertTrue(diffs[0].hasPrefix("keepNumbers: true vs false"), diffs[0])
        }
    }
}
