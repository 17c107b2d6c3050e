import Corpus
import Foundation
import PolishText
import XCTest
@testable import Similarity

/// The seed meeting (Kraków, 17 June 2025): rows 7 and 8 are one demand filed by two organisations; rows 4, 5, 6
/// and 10 share a long boilerplate opening ("W ramach realizacji zadań UMK powinny znaleźć się zadania zlecane…")
/// but ask for different things, and must not pair.
final class SeedMeetingTests: XCTestCase {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl").path

    private func records() throws -> [Postulate] {
        guard FileManager.default.fileExists(atPath: Self.file) else { throw XCTSkip("seed meeting not imported at \(Self.file)") }
        let rows = try CorpusReader.read(path: Self.file)
        XCTAssertEqual(rows.count, 14)
        return rows
    }

    private func check(_ rows: [Postulate], analyzer: Analyzer, context: String) throws {
        let result = try RecurringDemands.find(in: rows, analyzer: analyzer)
        let pairs = result.pairs.map { [result.postulates[$0.a].id, result.postulates[$0.b].id] }
        XCTAssertEqual(pairs, [["krakow-2025-06-17-07", "krakow-2025-06-17-08"]], context)
        XCTAssertEqual(result.clusters.map { $0.map { result.postulates[$0].id } },
                       [["krakow-2025-06-17-07", "krakow-2025-06-17-08"]], context)
    }

    func testRowsSevenAndEightPairAndNothingElseDoes() throws {
        try check(try records(), analyzer: Fixtures.analyzer(), context: "lower-cased forms")
    }

    func testSameWithTheDefaultAnalyzer() throws {
        let analyzer: Analyzer
        do { analyzer = try DefaultAnalyzer.make(modelsDirectory: URL(fileURLWithPath: Self.file)
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Models").path) }
        catch { throw XCTSkip("default analyzer unavailable here: \(error)") }
        try check(try records(), analyzer: analyzer, context: "default analyzer")
    }

    /// As `postulaty dedupe` runs by default: over every corpus file, where the boilerplate's words are rarer
    /// (so weigh more) than within the meeting alone.
    func testAmongAllCorporaOnlySevenAndEightPairInTheSeedMeeting() throws {
        let seed = try records()
        let folder = URL(fileURLWithPath: Self.file).deletingLastPathComponent()
        var all: [Postulate] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".jsonl") {
            all += try CorpusReader.read(path: folder.appendingPathComponent(name).path)
        }
        XCTAssertGreaterThan(all.count, seed.count)
        let seedIDs = Set(seed.map(\.id))
        let analyzer = (try? DefaultAnalyzer.make(modelsDirectory: folder.deletingLastPathComponent()
            .appendingPathComponent("Models").path)) ?? Fixtures.analyzer()
        let result = try RecurringDemands.find(in: all, analyzer: analyzer)
        let seedPairs = result.pairs.map { [result.postulates[$0.a].id, result.postulates[$0.b].id] }
            .filter { seedIDs.contains($0[0]) && seedIDs.contains($0[1]) }
        XCTAssertEqual(seedPairs, [["krakow-2025-06-17-07", "krakow-2025-06-17-08"]], analyzer.configuration.lemmatizer)
    }

    func testSimilarFindsRowEightForRowSeven() throws {
        let index = try SimilarityIndex(analyzer: Fixtures.analyzer(), postulates: try records())
        let hits = try index.similar(toID: "krakow-2025-06-17-07", top: 3, excludeOwnMeeting: false)
        XCTAssertEqual(hits.first?.postulate.id, "krakow-2025-06-17-08")
        XCTAssertTrue(hits.first?.sharedTerms.contains("konkursy") ?? false, "\(hits.first?.sharedTerms ?? [])")
    }

    func testScoresOfTheSeedMeeting() throws {
        // Not an assertion of values: prints every pair's cosine for docs/similarity.md when run alone.
        let index = try SimilarityIndex(analyzer: Fixtures.analyzer(), postulates: try records())
        let (v, docs) = index.documentVectors()
        let all = NearDuplicateJoin.bruteForce(v, threshold: 0.2)
        for p in all.sorted(by: { $0.score > $1.score }).prefix(8) {
            print("seed pair", docs[p.a].id.suffix(2), docs[p.b].id.suffix(2), String(format: "%.3f", p.score))
        }
        XCTAssertEqual(all.max { $0.score < $1.score }.map { [docs[$0.a].id, docs[$0.b].id] },
                       ["krakow-2025-06-17-07", "krakow-2025-06-17-08"])
    }
}
