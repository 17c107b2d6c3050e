import XCTest
@testable import Corpus

/// Polish plural forms against a table written out by hand (not by the rule under test), over 0–200.
final class PluralAndLanguageTests: XCTestCase {
    /// The numbers from 0 to 200 that take "postulaty" (the few form); 1 takes "postulat"; all others "postulatów".
    static let few: Set<Int> = [2, 3, 4, 22, 23, 24, 32, 33, 34, 42, 43, 44, 52, 53, 54, 62, 63, 64, 72, 73, 74,
                                82, 83, 84, 92, 93, 94, 102, 103, 104, 122, 123, 124, 132, 133, 134, 142, 143, 144,
                                152, 153, 154, 162, 163, 164, 172, 173, 174, 182, 183, 184, 192, 193, 194]

    func testEveryCountFrom0To200() {
        for n in 0...200 {
            let expected = n == 1 ? "1 postulat" : Self.few.contains(n) ? "\(n) postulaty" : "\(n) postulatów"
            XCTAssertEqual(PolishPlural.count(n, "postulat", "postulaty", "postulatów"), expected)
        }
        // The teens and the hundred-teens are never "few".
        for n in [12, 13, 14, 112, 113, 114, 212, 1012] { XCTAssertEqual(PolishPlural.form(n), .many, "\(n)") }
        XCTAssertEqual(PolishPlural.form(-2), .few)
        XCTAssertEqual(PolishPlural.form(1001), .many, "only exactly 1 is singular")
    }

    func testCountedFollowsTheRunsLanguage() {
        defer { MessageLanguage.use(.pl) }
        MessageLanguage.use(.en)
        XCTAssertEqual(counted(1, pl: ("plik", "pliki", "plików"), en: ("file", "files")), "1 file")
        XCTAssertEqual(counted(5, pl: ("plik", "pliki", "plików"), en: ("file", "files")), "5 files")
        XCTAssertEqual(tr("tak", "yes"), "yes")
        MessageLanguage.use(.pl)
        XCTAssertEqual(counted(22, pl: ("plik", "pliki", "plików"), en: ("file", "files")), "22 pliki")
        XCTAssertEqual(tr("tak", "yes"), "tak")
    }

    func testLanguageNamesAndLocales() {
        XCTAssertEqual(MessageLanguage(prefix: "en_GB.UTF-8"), .en)
        XCTAssertEqual(MessageLanguage(prefix: "pl_PL.UTF-8"), .pl)
        XCTAssertEqual(MessageLanguage(prefix: "PL"), .pl)
        XCTAssertNil(MessageLanguage(prefix: "de_DE"))
    }

    func testEncodingSniffer() {
        func start(_ b: [UInt8]) -> String? { b.withUnsafeBufferPointer { TextEncodingSniffer.problemAtStart($0) } }
        MessageLanguage.use(.pl)
        XCTAssertNil(start(Array("{\"id\":\"a\"}".utf8)))
        XCTAssertNil(start([]), "nothing to judge")
        XCTAssertTrue(start([0xFF, 0xFE, 0x7B, 0x00])?.contains("UTF-16 LE") == true)
        XCTAssertTrue(start([0xFE, 0xFF, 0x00, 0x7B])?.contains("UTF-16 BE") == true)
        XCTAssertTrue(start([0xFF, 0xFE, 0x00, 0x00])?.contains("UTF-32") == true)
        XCTAssertTrue(start(Array("{\"id\":\"a\"}".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))?.contains("UTF-16 LE") == true)
        XCTAssertTrue(TextEncodingSniffer.hint(forInvalidLine: [0x6B, 0xB9, 0x74]).contains("Windows-1250"), "ą in CP1250")
        XCTAssertTrue(TextEncodingSniffer.hint(forInvalidLine: [0x6B, 0xB1, 0x74]).contains("ISO-8859-2"), "ą in ISO-8859-2")
        XCTAssertFalse(TextEncodingSniffer.hint(forInvalidLine: [0x80, 0x81, 0x82]).contains("1250"), "not Polish letters")
    }
}

/// English has one singular: exactly 1 (0, 2, 21 take the plural).
final class PluralEnglishTests: XCTestCase {
    func testEnglishSingularIsExactlyOne() {
        defer { MessageLanguage.use(.pl) }
        MessageLanguage.use(.en)
        let forms = [0, 1, 2, 11, 21, 101].map { counted($0, pl: ("plik", "pliki", "plików"), en: ("file", "files")) }
        XCTAssertEqual(forms, ["0 files", "1 file", "2 files", "11 files", "21 files", "101 files"])
    }
}
