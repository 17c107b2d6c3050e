import Corpus
import Foundation
import XCTest
@testable import Themes

/// `tag`'s pipeline on the three input kinds: records keep their fields, get the output fields, and a bad row is
/// reported without stopping the rest.
final class TagIOTests: XCTestCase {
    var dir: String!

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "themes-tag-\(getpid())-\(name.filter(\.isLetter))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    /// Runs the tag pipeline over `path`; returns the output text and the error messages.
    func tag(_ path: String, kind: TagInput.Kind, output: CorpusFormat) throws -> (String, [String]) {
        let tagger = try Tagger(model: try Fixtures.model(), analyzer: try Fixtures.analyzer())
        let input = try TagInput(path: path, kind: kind)
        var writer = TagOutputWriter(format: output)
        var out: [UInt8] = [], errors: [String] = []
        while let item = input.next() {
            switch item {
            case .success(let rec): out += writer.row(rec, prediction: tagger.tag(rec.record), csvHeader: input.csvHeader)
            case .failure(let e): errors.append(e.message)
            }
        }
        out += writer.flush()
        return (String(decoding: out, as: UTF8.self), errors)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let p = dir + "/" + name
        try text.write(toFile: p, atomically: true, encoding: .utf8)
        return p
    }

    func testJSONLKeepsFieldsAndSkipsBadRow() throws {
        let path = try write("in.jsonl", """
        {"id":"x1","text":"policja monitoring straż","custom":{"k":1}}
        {"id":"x2","text": broken
        {"id":"x3","text":"seniorzy kluby emeryci"}

        """)
        let (out, errors) = try tag(path, kind: try TagInput.Kind(explicit: nil, path: path), output: .jsonl)
        let lines = out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2)
        XCTAssertEqual(errors.count, 1)
        XCTAssertTrue(errors[0].contains("in.jsonl:2"), errors[0])
        let first = try JSONValue.parse(lines[0])
        guard case .object(let firstFields) = first else { return XCTFail("not an object: \(lines[0])") }
        XCTAssertEqual(firstFields.map(\.0), ["id", "text", "custom"] + TagOutputWriter.addedFields,
                       "the input's fields in their order, then the added ones; none invented (no empty themes)")
        XCTAssertEqual(first["id"]?.stringValue, "x1")
        XCTAssertEqual(first["custom"]?["k"], .number("1"))
        XCTAssertEqual(first["predicted"], .array([.string("security")]))
        XCTAssertNotNil(first["scores"]?["youth"])
        XCTAssertNotNil(first["evidence"]?["security"]?.arrayValue?.first)
        XCTAssertEqual(try JSONValue.parse(lines[1])["predicted"], .array([.string("seniors")]))
    }

    func testCSVInAndOut() throws {
        let path = try write("in.csv", "id,text,organisation\r\nc1,\"szkoła, uczniowie, świetlica\",Fundacja\r\nc2,miasto ulica,\r\n")
        let (out, errors) = try tag(path, kind: .csv, output: .csv)
        XCTAssertEqual(errors, [])
        let rows = out.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(rows.count, 3)
        XCTAssertEqual(rows[0], "id,text,organisation,predicted,scores,evidence,why,no_theme")
        XCTAssertTrue(rows[1].hasPrefix("c1,\"szkoła, uczniowie, świetlica\",Fundacja,youth,"), rows[1])
        XCTAssertTrue(rows[2].hasPrefix("c2,miasto ulica,,,"), rows[2])
        XCTAssertTrue(rows[2].hasSuffix(",true"), rows[2])
    }

    func testPlainTextOneLineAPostulate() throws {
        let path = try write("in.txt", "Policja i monitoring przy szkole\n\nseniorzy kluby opieka\n")
        let (out, errors) = try tag(path, kind: try TagInput.Kind(explicit: nil, path: path), output: .jsonl)
        XCTAssertEqual(errors, [])
        let lines = try out.split(separator: "\n").map { try JSONValue.parse(String($0)) }
        XCTAssertEqual(lines.count, 2)
        XCTAssertEqual(lines[0]["line"], .number("1"))
        XCTAssertEqual(lines[1]["line"], .number("3"))
        XCTAssertEqual(lines[1]["text"]?.stringValue, "seniorzy kluby opieka")
        XCTAssertEqual(lines[1]["predicted"], .array([.string("seniors")]))
        // sniffing: a file without a known extension is JSONL when it starts with "{", else plain text
        let sniffed = try write("in.data", "seniorzy kluby\n")
        let (o2, _) = try tag(sniffed, kind: try TagInput.Kind(explicit: nil, path: sniffed), output: .jsonl)
        XCTAssertTrue(o2.hasPrefix("{\"line\":1,\"text\":\"seniorzy kluby\""), o2)
        // plain text to CSV
        let (csv, _) = try tag(path, kind: .text, output: .csv)
        XCTAssertTrue(csv.hasPrefix("line,text,predicted,scores,evidence,why,no_theme\r\n1,Policja i monitoring przy szkole,"), csv)
    }

    func testFastJSONFieldsEqualTheGenericOnes() throws {
        let tagger = try Tagger(model: try Fixtures.model(), analyzer: try Fixtures.analyzer())
        for text in ["policja monitoring kluby seniorzy \"cytat\" \\ ukośnik", "miasto ulica", "szkoła"] {
            let p = tagger.tag(text: text)
            var bytes = Array("{\"a\":1".utf8)
            Tagger.appendOutputFields(p, to: &bytes)
            bytes.append(UInt8(ascii: "}"))
            let fast = try JSONValue.parse(String(decoding: bytes, as: UTF8.self))
            XCTAssertEqual(fast, .object([("a", .number("1"))] + Tagger.outputFields(p)), text)
        }
    }
}

/// `TagOutputBytes`: the bytes a tagger makes once for its model's labels and terms are what escaping them for
/// each row wrote.
final class TagOutputBytesTests: XCTestCase {
    func testRowsFromTheTaggersBytesEqualEscapedOnes() throws {
        let tagger = try Tagger(model: try Fixtures.model(), analyzer: try Fixtures.analyzer())
        var compared = 0
        for text in ["policja monitoring kluby seniorzy \"cytat\" \\ ukośnik", "miasto ulica", "szkoła", "kluby seniora i młodzież"] {
            var escaped: [UInt8] = [], copied: [UInt8] = []
            Tagger.appendOutputFields(tagger.tag(text: text), to: &escaped)
            tagger.withTag(Postulate(id: "", text: text)) { view in
                XCTAssertNotNil(view.outputBytes)
                Tagger.appendOutputFields(view, to: &copied)
            }
            XCTAssertEqual(String(decoding: copied, as: UTF8.self), String(decoding: escaped, as: UTF8.self), text)
            compared += 1
        }
        XCTAssertEqual(compared, 4)
    }

    func testLabelsAndTermsThatNeedEscaping() {
        let labels = ["a\"b", "ż", "c\\d", "tab\t"], vocabulary = ["x\\y", "ą", "t\"q", "a b", "nowa\nlinia"]
        let bytes = TagOutputBytes(labels: labels, vocabulary: vocabulary)
        for (l, name) in labels.enumerated() {
            var a: [UInt8] = [], b: [UInt8] = []
            bytes.appendLabel(l, to: &a)
            JSONBytes.string(name, to: &b)
            XCTAssertEqual(a, b, name)
        }
        for (f, term) in vocabulary.enumerated() {
            var a: [UInt8] = [], b: [UInt8] = []
            bytes.appendEscapedFeature(f, to: &a)
            JSONBytes.escaped(term, to: &b)
            XCTAssertEqual(a, b, term)
        }
    }
}

/// The parallel run's pipeline (workers tag batch k while the calling thread writes batch k − 1 and reads k + 1)
/// over many small batches, with bad lines among them: the rows, the bad lines and their order are one tagger's.
final class TagPipelineTests: XCTestCase {
    func testManySmallBatchesGiveOneTaggersRowsAndErrors() throws {
        let dir = NSTemporaryDirectory() + "themes-pipeline-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var lines: [String] = []
        for (i, r) in Fixtures.records(count: 300).enumerated() {
            if i == 0 || i % 37 == 5 { lines.append("{\"id\": \"zepsuty-\(i)\", \"text\": ") }  // bad, the first too
            lines.append(r.jsonLine)
        }
        let path = dir + "/in.jsonl"
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let model = try Fixtures.model()
        func run(jobs: Int, perWorker: Int) throws -> (out: [UInt8], errors: [String], count: Int) {
            let taggers = try (0..<jobs).map { _ in try Tagger(model: model, analyzer: try Fixtures.analyzer()) }
            var writer = TagOutputWriter(format: .jsonl)
            var out: [UInt8] = [], errors: [String] = []
            let n = try TagRun.run(try TagInput(path: path, kind: .jsonl), taggers: taggers, perWorker: perWorker,
                                   writer: &writer, bad: { errors.append($0.message) }) { out += $0 }
            return (out, errors, n)
        }
        let one = try run(jobs: 1, perWorker: 5)
        XCTAssertEqual(one.count, 300)
        XCTAssertEqual(one.errors.count, 9)
        XCTAssertTrue(one.errors[0].contains("in.jsonl:1:"), one.errors[0])
        var runs = 0
        for (jobs, perWorker) in [(2, 1), (2, 5), (3, 4), (2, 2048)] {
            let r = try run(jobs: jobs, perWorker: perWorker)
            XCTAssertEqual(r.count, one.count, "\(jobs) jobs, \(perWorker) a worker")
            XCTAssertEqual(r.errors, one.errors, "\(jobs) jobs, \(perWorker) a worker")
            XCTAssertEqual(r.out, one.out, "\(jobs) jobs, \(perWorker) a worker")
            runs += 1
        }
        XCTAssertEqual(runs, 4)
    }
}
