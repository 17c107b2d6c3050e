import Foundation
@testable import Service
import XCTest

/// The index, the analyzers' caches and the taggers are not thread-safe; the engine hands each request a replica of
/// its own. Many searches at once must give exactly what one at a time gives.
final class ConcurrencyTests: XCTestCase {
    func testConcurrentSearchesAnswerAsSequentialOnes() throws {
        let engine = try Fixture.engine.get()
        XCTAssertEqual(engine.pool.count, 2)
        let queries = ["kluby seniorow", "bezpieczenstwo na osiedlach", "mlodziez i sport", "granty dla organizacji",
                       "siec wspolpracy NGO", "place zabaw", "monitoring miejski", "dotacje wieloletnie"]
        @Sendable func answer(_ q: String) -> String {
            let a = engine.search(SearchQuery(text: q, top: 5), spans: true)
            return ServiceJSON.similar(a).jsonText + a.results.map { "\($0.textSpans)" }.joined()
                + (engine.postulate("b-2025-024").map { ServiceJSON.postulate($0).jsonText } ?? "")
        }
        let expected = queries.map(answer)
        let results = LockedLines()
        DispatchQueue.concurrentPerform(iterations: 64) { i in
            let q = i % queries.count
            results.append("\(q)\t" + answer(queries[q]))
        }
        XCTAssertEqual(results.all.count, 64)
        for line in results.all {
            let parts = line.split(separator: "\t", maxSplits: 1)
            XCTAssertEqual(String(parts[1]), expected[Int(parts[0])!])
        }
    }
}
