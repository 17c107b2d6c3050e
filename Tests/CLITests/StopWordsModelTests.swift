import Foundation
import XCTest

/// A model trained with `--stop-words none` keeps the words that carry a response's stance ("nie", "już"), and
/// `tag` then analyses text the way that model was trained (not with the default stop words, which would make
/// "nie zostanie uwzględniony" and "zostanie uwzględniony" the same terms).
final class StopWordsModelTests: XCTestCase {
    func testModelWithoutStopWordsTellsNegationApartAndTagUsesItsAnalysis() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("postulaty-sw-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Three stances whose responses differ only in stop words of the default list.
        let phrases = [("accepted", "Postulat zostanie uwzględniony w programie"),
                       ("rejected", "Postulat nie zostanie uwzględniony w programie"),
                       ("already_done", "Postulat jest już uwzględniony w programie")]
        var lines: [String] = []
        for i in 0..<60 {
            let (stance, phrase) = phrases[i % 3]
            let extra = ["na rok", "w dzielnicy", "dla mieszkańców", "od stycznia"][i % 4]
            lines.append("{\"id\":\"r\(i)\",\"text\":\"x\",\"response\":\"\(phrase) \(extra).\",\"response_stance\":\"\(stance)\"}")
        }
        let train = dir.appendingPathComponent("train.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: train, atomically: true, encoding: .utf8)
        let queries = dir.appendingPathComponent("q.jsonl")
        try ("{\"id\":\"q1\",\"response\":\"Postulat nie zostanie uwzględniony.\"}\n"
             + "{\"id\":\"q2\",\"response\":\"Postulat jest już uwzględniony.\"}\n").write(to: queries, atomically: true, encoding: .utf8)

        func predictions(stopWords: String) throws -> [String] {
            let model = dir.appendingPathComponent("\(stopWords).model").path
            let t = try CLI.run(["train", train.path, "--labels", "response_stance", "--fields", "response:1",
                                 "--stop-words", stopWords, "-o", model])
            XCTAssertEqual(t.status, 0, t.stderr)
            let r = try CLI.run(["tag", queries.path, "--model", model])
            XCTAssertEqual(r.status, 0, r.stderr)
            return try r.out.split(separator: "\n").map { line in
                let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                return ((o?["predicted"] as? [String]) ?? []).joined(separator: "|")
            }
        }
        XCTAssertEqual(try predictions(stopWords: "none"), ["rejected", "already_done"])
        // With the default list the three responses are the same terms: the model cannot tell them apart.
        let withDefault = try predictions(stopWords: "default")
        XCTAssertEqual(withDefault[0], withDefault[1], "identical terms, identical prediction: \(withDefault)")

        let bad = try CLI.run(["train", train.path, "--labels", "response_stance", "--stop-words", "some"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("--stop-words"), bad.stderr)
    }
}
