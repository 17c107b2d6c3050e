import Corpus
@testable import Service
import XCTest

/// The engine's year bounds at their edge: a search's `before` keeps only earlier years (exclusive), and a
/// postulate's "earlier" list holds only postulates of years before its own — each checked on a query whose
/// unfiltered results do include the years the bound must drop, and with a count, so an empty answer fails.
final class QueryBoundaryTests: XCTestCase {
    func testSearchBeforeIsExclusive() throws {
        let engine = try Fixture.engine.get()
        let unfiltered = engine.search(SearchQuery(text: "kluby seniora w dzielnicach", top: 20))
        XCTAssertTrue(unfiltered.results.contains { ($0.hit.postulate.year ?? 0) >= 2024 }, "the bound has something to drop")
        let a = engine.search(SearchQuery(text: "kluby seniora w dzielnicach", top: 5, before: 2024))
        XCTAssertEqual(a.results.count, 5)
        for f in a.results { XCTAssertLessThan(f.hit.postulate.year ?? 9999, 2024, f.hit.postulate.id) }
        XCTAssertTrue(a.results.contains { $0.hit.postulate.year == 2023 }, "2023 is before 2024: kept")
        XCTAssertEqual(a.results.map(\.rank), [1, 2, 3, 4, 5])
    }

    func testEarlierPostulatesAreFromEarlierYearsOnly() throws {
        let engine = try Fixture.engine.get()
        let answer = try XCTUnwrap(engine.postulate("b-2025-024", earlier: 5))
        XCTAssertEqual(answer.record.year, 2025)
        XCTAssertEqual(answer.earlier.count, 5)
        for f in answer.earlier { XCTAssertLessThan(f.hit.postulate.year ?? 9999, 2025, f.hit.postulate.id) }
        // The same text searched without a bound does find postulates of 2025 and later (other meetings).
        let open = engine.search(SearchQuery(text: answer.record.text, top: 30))
        XCTAssertTrue(open.results.contains { ($0.hit.postulate.year ?? 0) >= 2025 && $0.hit.postulate.id != "b-2025-024" })
    }

    /// Over every postulate of 2025: none of their earlier ones is from 2025 (other meetings of that year included).
    func testNoEarlierPostulateIsFromTheSameYear() throws {
        let engine = try Fixture.engine.get()
        var checked = 0
        for id in (1...40).map({ String(format: "a-2025-%03d", $0) }) + (1...40).map({ String(format: "b-2025-%03d", $0) }) {
            guard let answer = engine.postulate(id, earlier: 10), answer.record.year == 2025 else { continue }
            for f in answer.earlier { XCTAssertLessThan(f.hit.postulate.year ?? 9999, 2025, "\(id) → \(f.hit.postulate.id)") }
            checked += answer.earlier.count
        }
        XCTAssertGreaterThan(checked, 100)
    }
}
