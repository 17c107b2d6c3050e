import XCTest
@testable import Corpus

/// End to end through pdftotext: a one-page PDF with a table laid out in columns (text placed by coordinates,
/// as a word processor exports it) is written in the test, converted and imported.
final class PDFImportTests: XCTestCase {
    /// A minimal PDF 1.4 file placing each (x, y, text) with the standard Helvetica font (ASCII only).
    static func makePDF(_ lines: [(Int, Int, String)]) -> String {
        var content = "BT /F1 9 Tf\n"
        for (x, y, t) in lines { content += "1 0 0 1 \(x) \(y) Tm (\(t)) Tj\n" }
        content += "ET\n"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)endstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, o) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(i + 1) 0 obj\n\(o)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { out += String(repeating: "0", count: 10 - String(o).count) + String(o) + " 00000 n \n" }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return out
    }

    static func cell(_ x: Int, _ y: Int, _ lines: [String]) -> [(Int, Int, String)] {
        lines.enumerated().map { (x, y - $0.offset * 12, $0.element) }
    }

    func testImportsATablePDFThroughPdftotext() throws {
        guard PDFText.findTool() != nil else { throw XCTSkip("pdftotext (poppler-utils) is not installed") }
        var lines: [(Int, Int, String)] = [(40, 800, "W dniu 3 marca 2024 r. odbylo sie spotkanie.")]
        lines += Self.cell(40, 760, ["Lp."]) + Self.cell(70, 760, ["Nazwa", "organizacji"])
            + Self.cell(160, 760, ["Postulaty"]) + Self.cell(300, 760, ["Uzasadnienie"])
            + Self.cell(420, 760, ["Stanowisko Wydzialu", "Polityki Spolecznej"])
        lines += Self.cell(40, 720, ["1."]) + Self.cell(70, 720, ["Fundacja", "Alfa"])
            + Self.cell(160, 720, ["Szkolenia dla", "seniorow z zakresu", "cyberbezpieczenstwa."])
            + Self.cell(300, 720, ["Seniorzy sa", "ofiarami oszustw."])
            + Self.cell(420, 720, ["Szkolenia sa juz", "prowadzone w Centrach", "Aktywnosci Seniorow."])
        lines += Self.cell(40, 660, ["2."]) + Self.cell(70, 660, ["Stowarzyszenie", "Beta"])
            + Self.cell(160, 660, ["Zwiekszenie", "finansowania grantow."]) + Self.cell(300, 660, ["Brak srodkow."])
            + Self.cell(420, 660, ["Stanowisko Wydzialu Dialogu:", "Wysokosc srodkow zalezy", "od budzetu Miasta."])
        let dir = try makeTempDir()
        let pdf = dir + "/lodz-2024-03-03-spotkanie.pdf"
        try writeFile(pdf, Self.makePDF(lines))

        let r = try MeetingImporter().importFile(path: pdf)
        XCTAssertEqual(r.problems, [])
        XCTAssertEqual(r.records.map(\.id), ["lodz-2024-03-03-01", "lodz-2024-03-03-02"])
        XCTAssertEqual(r.records.map(\.organisation), ["Fundacja Alfa", "Stowarzyszenie Beta"])
        XCTAssertEqual(r.records[0].text, "Szkolenia dla seniorow z zakresu cyberbezpieczenstwa.")
        XCTAssertEqual(r.records[0].justification, "Seniorzy sa ofiarami oszustw.")
        XCTAssertEqual(r.records[0].response, "Szkolenia sa juz prowadzone w Centrach Aktywnosci Seniorow.")
        XCTAssertEqual(r.records[0].respondent, "Wydzial Polityki Spolecznej")
        XCTAssertEqual(r.records[1].respondent, "Wydzial Dialogu")
        XCTAssertEqual(r.records[1].response, "Wysokosc srodkow zalezy od budzetu Miasta.")
        XCTAssertEqual(r.records[1].value(of: "source"), .string("lodz-2024-03-03-spotkanie.pdf"))
    }

    func testAFileThatIsNotAPDFGivesPdftotextsError() throws {
        guard PDFText.findTool() != nil else { throw XCTSkip("pdftotext (poppler-utils) is not installed") }
        let dir = try makeTempDir()
        try writeFile(dir + "/broken.pdf", "not a pdf")
        XCTAssertThrowsError(try MeetingImporter().importFile(path: dir + "/broken.pdf")) { e in
            XCTAssertEqual((e as? CorpusError)?.file, dir + "/broken.pdf")
            XCTAssertTrue("\(e)".contains("pdftotext"), "\(e)")
        }
    }
}
