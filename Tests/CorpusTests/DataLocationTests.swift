import Foundation
import XCTest
@testable import Corpus

/// The order in which the data folder is looked for, and what the error names.
final class DataLocationTests: XCTestCase {
    func testCandidatesInOrderBesideTheExecutableThenUpwardsThenWorkingDirectory() {
        let l = DataLocation(environmentValue: nil, executablePath: "/opt/pfx/bin/postulaty")
        XCTAssertEqual(l.candidates, ["/opt/pfx/share/postulaty", "/opt/pfx/bin/Models", "/opt/pfx/Models",
                                      "/opt/Models", "/Models", "Models"])
        XCTAssertEqual(DataLocation(environmentValue: "", executablePath: nil).candidates, ["Models"],
                       "an empty variable counts as unset")
    }

    func testEnvironmentIsUsedAlone() {
        let l = DataLocation(environmentValue: "/srv/dane", executablePath: "/opt/pfx/bin/postulaty")
        XCTAssertEqual(l.candidates, ["/srv/dane"])
        XCTAssertThrowsError(try l.resolve()) { error in
            let e = error as? DataLocationError
            XCTAssertEqual(e?.fromEnvironment, true)
            XCTAssertTrue(e?.description.hasPrefix("POSTULATY_DATA=/srv/dane: ") ?? false, "\(error)")
        }
    }

    func testFirstFolderHoldingTheMarkerWins() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dataloc-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        for dir in ["\(root)/pfx/bin", "\(root)/pfx/share/postulaty", "\(root)/Models"] {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        }
        let l = DataLocation(environmentValue: nil, executablePath: "\(root)/pfx/bin/postulaty")
        try Data().write(to: URL(fileURLWithPath: "\(root)/Models/lemma-priors.tsv"))
        XCTAssertEqual(try l.resolve(), "\(root)/Models", "an empty share folder does not count")
        try Data().write(to: URL(fileURLWithPath: "\(root)/pfx/share/postulaty/lemma-priors.tsv"))
        XCTAssertEqual(try l.resolve(), "\(root)/pfx/share/postulaty", "the installed data comes first")
    }

    func testErrorNamesEveryFolderTried() {
        let e = DataLocationError(tried: ["/opt/pfx/share/postulaty", "/opt/pfx/Models", "Models"], fromEnvironment: false)
        MessageLanguage.use(.pl)
        XCTAssertEqual(e.description, "nie znaleziono danych analizatora (lemma-priors.tsv); sprawdzono: "
                       + "/opt/pfx/share/postulaty, /opt/pfx/Models, ./Models. "
                       + "Ustaw POSTULATY_DATA=FOLDER albo zainstaluj narzędzie (scripts/install.sh PREFIKS)")
        MessageLanguage.use(.en)
        defer { MessageLanguage.use(.pl) }
        XCTAssertTrue(e.description.hasPrefix("analyzer data (lemma-priors.tsv) not found; tried: /opt/pfx/share"))
    }
}
