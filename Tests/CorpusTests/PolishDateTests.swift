import XCTest
@testable import Corpus

/// The date scanner replaced four regular expressions; these tests pin the shapes it accepts and compare it with
/// those expressions (kept here as the reference) on generated texts.
final class PolishDateTests: XCTestCase {
    func testShapesAndTheirOrder() {
        let cases: [(String, String?)] = [
            ("W dniu 17 czerwca 2025 r. odbyło się spotkanie", "2025-06-17"),
            ("w dnia 3.7.2024 w sali", "2024-07-03"),
            ("Kraków, 5 Października 2023 r.", "2023-10-05"),
            ("Kraków, 17.06.2025 r.", "2025-06-17"),
            ("Kraków, 17.06.2025", nil),                     // a bare numeric date needs "r" or "dnia"
            ("17.06.2025 R.", nil),                          // shape 4's "r" is lower-case only, as it was
            ("W DNIU 9 WRZEŚNIA 2024 R.", "2024-09-09"),
            ("W dniu 17\u{00A0}czerwca\u{00A0}2025 r.", "2025-06-17"),   // no-break spaces from Word
            ("W dniu 1 stycznia 2020r.", "2020-01-01"),
            ("pismo 1.02.2020 r., spotkanie w dniu 17 czerwca 2025", "2025-06-17"),  // "w dniu" preferred
            ("dnia 5 maja 2021 i 6.06.2022 r.", "2021-05-05"),
            ("123 czerwca 2025 r.", nil),                    // the day is part of a longer number
            ("a17.06.2025 r.", nil),                         // ... or of a word
            ("dniach 17 czerwca 2025", nil),                  // "dniach" is not "dnia", and shape 3 needs "r"
            ("W dniu 32 czerwca 2025 r.", nil),
            ("W dniu 0 czerwca 2025 r.", nil),
            ("dnia 12.13.2025, potem 14.02.2025 r.", "2025-02-14"),
            ("W dniu 7 grudnia 20251 r.", "2025-12-07"),     // four digits of the year, as \d{4} took
            ("", nil),
            ("dniu", nil),
            ("W dniu 17 czerwca", nil),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(PolishDate.find(in: text)?.iso, expected, text)
        }
        XCTAssertEqual(PolishDate.find(in: "W dniu 17 czerwca 2025 r.")?.year, 2025)
    }

    /// The expressions the scanner replaced, read as "the first match of each pattern whose day and month are
    /// valid, patterns in order".
    nonisolated(unsafe) private static let patterns: [Regex<AnyRegexOutput>] = {
        let monthAlt = PolishDate.months.joined(separator: "|")
        return [
            "(?i)\\bdni(?:u|a)\\s+(\\d{1,2})\\s+(\(monthAlt))\\s+(\\d{4})",
            "(?i)\\bdni(?:u|a)\\s+(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})",
            "(?i)\\b(\\d{1,2})\\s+(\(monthAlt))\\s+(\\d{4})\\s*r",
            "\\b(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})\\s*r",
        ].compactMap { try? Regex($0) }
    }()

    private static func reference(_ text: String) -> String? {
        XCTAssertEqual(patterns.count, 4)
        for re in patterns {
            for m in text.matches(of: re) {
                guard let d = m.output[1].substring.flatMap({ Int($0) }),
                      let y = m.output[3].substring.flatMap({ Int($0) }),
                      let ms = m.output[2].substring else { continue }
                let mo = Int(ms) ?? (PolishDate.months.firstIndex(of: ms.lowercased()).map { $0 + 1 } ?? 0)
                guard (1...12).contains(mo), (1...31).contains(d) else { continue }
                return String(format: "%04d-%02d-%02d", y, mo, d)
            }
        }
        return nil
    }

    func testAgreesWithTheRegularExpressionsOnGeneratedTexts() {
        let pieces = ["W dniu", "dnia", "Dniu", "spotkanie", "r.", "r", "R.", "17", "7", "123", "0", "32", "06",
                      "17.06.2025", "3.7.2024", "12.13.2025", "1.1.1999", "czerwca", "WRZEŚNIA", "października",
                      "maja", "marzec", "2025", "20251", "99", "Kraków,", "odbyło się", "(", ")", "–", "ul. Długa 5"]
        let separators = [" ", " ", ", ", "\n", "\u{00A0}", "  ", " (", "\t"]
        var rng = SplitMix(seed: 20251207)
        var agreed = 0, found = 0
        for _ in 0..<4000 {
            var text = ""
            for k in 0..<Int(rng.next() % 9 + 1) {
                if k > 0 { text += separators[Int(rng.next() % UInt64(separators.count))] }
                text += pieces[Int(rng.next() % UInt64(pieces.count))]
            }
            let expected = Self.reference(text)
            XCTAssertEqual(PolishDate.find(in: text)?.iso, expected, text.debugDescription)
            if expected != nil { found += 1 }
            agreed += 1
        }
        XCTAssertEqual(agreed, 4000)
        XCTAssertGreaterThan(found, 100, "the generator must produce dates, or the comparison proves little")
    }
}

/// A tiny seeded generator, so the generated texts are the same on every run.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
