import XCTest
@testable import Themes

/// The multi-label rule at its edge: a score exactly equal to its label's threshold is assigned ("score ≥
/// threshold"), the next smaller double is not.
final class ThresholdBoundaryTests: XCTestCase {
    func testAScoreExactlyAtItsThresholdIsAssigned() throws {
        var model = try Fixtures.model()
        XCTAssertEqual(model.mode, .multiLabel)
        XCTAssertEqual(model.labels.count, 3, "the fixture's three labels")
        model.thresholds = [0.5, 0.4, 0.2]
        model.maxLabels = 0
        model.fallbackRatio = 2  // never
        XCTAssertEqual(model.decide([0.5, 0.4, 0.2]), [0, 1, 2])
        XCTAssertEqual(model.decide([0.5, Double(0.4).nextDown, 0.1]), [0])
        XCTAssertEqual(model.decide([Double(0.5).nextDown, Double(0.4).nextDown, Double(0.2).nextDown]), [])
    }
}
