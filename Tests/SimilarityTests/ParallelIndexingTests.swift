import Corpus
import PolishText
import XCTest
@testable import Similarity

/// `add(_:jobs:)`: workers number features locally and one thread maps them to vocabulary ids. The index must be
/// the one `add(_:)` builds a postulate at a time, for any number of jobs and however often a worker's numbering
/// starts afresh, and each count what a plain dictionary sums.
final class ParallelIndexingTests: XCTestCase {
    /// Titles and justifications, a third of them long (more distinct terms than `TermCounts` searches linearly),
    /// with diacritic spellings of the same pseudo-words, so two terms of one postulate share a folded feature.
    static func corpus() -> [Postulate] {
        var rng = SplitMix64(seed: 91)
        func word(_ n: Int) -> String {
            let w = Fixtures.word(min(rng.int(n), rng.int(n)))
            return rng.int(5) == 0 ? w.replacingOccurrences(of: "a", with: "ą") : w
        }
        return (0..<600).map { i in
            let text = (0..<(2 + rng.int(10))).map { _ in word(300) }.joined(separator: " ")
            let length = rng.int(3) == 0 ? 40 + rng.int(60) : rng.int(4)
            return Postulate(id: "p\(i)", year: 2020 + rng.int(4), meeting: "m\(rng.int(3))", organisation: "",
                             text: text, justification: (0..<length).map { _ in word(200) }.joined(separator: " "),
                             response: "")
        }
    }

    func testEveryJobCountBuildsTheIndexOfOneAtATime() throws {
        let all = Self.corpus()
        let reference = try SimilarityIndex(analyzer: Fixtures.analyzer(), postulates: all).serialized()
        var runs = 0
        for (jobs, limit) in [(1, SimilarityIndex.WorkerFeatures.limit), (2, SimilarityIndex.WorkerFeatures.limit), (3, 7), (1, 1)] {
            let index = SimilarityIndex(analyzer: Fixtures.analyzer())
            try index.add(all, jobs: jobs, featureLimit: limit)
            XCTAssertEqual(index.serialized(), reference, "jobs \(jobs), limit \(limit)")
            runs += 1
        }
        XCTAssertEqual(runs, 4)
    }

    func testCountsAreThoseOfADictionary() throws {
        let all = Self.corpus(), analyzer = Fixtures.analyzer(), settings = SimilarityIndexSettings()
        let index = SimilarityIndex(analyzer: analyzer, settings: settings)
        try index.add(all, jobs: 2)
        let s = index.storage
        XCTAssertEqual(s.postulates.count, all.count)
        var long = 0, merged = 0
        for (i, p) in all.enumerated() {
            var expected: [String: Float] = [:], terms = Set<String>()
            analyzer.forEachTerm(in: p.text) { expected[settings.feature(of: $0), default: 0] += 1; terms.insert($0) }
            analyzer.forEachTerm(in: p.justification) {
                expected[settings.feature(of: $0), default: 0] += Float(settings.justificationWeight); terms.insert($0)
            }
            var got: [String: Float] = [:]
            for k in s.vectorStart[i]..<s.vectorStart[i + 1] { got[s.terms[Int(s.vectorTerms[k])]] = s.vectorCounts[k] }
            XCTAssertEqual(got, expected, p.id)
            if expected.count > TermCounts.linear { long += 1 }
            if terms.count > expected.count { merged += 1 }
        }
        XCTAssertGreaterThan(long, 100)
        XCTAssertGreaterThan(merged, 100)
    }
}
