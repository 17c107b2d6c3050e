import XCTest
@testable import PolishText

/// `NameKey` on the declension paradigms of Polish place names (issue 15, item 1): every case form of one name gives
/// one key, on both paths (bytes and Characters); names that differ keep different keys. No lexicon needed.
final class NameKeyParadigmTests: XCTestCase {
    /// All forms of each group must give one key.
    func assertOneKey(_ groups: [[String]], file: StaticString = #filePath, line: UInt = #line) {
        for group in groups {
            let keys = group.map { NameKey.of($0) }
            XCTAssertEqual(Set(keys).count, 1, "\(group): \(keys)", file: file, line: line)
            for w in group { XCTAssertEqual(NameKey.referenceKey(w), NameKey.of(w), w, file: file, line: line) }
        }
    }

    /// -iec / -ca, -ec / -ca: the mobile "e" of the nominative.
    func testIecAndEcDropTheirMobileE() {
        assertOneKey([
            ["Lisiniec", "Lisińca", "Lisińcu", "Lisincu", "Lisińcem", "LISINIEC"],
            ["Sosnowiec", "Sosnowca", "Sosnowcu", "Sosnowcem"],
            ["Giszowiec", "Giszowca", "Giszowcu"],
            ["Ochojec", "Ochojca", "Ochojcu"],
            ["Dębiec", "Dębca", "Dębcu"],
            ["Zieliniec", "Zielińca", "Zielińcu"],
        ])
        XCTAssertEqual(NameKey.of("Lisiniec"), "Lisint")
    }

    /// -ek / -ka, and the genitive plural of -ki (Pustki / Pustek).
    func testEkDropsItsMobileE() {
        assertOneKey([
            ["Grabówek", "Grabówka", "Grabówku", "Grabówkiem"],
            ["Antoninek", "Antoninka", "Antoninku"],
            ["Włocławek", "Włocławka", "Włocławku"],
            ["Pustki", "Pustek", "Pustkach", "Pustkami"],
            ["Leszczynki", "Leszczynek", "Leszczynkach"],
        ])
    }

    /// -ówka / -ówce (k / c alternation), -owo / -owie, -ice / -icach / -ic, -e / -u, soft -ia / -i.
    func testNounParadigms() {
        assertOneKey([
            ["Grabówka", "Grabówce", "Grabówki", "Grabówkę", "Grabówką"],
            ["Dąbrówka", "Dąbrówce", "Dąbrówki"],
            ["Koszutka", "Koszutce", "Koszutki"],
            ["Redłowo", "Redłowa", "Redłowie", "Redłowem"],
            ["Demptowo", "Demptowie", "Demptowa"],
            ["Katowice", "Katowic", "Katowicach", "KATOWICE"],
            ["Bogucice", "Bogucic", "Bogucicach"],
            ["Obłuże", "Obłużu", "Obłuża"],
            ["Zarzecze", "Zarzeczu", "Zarzecza"],
            ["Podlesie", "Podlesiu", "Podlesia"],
            ["Gdynia", "Gdyni", "Gdynię", "Gdynią"],
            ["Raków", "Rakowa", "Rakowie", "Rakowem"],
            ["Ligota", "Ligoty", "Ligocie"],
            ["Wrzeszcz", "Wrzeszcza", "Wrzeszczu"],
            ["Karwiny", "Karwin", "Karwinach"],
        ])
    }

    /// Adjectival names and the adjectives of multi-word names: one key for every case and gender.
    func testAdjectivalNames() {
        assertOneKey([
            ["Stare", "Starym", "Starego", "Stary"],
            ["Mały", "Małym", "Małego", "Małe"],
            ["Kamienna", "Kamiennej", "Kamienną"],
            ["Wielkie", "Wielkim", "Wielki", "Wielka", "Wielką"],
            ["Górna", "Górnej", "Górną"],
            ["Cisowa", "Cisowej"],
        ])
    }

    /// Another name keeps another key: a derived adjective, a diminutive, a stem that only looks alike.
    func testOtherNamesStayApart() {
        for (a, b) in [("Cisowa", "Cisowskie"), ("Dąbrowa", "Dąbrówka"), ("Raków", "Rakowska"),
                       ("Lisiniec", "Lisiniecka"), ("Kielce", "Kielecka"), ("Grabówek", "Grabowo")] {
            XCTAssertNotEqual(NameKey.of(a), NameKey.of(b), "\(a) / \(b)")
        }
        // An "e" that another form keeps is not dropped where an ending was cut ("Kielce": kielc, not kiel).
        XCTAssertEqual(NameKey.of("Kielce"), NameKey.of("Kielcach"))
        XCTAssertEqual(NameKey.of("Pasieka"), NameKey.of("Pasiek"))   // a vowel before the "e": not mobile
    }
}
