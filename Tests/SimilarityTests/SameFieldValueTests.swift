import Corpus
import XCTest
@testable import Similarity

/// How `--same` reads a field's value (issue 15): labels compared without case, diacritics, spacing or numbering
/// prefixes; values that name no place are unknown and agree with any value.
final class SameFieldValueTests: XCTestCase {
    func record(_ district: JSONValue, city: String = "Katowice") -> Postulate {
        Postulate(id: "x", text: "t", extra: [("city", .string(city)), ("district", district)])
    }

    func value(_ district: String, city: String = "Katowice") -> String? {
        SameFields.value(of: record(.string(district), city: city), "district")
    }

    func testLabelsIgnoreSpellingOfOnePlace() {
        XCTAssertEqual(value("Szopienice-Burowiec"), value("Szopienice - Burowiec"))
        XCTAssertEqual(value("13 - Jeżyce, Św.Łazarz"), value("13 - Jeżyce, św.Łazarz"))
        XCTAssertEqual(value("13 - Jeżyce, Św.Łazarz"), "jezyce sw lazarz")
        XCTAssertEqual(value("7- Morasko-Radojewo"), "morasko radojewo")
        XCTAssertEqual(value("XIV Prądnik Czerwony"), "pradnik czerwony")
        XCTAssertEqual(value("Osiedle Tysiąclecia"), value("os. Tysiąclecia"))
        XCTAssertEqual(value("Local "), nil)
        // A bare number or "nr 7" stays a value: the numbering is dropped only before a name.
        XCTAssertEqual(value("7"), "7")
        XCTAssertEqual(value("Rejon nr 7"), "rejon nr 7")
        XCTAssertNotEqual(value("Rejon nr 7"), value("Rejon nr 1"))
        XCTAssertNotEqual(value("Wrzeszcz Górny"), value("Wrzeszcz Dolny"))
    }

    func testValuesThatNameNoPlaceAreUnknown() {
        for v in ["local", "small", "large", "Green Budget", "ogólnomiejski", "up to 150", "150 - 500", "from 500",
                  "", "  ", "Katowice"] {
            XCTAssertNil(value(v), v)
        }
        XCTAssertNil(SameFields.value(of: record(.null), "district"))
        XCTAssertNil(SameFields.value(of: Postulate(id: "x", text: "t"), "district"))
        // The city's own value is the city, not unknown; a number field as written.
        XCTAssertEqual(SameFields.value(of: record(.null, city: "Gdańsk"), "city"), "gdansk")
        XCTAssertEqual(SameFields.value(of: record(.number("2020")), "district"), "2020")
    }

    func testUnknownAgreesWithAnyKnownValueAndKnownValuesMustBeEqual() {
        XCTAssertTrue(SameFields.agree(["a", nil], ["a", "b"]))
        XCTAssertTrue(SameFields.agree([nil], ["b"]))
        XCTAssertTrue(SameFields.agree([nil], [nil]))
        XCTAssertFalse(SameFields.agree(["a", nil], ["b", nil]))
        XCTAssertFalse(SameFields.agree(["a", "c"], ["a", "b"]))
        let same = SameFields(["city", "district"])
        XCTAssertEqual(same.values(of: record(.string("local"))), ["katowice", nil])
    }
}
