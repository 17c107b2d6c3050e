import Corpus
import PolishText
import XCTest
@testable import Similarity

/// Inputs found by the fuzzer (`scripts/fuzz.sh index`, docs/fuzzing.md) that crashed the index loader, rebuilt
/// here on the test analyzer. The checksum is recomputed after each change, as the fuzz harness does: it is
/// no defence against a file made on purpose, so the section parser behind it must refuse bad values itself.
final class IndexFuzzRegressionTests: XCTestCase {
    private func bytes() throws -> [UInt8] {
        try SimilarityIndex(analyzer: Fixtures.analyzer(), postulates: Fixtures.corpus(size: 3, seed: 7)).serialized()
    }

    /// The file with its last eight bytes replaced by the checksum of the rest.
    private func resealed(_ b: [UInt8]) -> [UInt8] {
        var out = Array(b.dropLast(8))
        let sum = out.withUnsafeBytes { IndexFile.checksum($0) }
        withUnsafeBytes(of: sum.littleEndian) { out.append(contentsOf: $0) }
        return out
    }

    /// Where the vocabulary section starts: after magic, version, header length, header, padding.
    private func vocabularyStart(_ b: [UInt8]) -> Int {
        let h = Int(b[12]) | Int(b[13]) << 8 | Int(b[14]) << 16 | Int(b[15]) << 24
        return (16 + h + 7) & ~7
    }

    /// The file with its JSON header replaced (lengths and padding redone, the sections after it kept).
    private func withHeader(_ b: [UInt8], _ edit: (String) -> String) -> [UInt8] {
        let h = Int(b[12]) | Int(b[13]) << 8 | Int(b[14]) << 16 | Int(b[15]) << 24
        let json = Array(edit(String(decoding: b[16..<(16 + h)], as: UTF8.self)).utf8)
        var out = Array(b[0..<12])
        withUnsafeBytes(of: UInt32(json.count).littleEndian) { out.append(contentsOf: $0) }
        out += json
        while out.count % 8 != 0 { out.append(0) }
        out += b[vocabularyStart(b)...]
        return resealed(out)
    }

    private func assertCorrupted(_ b: [UInt8], _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try SimilarityIndex.load(bytes: b, analyzer: Fixtures.analyzer(), path: "fuzz.index"),
                             file: file, line: line) { e in
            guard case SimilarityError.corrupted(let path, let reason)? = e as? SimilarityError else {
                return XCTFail("\(e)", file: file, line: line)
            }
            XCTAssertEqual(path, "fuzz.index", file: file, line: line)
            XCTAssertTrue(reason.contains(expected), reason, file: file, line: line)
        }
    }

    /// Found 2026-12-07 (Fuzz/regressions/index-offset-beyond-int.index): a string offset ≥ 2⁶³ trapped in
    /// `Int(offsets[i])` ("Not enough bits to represent the passed value").
    func testStringOffsetBeyondIntMaxIsCorruption() throws {
        var b = try bytes()
        let offsets = vocabularyStart(b)
        // The second vocabulary offset (the end of the first term) set to 0x8000_0000_0000_0000.
        for k in 0..<7 { b[offsets + 8 + k] = 0 }
        b[offsets + 15] = 0x80
        assertCorrupted(resealed(b), "vocabulary offsets")
    }

    /// The last offset (the blob's length) beyond Int.max trapped in `Int(total)`.
    func testStringBlobLengthBeyondIntMaxIsCorruption() throws {
        let b = try bytes()
        let terms = try SimilarityIndex.load(bytes: b, analyzer: Fixtures.analyzer()).vocabulary.count
        var c = b
        let last = vocabularyStart(b) + 8 * terms
        for k in 0..<8 { c[last + k] = 0xFF }
        assertCorrupted(resealed(c), "vocabulary offsets")
    }

    /// Counts in the header so large that `count * 8`, `6 * n` or `n + 1` overflow trapped before any bounds check.
    func testHugeCountsInHeaderAreCorruption() throws {
        let b = try bytes()
        for field in ["postulates", "terms", "entries"] {
            let damaged = withHeader(b) { json in
                json.replacingOccurrences(of: #"("\#(field)":)\d+"#, with: "$19223372036854775807", options: .regularExpression)
            }
            XCTAssertNotEqual(damaged, resealed(b), field)
            assertCorrupted(damaged, tr("przekraczają rozmiar pliku", "exceed the file's size"))
        }
        // A count that does not overflow but still cannot fit in the file is refused the same way.
        let big = withHeader(b) { $0.replacingOccurrences(of: #"("entries":)\d+"#, with: "$1100000", options: .regularExpression) }
        assertCorrupted(big, tr("przekraczają rozmiar pliku", "exceed the file's size"))
    }

    /// Found 2026-12-07 (Fuzz/regressions/index-count-infinite.index): a term count of +∞ (also NaN or a large
    /// negative one) trapped in `TermWeighting.fixedSquare` (a Double too large for UInt64) while weights were
    /// rebuilt on load.
    func testNonFiniteOrNegativeTermCountIsCorruption() throws {
        let b = try bytes()
        let body = b.count - 8
        let entries = try SimilarityIndex.load(bytes: b, analyzer: Fixtures.analyzer()).documentVectors().vectors.terms.count
        // The counts section ends the body, padded to 8 bytes: the last count is just before the padding.
        let last = body - (entries % 2 == 0 ? 0 : 4) - 4
        XCTAssertEqual(Float(bitPattern: UInt32(b[last]) | UInt32(b[last + 1]) << 8 | UInt32(b[last + 2]) << 16
                                         | UInt32(b[last + 3]) << 24) > 0, true, "the offset points at a count")
        for bad: Float in [.infinity, -.infinity, .nan, -1e30, -1] {
            var c = b
            withUnsafeBytes(of: bad.bitPattern.littleEndian) { for k in 0..<4 { c[last + k] = $0[k] } }
            assertCorrupted(resealed(c), tr("liczba wystąpień terminu", "a term count"))
        }
    }

    /// The unchanged bytes still load (the helpers above change only what they say).
    func testResealedOriginalLoads() throws {
        let b = try bytes()
        XCTAssertEqual(resealed(b), b)
        XCTAssertEqual(withHeader(b) { $0 }, b)
        XCTAssertEqual(try SimilarityIndex.load(bytes: b, analyzer: Fixtures.analyzer()).count, 3)
    }
}
