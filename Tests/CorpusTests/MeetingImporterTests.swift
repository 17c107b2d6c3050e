import XCTest
@testable import Corpus

/// The seed fixture, field by field: expectations written from reading the document, not from the output.
final class MeetingImporterFixtureTests: XCTestCase {
    static let fixture = repoRoot + "/Corpora/krakow-2025-06-17-spotkanie-branzowe.txt"
    static let dkko = "Wydział Dialogu, Konsultacji i Kontaktu Obywatelskiego"
    static let wps = "Wydział Polityki Społecznej, Równości i Zdrowia"

    // (organisation, text start, text end, justification start, justification end, response start, response end)
    static let expected: [(String, String, String, String, String, String, String)] = [
        ("Fundacja Zustricz", "W ramach realizacji zadań UMK", "młodzieży oraz cudzoziemców.",
         "W związku z brakiem programów", "szkoleniach z praw obywatelskich.",
         "W ramach realizowanego w Krakowie", "w systemie oświaty nie wyczerpują potrzeb."),
        ("Fundacja Start Tango", "Postulat: powinny być zlecane", "czerpiemy z Unii Europejskiej.",
         "Zapotrzebowanie zgłaszane", "przez mieszkańców do NGOs.",
         "Organizację różnego rodzaju szkoleń", "oraz w ich mediach społecznościowych."),
        ("Fundacja Start Tango", "Dodatkowe punkty przy ocenie", "z zakresu otwartych konkursów ofert.",
         "Zwiększona motywacja do współpracy", "do realizacji zadań zleconych.",
         "Postulat już realizowany.", "w harmonogramie działaniach”."),
        ("Fundacja Start Tango", "W ramach realizacji zadań UMK", "dla osób wchodzących w dorosłe życie.",
         "Brak wiedzy młodzieży", "swoich praw, obowiązków, bezpieczeństwa.",
         "Program „Młody Kraków” jest programem", "co nie należy do zadań programu „Młody Kraków”."),
        ("Fundacja Zustricz", "W ramach realizacji zadań UMK", "bezpieczeństwa dla kobiet na terenie miasta.",
         "Stworzenie mapy", "bezpiecznych miejsc w Mieście.",
         "Jest to słuszny postulat.", "organizuje szkolenia z samoobrony dla kobiet."),
        ("Fundacja Start Tango", "W ramach realizacji zadań UMK", "jak się nie dać złapać na „wnuczka”.",
         "Działania informacyjno-szkoleniowe", "Jak rozpoznawać i unikać tego typu oszustw.",
         "Szkolenia z zakresu „Bezpieczny senior”", "były potrzebne na szerszą skalę."),
        ("Stowarzyszenie Zacięcie", "Konkursy na działania pro-sąsiedzkie", "Tryb pre-konkursowy w formie spotkań branżowych.",
         "Na dzień dzisiejszy UMK", "a otwartym konkursem ofert.",
         "Wysokość środków finansowych", "komórki merytorycznej Urzędu Miasta Krakowa."),
        ("Fundacja Start Tango", "Konkursy na działania dla mieszkańców", "Tryb pre-konkursowy w formie spotkań branżowych.",
         "Nie wykluczających organizacji", "a nie tylko na rzecz sąsiedztwa.",
         "Wysokość środków finansowych", "komórki merytorycznej Urzędu Miasta Krakowa."),
        ("Stowarzyszenie Zacięcie", "Zwiększenie finansowania na rzecz", "okresów pre-MAM’owych, diagnostycznych.",
         "W związku z dużym zapotrzebowaniem", "Mieszkańców na terenie Miasta Krakowa.",
         "Wysokość środków finansowych", "komórki merytorycznej Urzędu Miasta Krakowa."),
        ("Stowarzyszenie Zacięcie", "W ramach realizacji zadań UMK", "dla NGOs z uwzględnieniem wizyt studyjnych.",
         "Istnieje potrzeba wskazania", "działania wspierające działalność obywatelską.",
         "Działania Miasta w zakresie sieciowania", "w zakresie swoich działań merytorycznych."),
        ("Fundacja Start Tango", "Stworzenie miejsca Coworking", "Urzędu Miasta Krakowa w tej przestrzeni.",
         "Brak takiej przestrzeni", "przestrzeni dla NGO’s.",
         "Postulat możliwy do realizacji wyłącznie poprzez", "do codziennej pracy jest niemożliwa do zrealizowania."),
        ("Stowarzyszenie Zacięcie", "Uruchomienie międzysektorowych", "spotkań sieciujących.",
         "Pokazanie perspektywy pracy", "NGO’ów i pracowników Urzędu.",
         "Tego rodzaju spotkania odbywają się", "oraz w Centrum Obywatelskim – ul. Reymonta 20."),
        ("Stowarzyszenie Zacięcie", "Uruchomienie dyżurów Urzędniczych", "Mieszkańców, Centrach Obywatelskich.",
         "Istnieje realna potrzeba mieszkańców", "wraz z pracownikami Urzędu Miasta.",
         "Postulat organizacji pozarządowej", "z zaproszeniem do danego Wydziału."),
        ("Stowarzyszenie Zacięcie", "Komunikowanie partnerstwa przy", "(materiały informacyjne, plakaty, logotypy).",
         "Problem z identyfikacją współpracy", "pomiędzy Miastem a NGO’s.",
         "W miejskim portalu internetowym", "na rzecz mieszkanek i mieszkańców Krakowa."),
    ]

    func importFixture() throws -> MeetingImportResult {
        try MeetingImporter().importFile(path: Self.fixture)
    }

    func testYieldsExactlyFourteenRowsWithStableIdsAndDate() throws {
        let r = try importFixture()
        XCTAssertEqual(r.records.count, 14)
        XCTAssertEqual(r.problems, [])
        XCTAssertEqual(r.notes, [])
        XCTAssertEqual(r.date, "2025-06-17")
        XCTAssertEqual(r.records.map(\.id), (1...14).map { "krakow-2025-06-17-" + ($0 < 10 ? "0" : "") + String($0) })
        for p in r.records {
            XCTAssertEqual(p.year, 2025)
            XCTAssertEqual(p.meeting, "krakow-2025-06-17-spotkanie-branzowe")
            XCTAssertEqual(p.value(of: "date"), .string("2025-06-17"))
            XCTAssertEqual(p.value(of: "source"), .string("krakow-2025-06-17-spotkanie-branzowe.txt"))
        }
    }

    /// A summary saved with Windows line ends (Notepad, Word's "plain text") reads the same as with Unix ones.
    func testWindowsLineEndsGiveTheSameRecords() throws {
        let lf = try String(contentsOfFile: Self.fixture, encoding: .utf8)
        XCTAssertFalse(lf.utf8.contains(0x0D))
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        let name = "krakow-2025-06-17-spotkanie-branzowe.txt"
        let a = try MeetingImporter().parse(text: lf, fileName: name)
        let b = try MeetingImporter().parse(text: crlf, fileName: name)
        XCTAssertEqual(b.records.count, 14)
        XCTAssertEqual(b.records, a.records)
        XCTAssertEqual(b.date, "2025-06-17")
        XCTAssertEqual(b.problems, a.problems)
    }

    func testEveryCellFieldByField() throws {
        let recs = try importFixture().records
        XCTAssertEqual(recs.count, Self.expected.count)
        for (p, e) in zip(recs, Self.expected) {
            XCTAssertEqual(p.organisation, e.0, p.id)
            XCTAssertTrue(p.text.hasPrefix(e.1), "\(p.id) text: \(p.text)")
            XCTAssertTrue(p.text.hasSuffix(e.2), "\(p.id) text: \(p.text)")
            XCTAssertTrue(p.justification.hasPrefix(e.3), "\(p.id) justification: \(p.justification)")
            XCTAssertTrue(p.justification.hasSuffix(e.4), "\(p.id) justification: \(p.justification)")
            XCTAssertTrue(p.response.hasPrefix(e.5), "\(p.id) response: \(p.response)")
            XCTAssertTrue(p.response.hasSuffix(e.6), "\(p.id) response: \(p.response)")
            for cell in [p.organisation, p.text, p.justification, p.response] {
                XCTAssertFalse(cell.contains("\n"), p.id)
                XCTAssertFalse(cell.contains("  "), p.id)
            }
            // Nothing from the table header or the answering unit's heading leaks into a cell.
            XCTAssertFalse(p.response.contains("Stanowisko"), p.id)
            XCTAssertFalse(p.text.contains("Uzasadnienie"), p.id)
        }
    }

    func testRespondentIsTheUnitNamedByTheRowOrTheHeader() throws {
        let recs = try importFixture().records
        for (i, p) in recs.enumerated() {
            let row = i + 1
            XCTAssertEqual(p.respondent, [7, 8, 9, 13].contains(row) ? Self.dkko : Self.wps, p.id)
        }
    }

    func testPageBreaksAndPageLinksDoNotSplitOrPolluteCells() throws {
        let recs = try importFixture().records
        // Cells continued on the next page are whole.
        XCTAssertTrue(recs[0].response.contains("angażowanie młodzieży do programów Ambasador Budżetu"))
        XCTAssertTrue(recs[1].response.contains("badaniach ankietowych potrzeb beneficjentów Centrów"))
        XCTAssertTrue(recs[13].response.contains("przekazywane są także w cotygodniowym newsletterze"))
        // A page's list of links is not text; links inside the text are.
        XCTAssertFalse(recs[3].response.contains("http"))
        XCTAssertFalse(recs[13].response.contains("http://www.ngo.krakow.pl/"))
        XCTAssertTrue(recs[1].response.contains("(https://co.krakow.pl/ i https://c10.krakow.pl/)"))
        // Two cells that pdftotext put on one line are separated again (row 11).
        XCTAssertEqual(recs[10].justification, "Brak takiej przestrzeni dla NGO’s.")
        // Line-end hyphens of compounds are kept, without a space.
        XCTAssertTrue(recs[6].text.contains("pro-sąsiedzkie"))
        XCTAssertTrue(recs[7].text.contains("pre-konkursowy"))
    }

    func testOptionsOverrideYearMeetingAndIds() throws {
        let r = try MeetingImporter(year: 2026, meeting: "RPW 2026", idPrefix: "krk").importFile(path: Self.fixture)
        XCTAssertEqual(r.records.first?.id, "krk-01")
        XCTAssertEqual(r.records.first?.year, 2026)
        XCTAssertEqual(r.records.first?.meeting, "RPW 2026")
    }
}

/// Variants other years' documents will show, built in the test from a small table.
final class MeetingImporterToleranceTests: XCTestCase {
    static let intro = "PODSUMOWANIE SPOTKANIA\n\nW dniu 3 marca 2024 r. odbyło się spotkanie.\n\n"

    static func row(_ n: Int, _ org: String, _ cells: [String]) -> String {
        "\(n). " + org + "\n\n" + cells.joined(separator: "\n\n") + "\n \n\n"
    }

    func parse(_ text: String, year: Int? = nil) throws -> MeetingImportResult {
        try MeetingImporter(year: year).parse(text: text, fileName: "Corpora/test-2024-03-03-spotkanie.txt")
    }

    func testHeaderSplitOverLinesAndUnitInHeader() throws {
        let header = "Lp.\n\nNazwa\norganizacji\n\nPostulat\n\nUzasad-\nnienie\n\nStanowisko\nBiura ds.\nSeniorów\n\n"
        let text = Self.intro + header
            + Self.row(1, "Fundacja A", ["Więcej klubów seniora.", "Seniorzy są samotni.", "Zgoda."])
            + Self.row(2, "Stowarzyszenie B", ["Drugi postulat.", "Drugie uzasadnienie.", "Stanowisko Wydziału Edukacji:\nNie."])
        let r = try parse(text)
        XCTAssertEqual(r.problems, [])
        XCTAssertEqual(r.records.map(\.id), ["test-2024-03-03-01", "test-2024-03-03-02"])
        XCTAssertEqual(r.records.map(\.year), [2024, 2024])
        XCTAssertEqual(r.records[0].justification, "Seniorzy są samotni.")
        XCTAssertEqual(r.records[0].respondent, "Biuro ds. Seniorów")
        XCTAssertEqual(r.records[1].respondent, "Wydział Edukacji")
        XCTAssertEqual(r.records[1].response, "Nie.")
    }

    func testRowSplitByAPageBreakInSeveralPlaces() throws {
        let header = "Lp. Nazwa organizacji Postulat Uzasadnienie Stanowisko Wydziału X\n\n"
        // Row 1: the response continues after a form feed mid-sentence. Row 2: the page breaks between the
        // justification and the response, with the page's link list in between.
        let text = Self.intro + header
            + "1. Fundacja A\n\nPostulat pierwszy.\n\nUzasadnienie pierwsze.\n\nOdpowiedź, która ciągnie się\n\u{0C}\nna następnej stronie.\n \n\n"
            + "2. Fundacja B\n\nPostulat drugi.\n\nUzasadnienie drugie.\n\n\n\nhttps://example.org/\n\n\nOdpowiedź druga.\n \n\n"
            + "3. Fundacja C\n\nPostulat trzeci, długi, który\n\n\n\nkończy się na drugiej stronie.\n\nUzasadnienie trzecie.\n\nOdpowiedź trzecia.\n"
        let r = try parse(text)
        XCTAssertEqual(r.problems, [])
        XCTAssertEqual(r.records.count, 3)
        XCTAssertEqual(r.records[0].response, "Odpowiedź, która ciągnie się na następnej stronie.")
        XCTAssertEqual(r.records[1].justification, "Uzasadnienie drugie.")
        XCTAssertEqual(r.records[1].response, "Odpowiedź druga.")
        XCTAssertEqual(r.records[2].text, "Postulat trzeci, długi, który kończy się na drugiej stronie.")
        XCTAssertEqual(r.records[2].justification, "Uzasadnienie trzecie.")
    }

    func testMissingJustificationIsToleratedAndNoted() throws {
        let header = "Lp. Nazwa organizacji Postulat Uzasadnienie Stanowisko Wydziału X\n\n"
        let text = Self.intro + header
            + Self.row(1, "Fundacja A", ["Postulat pierwszy.", "Uzasadnienie pierwsze.", "Odpowiedź pierwsza."])
            + Self.row(2, "Fundacja B", ["Postulat bez uzasadnienia.", "Odpowiedź druga."])
        let r = try parse(text)
        XCTAssertEqual(r.problems, [])
        XCTAssertEqual(r.records.count, 2)
        XCTAssertEqual(r.records[1].text, "Postulat bez uzasadnienia.")
        XCTAssertEqual(r.records[1].justification, "")
        XCTAssertEqual(r.records[1].response, "Odpowiedź druga.")
        XCTAssertEqual(r.notes.count, 1)
        XCTAssertTrue(r.notes[0].hasPrefix("wiersz 2"))
    }

    func testTableWithoutJustificationColumn() throws {
        let header = "Lp. Nazwa organizacji Postulat Stanowisko Wydziału X\n\n"
        let text = Self.intro + header + Self.row(1, "Fundacja A", ["Postulat.", "Odpowiedź."])
        let r = try parse(text)
        XCTAssertEqual(r.records.first?.text, "Postulat.")
        XCTAssertEqual(r.records.first?.justification, "")
        XCTAssertEqual(r.records.first?.response, "Odpowiedź.")
        XCTAssertEqual(r.records.first?.respondent, "Wydział X")
    }

    func testUnreadableAndMissingRowsAreReportedByNumber() throws {
        let header = "Lp. Nazwa organizacji Postulat Uzasadnienie Stanowisko Wydziału X\n\n"
        let text = Self.intro + header
            + Self.row(1, "Fundacja A", ["Postulat pierwszy.", "Uzasadnienie.", "Odpowiedź."])
            + Self.row(2, "Fundacja B", ["Tylko jedna komórka."])
            + Self.row(4, "Fundacja D", ["Postulat czwarty.", "Uzasadnienie.", "Odpowiedź."])
            + Self.row(5, "Fundacja E", ["Jeden.", "Dwa.", "Trzy.", "Cztery."])
        let r = try parse(text)
        XCTAssertEqual(r.records.map(\.organisation), ["Fundacja A", "Fundacja D"])
        XCTAssertEqual(r.problems.map(\.row), [2, 3, 5])
        XCTAssertTrue(r.problems.allSatisfy { !$0.message.isEmpty })
        XCTAssertGreaterThan(r.problems[0].line, 0)
    }

    func testNoDateNeedsYearAndNoTableIsAnError() throws {
        let table = "Lp. Nazwa organizacji Postulat Uzasadnienie Stanowisko\n\n"
            + Self.row(1, "Fundacja A", ["P.", "U.", "O."])
        XCTAssertThrowsError(try parse(table)) { e in XCTAssertEqual((e as? CorpusError)?.field, "year") }
        XCTAssertEqual(try parse(table, year: 2023).records.first?.year, 2023)
        XCTAssertThrowsError(try parse(Self.intro + "Brak tabeli.\n")) { e in
            XCTAssertEqual((e as? CorpusError)?.kind, .syntax)
        }
    }

    func testPDFWithoutPdftotextIsAClearError() throws {
        let dir = try makeTempDir()
        let pdf = dir + "/x.pdf"
        try writeFile(pdf, "%PDF-1.4\n")
        let old = ProcessInfo.processInfo.environment["PATH"]
        setenv("PATH", dir, 1)
        defer { if let old { setenv("PATH", old, 1) } }
        XCTAssertThrowsError(try MeetingImporter().importFile(path: pdf)) { e in
            XCTAssertTrue("\(e)".contains("pdftotext"), "\(e)")
            XCTAssertTrue("\(e)".contains("poppler-utils"), "\(e)")
        }
    }
}

final class MeetingImporterPageHeaderTests: XCTestCase {
    func testHeaderRepeatedOnANewPageAndSignatureAfterTheTable() throws {
        let header = "Lp. Nazwa\n\norganizacji\n\nPostulat\n\nUzasadnienie\n\nStanowisko Wydziału X\n\n"
        let text = MeetingImporterToleranceTests.intro + header
            + "1. Fundacja A\n\nPostulat pierwszy.\n\nUzasadnienie pierwsze.\n\nOdpowiedź, która się\n\u{0C}\n"
            + header + "ciągnie na drugiej stronie.\n\n"
            + MeetingImporterToleranceTests.row(2, "Fundacja B", ["Postulat drugi.", "Uzasadnienie drugie.", "Odpowiedź druga."])
            + "Sporządziła: Anna Nowak\n\nKraków, 20 czerwca 2024 r.\n"
        let r = try MeetingImporter().parse(text: text, fileName: "x-2024-03-03.txt")
        XCTAssertEqual(r.problems, [])
        XCTAssertEqual(r.records.count, 2)
        XCTAssertEqual(r.records[0].response, "Odpowiedź, która się ciągnie na drugiej stronie.")
        XCTAssertEqual(r.records[1].response, "Odpowiedź druga.")
    }
}

final class MeetingImporterRowNumberTests: XCTestCase {
    func testBareRowNumbersAndNumbersInsideCells() throws {
        let header = "Lp. Nazwa organizacji Postulat Uzasadnienie Stanowisko Wydziału X\n\n"
        let text = MeetingImporterToleranceTests.intro + header
            + "1\n\nFundacja A\n\nPostulat pierwszy.\n\nUzasadnienie.\n\nOdpowiedź.\n\n"
            + "2\n\nFundacja B\n\nPostulat drugi.\n\n2025 r. był rokiem zmian.\n\n"
            + "1. Wydział przekaże postulat.\n2. Wydział odpowie.\n\n"
        let r = try MeetingImporter().parse(text: text, fileName: "x-2024-03-03.txt")
        XCTAssertEqual(r.problems, [])
        XCTAssertEqual(r.records.map(\.organisation), ["Fundacja A", "Fundacja B"])
        XCTAssertEqual(r.records[1].justification, "2025 r. był rokiem zmian.")
        XCTAssertEqual(r.records[1].response, "1. Wydział przekaże postulat. 2. Wydział odpowie.")
    }
}
