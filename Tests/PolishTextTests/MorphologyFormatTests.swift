import Foundation
import XCTest
@testable import PolishText

/// The file formats under the lemmatiser: CFSA2 header checks, base-form encodings, `.info` parsing, sorted tables,
/// suffix rules, and the missing-dictionary message. None of these needs the real dictionary.
final class MorphologyFormatTests: XCTestCase {
    private func decode(_ enc: BaseFormEncoding, _ form: String, _ code: String) -> String? {
        let f = Array(form.utf8), c = Array(code.utf8)
        return f.withUnsafeBufferPointer { fp in
            c.withUnsafeBufferPointer { cp in enc.decode(form: fp, encoded: cp).map { String(decoding: $0, as: UTF8.self) } }
        }
    }

    func testPrefixEncodingDropsPrefixAndSuffixThenAppends() {
        XCTAssertEqual(decode(.prefix, "abc", "AAd"), "abcd")
        XCTAssertEqual(decode(.prefix, "abc", "ADxyz"), "xyz")
        XCTAssertEqual(decode(.prefix, "najstarszy", "DDy"), "stary")
        XCTAssertEqual(decode(.prefix, "ABB-ach", "AEA"), "ABBA")
        XCTAssertNil(decode(.prefix, "ab", "AZ"), "dropping more than the form must fail, not crash")
    }

    func testSuffixAndInfixAndNoneEncodings() {
        XCTAssertEqual(decode(.suffix, "kota", "Bx"), "kotx")
        XCTAssertEqual(decode(.suffix, "kota", "B"), "kot")
        XCTAssertEqual(decode(.infix, "axybc", "BCA"), "abc")
        XCTAssertEqual(decode(.none, "kota", "kot"), "kot")
    }

    func testInfoFileWithCRLFLinesSelectsPrefixEncoding() throws {
        let info = "# comment\r\nfsa.dict.separator=+\r\nfsa.dict.encoding=UTF-8\r\nfsa.dict.uses-prefixes=true\r\nfsa.dict.uses-infixes=false\r\n"
        let m = try DictionaryMetadata(infoText: info)
        XCTAssertEqual(m.encoding, .prefix)
        XCTAssertEqual(m.separator, UInt8(ascii: "+"))
        XCTAssertEqual(try DictionaryMetadata(infoText: "fsa.dict.encoder=INFIX\nfsa.dict.separator=|").encoding, .infix)
        XCTAssertThrowsError(try DictionaryMetadata(infoText: "fsa.dict.encoding=iso-8859-2"))
    }

    func testAutomatonHeaderIsChecked() {
        XCTAssertThrowsError(try CFSA2Automaton(bytes: Array("not an fsa".utf8))) { error in
            XCTAssertEqual(error as? CFSA2Automaton.FormatError, .notAnAutomaton)
        }
        XCTAssertThrowsError(try CFSA2Automaton(bytes: [0x5C, 0x66, 0x73, 0x61, 0x05, 0, 0, 0, 0])) { error in
            XCTAssertEqual(error as? CFSA2Automaton.FormatError, .unsupportedVersion(5))
        }
    }

    func testMissingDictionaryNamesTheDebianPackage() {
        XCTAssertThrowsError(try MorfologikDictionary(path: "/nonexistent/morfologik-polish.jar")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("libmorfologik-stemming-java"), text)
            XCTAssertTrue(text.contains("/nonexistent/morfologik-polish.jar"), text)
            XCTAssertTrue(text.contains(LexiconLocation.environmentVariable), text)
        }
        XCTAssertThrowsError(try PolishLemmatizer.load(modelsDirectory: "Models", dictionaryPath: "/nonexistent/pl.dict")) { error in
            XCTAssertEqual(error as? LexiconError, .missing(path: "/nonexistent/pl.dict"))
        }
    }

    func testExplicitPathWinsOverEnvironmentAndDefault() {
        XCTAssertEqual(LexiconLocation.resolve("/x/pl.dict"), "/x/pl.dict")
        setenv(LexiconLocation.environmentVariable, "/y/morfologik-polish.jar", 1)
        defer { unsetenv(LexiconLocation.environmentVariable) }
        XCTAssertEqual(LexiconLocation.resolve(nil), "/y/morfologik-polish.jar")
        unsetenv(LexiconLocation.environmentVariable)
        XCTAssertEqual(LexiconLocation.resolve(nil), LexiconLocation.debianJar)
    }

    private func tempFile(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "lemma-test-\(UUID().uuidString).tsv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    func testGuesserUsesLongestSuffixAndKeepsAStem() throws {
        let path = try tempFile("# rules\na\t1\t\t10\t12\nowi\t3\t\t50\t60\nskiego\t4\ti\t40\t41\n")
        let g = try SuffixGuesser(path: path)
        XCTAssertEqual(g.maxSuffixLength, 6)
        XCTAssertEqual(g.guess("vilbertowi"), "vilbert")
        XCTAssertEqual(g.guess("kowalskiego"), "kowalski", "the longest matching suffix (-skiego) wins")
        XCTAssertEqual(g.guess("litwosa"), "litwos")
        XCTAssertNil(g.guess("kowi"), "a rule leaving fewer than three letters is not applied")
        XCTAssertNil(g.guess("ala"), "words shorter than four letters stay as they are")
        XCTAssertNil(g.guess("xyzzy"))
    }

    func testUnsortedModelTableIsRejectedWithItsLine() throws {
        let path = try tempFile("# header\nb\t1\t\t1\t1\na\t1\t\t1\t1\n")
        XCTAssertThrowsError(try SuffixGuesser(path: path)) { error in
            XCTAssertEqual(error as? LexiconError, .model(path: path, line: 3, reason: "wiersze muszą być posortowane według klucza (jako bajty UTF-8) i bez powtórzeń"))
        }
    }

    func testPriorsLookupByLemmaAndClass() throws {
        let path = try tempFile("kot\tN\t120\nkot\tV\t3\nkotek\tN\t7\nżaba\tN\t9\n")
        let p = try LemmaPriors(path: path)
        XCTAssertEqual(p.score(lemma: "kot", cls: "N"), 120)
        XCTAssertEqual(p.score(lemma: "kot", cls: "V"), 3)
        XCTAssertEqual(p.score(lemma: "żaba", cls: "N"), 9)
        XCTAssertEqual(p.score(lemma: "kot", cls: "A"), 0)
        XCTAssertEqual(p.score(lemma: "ko", cls: "N"), 0)
    }

    func testReadingClassesGroupTagsByLemmaKind() {
        XCTAssertEqual(ReadingClass.classes(ofTag: "subst:sg:nom:m1+subst:sg:voc:m1"), ["N"])
        XCTAssertEqual(ReadingClass.classes(ofTag: "verb:fin:sg:ter:imperf:nonrefl+ger:sg:nom:n2:imperf:aff"), ["V", "G"])
        XCTAssertEqual(ReadingClass.classes(ofTag: "ppas:sg:nom:m1:perf:aff+adj:sg:nom:m1:pos"), ["P", "A"])
        XCTAssertEqual(ReadingClass.classes(ofTag: "conj+qub"), ["conj", "qub"])
    }
}
