import Corpus
import Foundation
import PolishText
import XCTest
@testable import Similarity

/// `add(reading:jobs:purpose:)`, the pipeline of `index build`: the index of reading the whole corpus and adding it,
/// byte for byte, for any number of jobs and batch size; the same refusals, with the same messages.
final class StreamingBuildTests: XCTestCase {
    let purpose = (pl: "indeks podobieństwa", en: "the similarity index")
    var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "streaming-build-\(getpid())-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: folder) }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = folder + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The reading-first path: `CorpusLoad.read`, `requireIDs`, `add(_:jobs:)`.
    func readingFirst(_ files: [String], policy: BadRecordPolicy = .fail) throws -> [UInt8] {
        let load = try CorpusLoad.read(files, policy: policy)
        try load.requireIDs(for: purpose)
        let index = SimilarityIndex(analyzer: Fixtures.analyzer())
        try index.add(load.records, jobs: 1)
        return index.serialized()
    }

    func streamed(_ files: [String], policy: BadRecordPolicy = .fail, jobs: Int = 2, batch: Int = 5)
        throws -> (bytes: [UInt8], build: SimilarityIndex.StreamedBuild) {
        let index = SimilarityIndex(analyzer: Fixtures.analyzer())
        let build = try index.add(reading: CorpusBatches(files: files, policy: policy), jobs: jobs, purpose: purpose, batch: batch)
        return (index.serialized(), build)
    }

    func testEveryJobCountAndBatchSizeBuildsTheIndexOfReadingFirst() throws {
        let all = ParallelIndexingTests.corpus()
        // two JSONL files (one with blank lines and CRLF) and a CSV: every reader path, batches across files
        var first = CorpusWriter.jsonl(all[0..<250])
        first.insert(contentsOf: Array("\n  \r\n".utf8), at: 0)
        let files = [try write("a.jsonl", first), try write("b.csv", CorpusWriter.csv(Array(all[250..<400]))),
                     try write("c.jsonl", CorpusWriter.jsonl(all[400...]))]
        let reference = try readingFirst(files)
        var runs = 0
        for jobs in [1, 2, 3] {
            for batch in [1, 7, 4096] {
                let (bytes, build) = try streamed(files, jobs: jobs, batch: batch)
                XCTAssertEqual(bytes, reference, "jobs \(jobs), batch \(batch)")
                XCTAssertEqual(build.read, all.count)
                XCTAssertTrue(build.skipped.isEmpty)
                XCTAssertNil(build.idError)
                runs += 1
            }
        }
        XCTAssertEqual(runs, 9)
    }

    func testRefusalsAreThoseOfReadingFirst() throws {
        let good = "{\"id\":\"a\",\"text\":\"plac zabaw\"}\n{\"id\":\"b\",\"text\":\"ławki w parku\"}\n"
        let cases: [(name: String, files: [(String, String)])] = [
            ("bad line and a missing id", [("x.jsonl", good + "{\"id\":\"c\",\"text\":\n{\"id\":\" \",\"text\":\"drzewa\"}\n")]),
            ("missing id", [("x.jsonl", good + "{\"text\":\"drzewa\"}\n{\"id\":\"a\",\"text\":\"drzewa\"}\n")]),
            ("repeated id across files", [("x.jsonl", good), ("y.jsonl", "\n{\"id\":\"z\",\"text\":\"drzewa\"}\n{\"id\":\"b\",\"text\":\"ul\"}\n")]),
            ("empty second file", [("x.jsonl", good + "{oops\n"), ("y.jsonl", "\n\n")]),
            ("only bad records", [("x.jsonl", "{oops\n[1]\n")]),
            ("bad UTF-8 and a bad CSV row", [("x.jsonl", good + "{\"id\":\"c\",\"text\":\"\u{FFFF}\"}\n"),
                                             ("y.csv", "id,text\nq,\"ok\"\nr,a,b\n")]),
        ]
        var compared = 0
        for c in cases {
            let dir = c.name.replacingOccurrences(of: " ", with: "-")
            try FileManager.default.createDirectory(atPath: folder + "/" + dir, withIntermediateDirectories: true)
            var files = try c.files.map { try write(dir + "/" + $0.0, Array($0.1.utf8)) }
            if c.name.hasPrefix("bad UTF-8") {
                // a byte that is not UTF-8 in place of the "\u{FFFF}" (EF BF BF)
                var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: files[0])))
                if let k = bytes.firstIndex(of: 0xEF) { bytes[k] = 0xFF }
                files[0] = try write(dir + "/" + c.files[0].0, bytes)
            }
            for policy in [BadRecordPolicy.fail, .skip] {
                let expected: String
                do { _ = try readingFirst(files, policy: policy); expected = "no error" } catch { expected = "\(error)" }
                let got: String
                do {
                    let (_, build) = try streamed(files, policy: policy, jobs: 2, batch: 2)
                    let oldSkipped = try CorpusLoad.read(files, policy: policy).skipped
                    XCTAssertEqual(build.skipped, oldSkipped, c.name)
                    got = build.idError.map { "\($0)" } ?? "no error"
                } catch { got = "\(error)" }
                XCTAssertEqual(got, expected, "\(c.name), \(policy)")
                compared += 1
            }
        }
        XCTAssertEqual(compared, 2 * cases.count)
    }

    func testTheFileStreamedInSmallChunksIsTheSameBytes() throws {
        let index = SimilarityIndex(analyzer: Fixtures.analyzer())
        var all = ParallelIndexingTests.corpus()
        all[3].extra = [("district", .string("Oksywie"))]
        try index.add(all, jobs: 1)
        let whole = IndexFile.bytes(index.storage)
        var sizes = 0
        for chunk in [8, 13, 4096] {
            XCTAssertEqual(IndexFile.bytes(index.storage, chunk: chunk), whole, "chunk \(chunk)")
            sizes += 1
        }
        XCTAssertEqual(sizes, 3)
        let reloaded = try whole.withUnsafeBytes { try SimilarityIndex.load(bytes: $0, path: "x", analyzer: Fixtures.analyzer()) }
        XCTAssertEqual(reloaded.postulates.map(\.id), all.map(\.id))
        XCTAssertEqual(reloaded.postulates[3].extra.first?.0, "district")
    }
}
