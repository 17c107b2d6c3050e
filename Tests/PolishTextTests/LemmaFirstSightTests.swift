import Foundation
import XCTest
@testable import PolishText

/// The allocation-free first-sight lookup (`LemmaChooser`) against the reference path it replaced (candidates
/// built as Strings, sorted, first taken): the same lemma and source for every form, the same terms for every text.
final class LemmaFirstSightTests: XCTestCase {
    static var root: String { MorphologyLemmatizerTests.root }

    override func setUpWithError() throws {
        guard FileManager.default.fileExists(atPath: LexiconLocation.resolve()) else {
            throw XCTSkip("the Morfologik dictionary is not installed (apt-get install libmorfologik-stemming-java)")
        }
    }

    /// The old chain: the same lemmatiser answering by its reference path only (same identifier, so the analyzer
    /// configuration is the same).
    /// It answers name questions by the reference path too (`referenceNameReadings`).
    final class ReferenceLemmatizer: Lemmatizing, NameLexicon {
        let inner: PolishLemmatizer
        init(_ inner: PolishLemmatizer) { self.inner = inner }
        var identifier: String { inner.identifier }
        func lemma(of form: String) -> Lemma { inner.referenceLemma(of: form) }
        func nameReadings(of form: String) -> NameReadings { inner.referenceNameReadings(of: form) }
    }

    /// Compares lemma and source of each form; returns how many forms differ (each is reported).
    private func compareForms<S: Sequence>(_ forms: S, file: StaticString = #filePath, line: UInt = #line) throws -> Int
    where S.Element == String {
        let l = try MorphologyLemmatizerTests.lemmatizer()
        var differing = 0
        for form in forms {
            // Both the stored answer (the table of frequent forms, when it holds the form) and the walk itself.
            let fast = l.lemma(of: form), walked = l.computedLemma(of: form), reference = l.referenceLemma(of: form)
            if fast != reference || walked != reference {
                differing += 1
                if differing <= 20 { XCTFail("\(form): \(fast), walked \(walked) ≠ reference \(reference)", file: file, line: line) }
            }
        }
        return differing
    }

    /// Forms that exercise each branch: case-insensitive matches, restored diacritics, function words, abbreviation
    /// readings, participles, multi-word lemmas, agglutinates, unknown words (guesser), the separator, odd scripts.
    static let sample = [
        "seniorów", "bezpieczeństwa", "młodzieży", "postulatami", "zrobiony", "lepszy", "kraków", "krakowie",
        "warszawy", "mają", "lat", "nie", "stanie", "góry", "maja", "seniorow", "mlodziezy", "zolw", "zrodla",
        "w", "m", "r", "ul", "al", "nr", "to", "może", "się", "jest", "było", "byłoby", "em", "śmy", "byśmy",
        "mieszkanie", "zamknięty", "zatrzymanie", "najlepszych", "nato", "ue", "pzu", "pkp", "ngo", "mpk",
        "vilbertowi", "bowie", "lili", "qqqzzx", "kot+", "kota+aa", "+", "ławeczka", "multimedialna", "limanowskiego",
        "armii", "krajowej", "częstochowa", "częstochowie", "boisko", "boiska", "wielofunkcyjnego", "placu", "zabaw",
        "rewitalizacja", "skweru", "ścieżki", "rowerowej", "doświetlenie", "przejścia", "dla", "pieszych",
        "ß", "straße", "ﬁrma", "ｋｏｔ", "日本", "αβγ", "żółć", "żółw", "zolc", "a", "o", "i", "z", "ze", "na",
        "przykład", "wiśniowy", "sad", "gdańsk", "gdansk", "łódź", "lodz", "poznań", "poznan", "dąbrowa",
        "nowohucka", "nowej", "hucie", "pn", "ok", "tzw", "itd", "dr", "inż", "xiv", "2024", "3d", "covid",
    ]

    func testCommittedSampleAndCorporaMatchTheReference() throws {
        XCTAssertEqual(Self.sample.count, 109)
        XCTAssertEqual(try compareForms(Self.sample), 0)
        // The repository's own corpora through the whole chain: every term the same.
        let l = try MorphologyLemmatizerTests.lemmatizer()
        let fast = try Analyzer(lemmatizer: l)
        let reference = try Analyzer(lemmatizer: ReferenceLemmatizer(l))
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.root + "/Corpora").filter { $0.hasSuffix(".jsonl") }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 3)
        var texts = 0, terms = 0
        for f in files {
            for text in try Self.texts(Self.root + "/Corpora/" + f) {
                let a = fast.terms(text), b = reference.terms(text)
                XCTAssertEqual(a, b, "\(f): \(text.prefix(60))")
                texts += 1
                terms += a.count
            }
        }
        XCTAssertGreaterThan(texts, 1_000)
        XCTAssertGreaterThan(terms, 15_000)
    }

    /// The walk itself against `candidates(of:matching:).first` under each matching, lemma for lemma.
    func testFirstSightAgreesWithCandidatesUnderEveryMatching() throws {
        let l = try MorphologyLemmatizerTests.lemmatizer()
        var decided = 0
        for matching: MorfologikDictionary.Matching in [[], .caseInsensitive, .restoreDiacritics, [.caseInsensitive, .restoreDiacritics]] {
            for form in Self.sample {
                var copy = form
                let got = copy.withUTF8 { l.firstSight($0, matching: matching) }
                let want = l.candidates(of: form, matching: matching).first?.lemma
                switch got {
                case .lemma(let lemma): XCTAssertEqual(lemma, want, "\(form) \(matching)"); decided += 1
                case .none: XCTAssertNil(want, "\(form) \(matching)"); decided += 1
                case .fallback: break
                }
            }
        }
        XCTAssertEqual(decided, 4 * 109, "the walk should decide every sample form itself")
    }

    /// Name readings (what the context stage asks of capitalised words) by the walk against the sorted candidates.
    func testNameReadingsMatchTheReference() throws {
        let l = try MorphologyLemmatizerTests.lemmatizer()
        var proper = 0, decided = 0
        for form in Self.sample + ["rakowie", "stare", "nowa", "huta", "wisła", "wisły", "jana", "pawła", "bronowice"] {
            let fast = l.nameReadings(of: form), reference = l.referenceNameReadings(of: form)
            XCTAssertEqual(fast, reference, form)
            if !fast.properLemmas.isEmpty { proper += 1 }
            var copy = form
            if copy.withUTF8({ l.firstSightNameReadings($0) }) != nil { decided += 1 }
        }
        XCTAssertEqual(decided, 118, "the walk should decide every sample form itself")
        XCTAssertGreaterThan(proper, 10)
    }

    /// The tag-class memo after real lookups: a sound table whose every entry is its node's classes read afresh.
    func testTagClassMemoHoldsEachNodesClasses() throws {
        let l = try MorphologyLemmatizerTests.lemmatizer()
        for form in Self.sample { _ = l.computedLemma(of: form) }  // the walk, not the table of frequent forms
        let entries = l.tagClasses.entries()
        XCTAssertGreaterThan(entries.count, 50)
        try l.dictionary.automaton.withWalker { w in
            try l.tagClasses.checkInvariants { PolishLemmatizer.readTagClassSet(of: $0, walker: w) }
        }
        // "placu": subst:sg:gen:m3+subst:sg:loc:m3+subst:sg:voc:m3 — one class, N.
        let table = ReadingClassTable.shared
        XCTAssertTrue(entries.contains { $0.classes == UInt64(1) << UInt64(table.noun) })
    }

    /// The head's table of 3- and 4-byte prefixes: every entry is the node the automaton reaches by its prefix,
    /// every arc two or three bytes deep is in it, and a prefix the automaton lacks is not.
    func testDeepHeadTableIsTheAutomatonsNodes() throws {
        let l = try MorphologyLemmatizerTests.lemmatizer()
        let head = l.head
        var entries = 0, arcsDeep = 0
        l.dictionary.automaton.withWalker { w in
            for (slot, key) in head.deepKeys.enumerated() where key != 0 {
                entries += 1
                let length = Int(key >> 32)
                XCTAssertTrue(length == 3 || length == 4, "slot \(slot): length \(length)")
                let bytes = (0..<length).map { UInt8(truncatingIfNeeded: key >> UInt64(8 * $0)) }
                XCTAssertEqual(w.follow(bytes, from: l.dictionary.automaton.root), Int(head.deepNodes[slot]), "\(bytes)")
            }
            // Count the arcs two and three bytes deep by walking.
            for b0 in 0..<256 where head.level0[b0] > 0 {
                for b1 in 0..<256 where head.level1[b0 << 8 | b1] > 0 {
                    var arc = w.firstArc(of: Int(head.level1[b0 << 8 | b1]))
                    while true {
                        arcsDeep += 1
                        let to = w.destination(ofArc: arc)
                        if to > 0 {
                            var a2 = w.firstArc(of: to)
                            while true { arcsDeep += 1; if w.isLast(a2) { break }; a2 = w.nextArc(a2) }
                        }
                        if w.isLast(arc) { break }
                        arc = w.nextArc(arc)
                    }
                }
            }
            head.deepKeys.withUnsafeBufferPointer { keys in head.deepNodes.withUnsafeBufferPointer { nodes in
                for prefix in ["prz", "prze", "zzzz", "kra", "Kra", "Krak", "qqq"] {
                    let bytes = Array(prefix.utf8)
                    var key: UInt64 = 0
                    for (i, b) in bytes.enumerated() { key |= UInt64(b) << UInt64(8 * i) }
                    let want = w.follow(bytes, from: l.dictionary.automaton.root) ?? -1
                    XCTAssertEqual(AutomatonHead.deep(AutomatonHead.deepKey(key, length: bytes.count), keys: keys, nodes: nodes,
                                                      shift: head.deepShift), want, prefix)
                }
            } }
        }
        XCTAssertEqual(entries, arcsDeep)
        XCTAssertGreaterThan(entries, 10_000)
    }

    /// The memo's table alone: growth, repeated inserts, the limit, and what `checkInvariants` catches.
    func testTagClassMemoTable() throws {
        let memo = TagClassMemo(capacity: 4, limit: 1_000)
        for node in stride(from: 1, to: 3_100, by: 3) { memo.insert(node, UInt64(node) &* 0x9E37) }
        memo.insert(1, 12345)  // already there: kept as first stored
        XCTAssertEqual(memo.count, 1_000)
        XCTAssertEqual(memo.lookup(1), 0x9E37)
        XCTAssertEqual(memo.lookup(2), nil)
        XCTAssertEqual(memo.lookup(2_998), 2_998 &* 0x9E37, "the 1,000th is stored")
        XCTAssertEqual(memo.lookup(3_001), nil, "past the limit nothing is stored")
        var computed = 0
        XCTAssertEqual(memo.classes(of: 7) { _ in computed += 1; return 0 }, 7 &* 0x9E37)
        XCTAssertEqual(computed, 0)
        try memo.checkInvariants { UInt64($0) &* 0x9E37 }
        XCTAssertThrowsError(try memo.checkInvariants { UInt64($0) &* 0x9E37 &+ ($0 == 4 ? 1 : 0) })
    }

    /// Every distinct form of the UD Polish dev set (../shared, not committed; skipped when absent), normalised as
    /// the analyzer normalises it.
    func testUDDevFormsMatchTheReference() throws {
        let path = Self.root + "/../shared/eval/ud-polish-dev-tokens.tsv"
        guard let data = FileManager.default.contents(atPath: path) else { throw XCTSkip("../shared/eval/ud-polish-dev-tokens.tsv absent") }
        var forms = Set<String>()
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            guard let first = line.split(separator: "\t", omittingEmptySubsequences: false).first, !first.isEmpty else { continue }
            forms.insert(TextNormalizer.normalize(String(first)))
        }
        XCTAssertGreaterThan(forms.count, 10_000)
        XCTAssertEqual(try compareForms(forms.sorted()), 0)
        let l = try MorphologyLemmatizerTests.lemmatizer()
        var differing = 0
        for form in forms.sorted() where l.nameReadings(of: form) != l.referenceNameReadings(of: form) {
            differing += 1
            if differing <= 20 { XCTFail("\(form): name readings \(l.nameReadings(of: form)) ≠ \(l.referenceNameReadings(of: form))") }
        }
        XCTAssertEqual(differing, 0)
    }

    /// The 22k participatory-budget titles (../shared, skipped when absent) through the whole chain.
    func testPBTitlesGiveTheSameTerms() throws {
        let path = Self.root + "/../shared/eval/pb-titles-dev.jsonl"
        guard FileManager.default.fileExists(atPath: path) else { throw XCTSkip("../shared/eval/pb-titles-dev.jsonl absent") }
        let l = try MorphologyLemmatizerTests.lemmatizer()
        let fast = try Analyzer(lemmatizer: l)
        let reference = try Analyzer(lemmatizer: ReferenceLemmatizer(l))
        let titles = try Self.texts(path)
        XCTAssertEqual(titles.count, 22_118)
        var differing = 0
        for t in titles where fast.terms(t) != reference.terms(t) {
            differing += 1
            if differing <= 20 { XCTFail("\(t): \(fast.terms(t)) ≠ \(reference.terms(t))") }
        }
        XCTAssertEqual(differing, 0)
    }

    static func texts(_ path: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { throw XCTSkip("\(path) unreadable") }
        var out: [String] = []
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            guard let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
            for key in ["text", "justification", "response"] { if let s = obj[key] as? String, !s.isEmpty { out.append(s) } }
        }
        return out
    }
}
