import XCTest
@testable import Corpus

/// `UTF8Check` must judge bytes exactly as the standard library does (`tag` refuses a line it calls invalid, with
/// the encoding hint, and parses the strings of the lines it accepts without checking them again).
final class UTF8CheckTests: XCTestCase {
    private func same(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> Bool {
        let ours = bytes.withUnsafeBufferPointer { UTF8Check.isValid($0) }
        let std = String(validating: bytes, as: UTF8.self) != nil
        XCTAssertEqual(ours, std, "\(bytes.map { String($0, radix: 16) })", file: file, line: line)
        return ours
    }

    /// Every two-byte sequence, alone and after seven ASCII bytes (the eight-byte loop's edge) and before one.
    func testEveryTwoByteSequence() {
        var valid = 0
        for a in 0...255 {
            for b in 0...255 {
                if same([UInt8(a), UInt8(b)]) { valid += 1 }
                _ = same(Array("abcdefg".utf8) + [UInt8(a), UInt8(b)] + [0x41])
            }
        }
        // 128·128 ASCII pairs and the 30·64 two-byte characters (C2–DF, then 80–BF).
        XCTAssertEqual(valid, 128 * 128 + 30 * 64)
    }

    /// Every lead byte from E0 up with every second byte, then valid, short and wrong continuations.
    func testEveryLeadAndSecondByteOfLongerSequences() {
        var valid = 0
        for a in 0xE0...0xFF {
            for b in 0...255 {
                let head = [UInt8(a), UInt8(b)]
                if same(head + [0x80]) { valid += 1 }
                if same(head + [0xBF, 0x80]) { valid += 1 }
                _ = same(head + [0xBF, 0x41])
                _ = same(head + [0x41, 0x80])
                _ = same(head + [0xC0, 0x80, 0x80])
                _ = same(head)
            }
        }
        XCTAssertGreaterThan(valid, 0)
    }

    /// Random lines of ASCII, Polish letters, emoji and (sometimes) a damaged byte.
    func testRandomLines() {
        var rng = CompactTestRandom(seed: 3)
        let pieces: [[UInt8]] = [Array("Zażółć gęślą jaźń".utf8), Array("abcdefghijk ".utf8), Array("😀".utf8), Array("€".utf8),
                                 Array("\u{10FFFF}".utf8), [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
                                 [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xF0, 0x80, 0x80, 0xAF], [0x80], [0xFF], [0xC5]]
        var valid = 0, invalid = 0
        for _ in 0..<5000 {
            var line: [UInt8] = []
            for _ in 0..<rng.below(12) {
                // Mostly valid pieces (the first six), now and then a broken one.
                let k = rng.below(40)
                line += k < 38 ? pieces[k % 6] : pieces[6 + rng.below(pieces.count - 6)]
            }
            if same(line) { valid += 1 } else { invalid += 1 }
        }
        XCTAssertGreaterThan(valid, 1000)
        XCTAssertGreaterThan(invalid, 1000)
    }
}
