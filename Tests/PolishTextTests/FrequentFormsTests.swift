import Foundation
import XCTest
@testable import PolishText

/// The table of frequent forms (`Models/forms.table`): every stored answer is the live lemmatiser's, the committed
/// table is current (made with the committed data), and a damaged or stale file is refused or skipped, naming it.
final class FrequentFormsTests: XCTestCase {
    static var root: String { MorphologyLemmatizerTests.root }
    static var committed: String { root + "/Models/" + FrequentForms.fileName }

    private static let sampleEntries: [(key: String, lemma: Lemma)] = [
        ("kota", Lemma("kot", source: .lexicon)), ("kot", Lemma("kot", source: .lexicon)),
        ("mlodziezy", Lemma("młodzież", source: .diacriticsRestored)), ("zblorgowania", Lemma("zblorgować", source: .guesser)),
        ("qqq", Lemma("qqq", source: .identity)), ("żółwia", Lemma("żółw", source: .lexicon)),
        ("np", Lemma("na_przykład", source: .lexicon)),
    ]

    /// Every entry of the committed table against the lemmatiser without it: lemma and source byte for byte.
    func testEveryCommittedEntryIsTheLiveLemmatisersAnswer() throws {
        try RealLexiconAnalyzer.skipUnlessInstalled()
        let l = try MorphologyLemmatizerTests.lemmatizer()
        let table = try XCTUnwrap(l.frequentForms, "Models/forms.table missing or stale: run Benchmarks/lemma/make-forms-table.sh")
        try table.checkInvariants()
        let live = l.withoutFrequentForms()
        var collected: [(String, Lemma)] = []
        table.forEach { collected.append(($0, $1)) }
        let entries = collected
        XCTAssertEqual(entries.count, table.count)
        XCTAssertGreaterThan(entries.count, 100_000)
        // Four slices on the machine's cores: the lemmatiser is shared read-only; each slice writes its own cells.
        let parts = 4
        nonisolated(unsafe) let differing = UnsafeMutableBufferPointer<Int>.allocate(capacity: parts)
        differing.initialize(repeating: 0)
        defer { differing.deallocate() }
        nonisolated(unsafe) let firstWrong = UnsafeMutableBufferPointer<Int>.allocate(capacity: parts)
        firstWrong.initialize(repeating: -1)
        defer { firstWrong.deallocate() }
        DispatchQueue.concurrentPerform(iterations: parts) { p in
            var i = p
            while i < entries.count {
                if live.lemma(of: entries[i].0) != entries[i].1 {
                    differing[p] += 1
                    if firstWrong[p] < 0 { firstWrong[p] = i }
                }
                i += parts
            }
        }
        for p in 0..<parts where firstWrong[p] >= 0 {
            let (key, stored) = entries[firstWrong[p]]
            XCTFail("\(key): stored \(stored), live \(live.lemma(of: key))")
        }
        XCTAssertEqual(differing.reduce(0, +), 0)
    }

    /// Every stored name reading of the committed table against the lexicon walk (`computedNameReadings`), and the
    /// lemmatiser's answer with the table against the walk for every key; most capitalised-word questions must be
    /// answerable from the table (else it stores nothing useful).
    func testEveryCommittedNameReadingIsTheLiveLemmatisers() throws {
        try RealLexiconAnalyzer.skipUnlessInstalled()
        let l = try MorphologyLemmatizerTests.lemmatizer()
        let table = try XCTUnwrap(l.frequentForms, "Models/forms.table missing or stale: run Benchmarks/lemma/make-forms-table.sh")
        var keys: [String] = []
        table.forEach { key, _ in keys.append(key) }
        var stored = 0, proper = 0, differing = 0
        for key in keys {
            var copy = key
            let fromTable = copy.withUTF8 { table.nameReadings(utf8: $0) }
            let walked = l.computedNameReadings(of: key)
            if let fromTable {
                stored += 1
                if fromTable.isProper { proper += 1 }
            }
            if (fromTable != nil && fromTable != walked) || l.nameReadings(of: key) != walked {
                differing += 1
                if differing <= 20 { XCTFail("\(key): table \(String(describing: fromTable)), walk \(walked)") }
            }
        }
        XCTAssertEqual(differing, 0)
        XCTAssertGreaterThan(stored, keys.count * 9 / 10)
        XCTAssertGreaterThan(proper, 1_000)
    }

    /// Name flags round trip: stored readings are read back (with the proper lemma spelt from the lemma); readings
    /// the flags cannot hold are not stored; flags that break the format fail `checkInvariants`.
    func testNameFlagsRoundTrip() throws {
        let entries: [(key: String, lemma: Lemma)] = [("krakowie", Lemma("kraków", source: .lexicon)),
                                                      ("łodzi", Lemma("łódź", source: .lexicon)),
                                                      ("stare", Lemma("stary", source: .lexicon)),
                                                      ("rakowie", Lemma("rak", source: .lexicon))]
        let readings = [NameReadings(properLemmas: ["Kraków"]), NameReadings(properLemmas: ["Łódź"], common: true),
                        NameReadings(common: true, commonAdjective: true),
                        NameReadings(properLemmas: ["Rak", "Raków"], common: true)]
        let flags = zip(readings, entries).map { FrequentForms.nameFlags($0, lemma: $1.lemma.text) }
        XCTAssertEqual(flags[3], 0, "two proper lemmas are not stored")
        XCTAssertEqual(FrequentForms.nameFlags(NameReadings(properLemmas: ["Krakow"]), lemma: "kraków"), 0)
        XCTAssertEqual(FrequentForms.nameFlags(NameReadings(consulted: false), lemma: "kraków"), 0)
        let t = try FrequentForms(bytes: FrequentForms.encode(entries, names: flags, identifier: "n"))
        try t.checkInvariants()
        for (i, e) in entries.enumerated() {
            var key = e.key
            let got = key.withUTF8 { t.nameReadings(utf8: $0) }
            XCTAssertEqual(got, i == 3 ? nil : readings[i], e.key)
        }
        var bad = FrequentForms.encode(entries, names: [0x01, 0x80, 0x80, 0x80], identifier: "n")
        let sum = bad.withUnsafeBytes { FrequentForms.checksum(UnsafeRawBufferPointer(rebasing: $0[40...])) }
        withUnsafeBytes(of: sum.littleEndian) { for k in 0..<8 { bad[32 + k] = $0[k] } }
        XCTAssertThrowsError(try FrequentForms(bytes: bad).checkInvariants())
    }

    /// The lemmatiser answers from the table first: a planted answer (same identifier) is what it returns, and a
    /// table made with another identifier is not used at all.
    func testLemmatiserProbesTheTableOnlyWhenItIsCurrent() throws {
        try RealLexiconAnalyzer.skipUnlessInstalled()
        let l = try MorphologyLemmatizerTests.lemmatizer()
        XCTAssertEqual(l.withoutFrequentForms().lemma(of: "kota"), Lemma("kot", source: .lexicon))
        let planted = try FrequentForms(bytes: FrequentForms.encode([("kota", Lemma("planted", source: .guesser))], identifier: l.identifier))
        let with = PolishLemmatizer(dictionary: l.dictionary, priors: l.priors, guesser: l.guesser, frequentForms: planted)
        XCTAssertEqual(with.lemma(of: "kota"), Lemma("planted", source: .guesser))
        XCTAssertEqual(with.lemma(of: "psa"), Lemma("pies", source: .lexicon), "a miss takes the walk")
        let stale = try FrequentForms(bytes: FrequentForms.encode([("kota", Lemma("planted", source: .guesser))], identifier: "other"))
        let without = PolishLemmatizer(dictionary: l.dictionary, priors: l.priors, guesser: l.guesser, frequentForms: stale)
        XCTAssertNil(without.frequentForms)
        XCTAssertEqual(without.lemma(of: "kota"), Lemma("kot", source: .lexicon))
    }

    /// The format: what is written is read back, every key found, others not; the same entries in another order
    /// give the same bytes.
    func testRoundTripAndLookups() throws {
        let bytes = FrequentForms.encode(Self.sampleEntries, identifier: "test-id")
        XCTAssertEqual(bytes, FrequentForms.encode(Self.sampleEntries.reversed(), identifier: "test-id"))
        let t = try FrequentForms(bytes: bytes)
        try t.checkInvariants()
        XCTAssertEqual(t.identifier, "test-id")
        XCTAssertEqual(t.count, Self.sampleEntries.count)
        for (key, lemma) in Self.sampleEntries { XCTAssertEqual(t.lemma(of: key), lemma, key) }
        for absent in ["", "ko", "kotaa", "Kota", "młodzieży", String(repeating: "a", count: 300)] {
            XCTAssertNil(t.lemma(of: absent), absent)
        }
        var seen = 0
        t.forEach { key, lemma in
            seen += 1
            XCTAssertEqual(Self.sampleEntries.first { $0.key == key }?.lemma, lemma)
        }
        XCTAssertEqual(seen, Self.sampleEntries.count)
        // Many keys: buckets of several entries, all found.
        let many = (0..<5_000).map { (key: "forma\($0)", lemma: Lemma("lemat\($0 % 97)", source: .lexicon)) }
        let big = try FrequentForms(bytes: FrequentForms.encode(many, identifier: "x"))
        try big.checkInvariants()
        for e in many { XCTAssertEqual(big.lemma(of: e.key), e.lemma) }
        XCTAssertNil(big.lemma(of: "forma5000"))
    }

    /// Damage of every kind is refused with an error naming the file; an absent file is `.absent`, a sound one
    /// made with other data `.stale` with a note naming the file.
    func testDamagedOrStaleFilesAreNamed() throws {
        let good = FrequentForms.encode(Self.sampleEntries, identifier: "test-id")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("frequent-forms-\(getpid())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/forms.table"
        func load(_ bytes: [UInt8]) throws -> FrequentForms.Loaded {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return try FrequentForms.load(path: path, expected: "test-id")
        }
        guard case .table = try load(good) else { return XCTFail("a sound current table should load") }
        guard case .stale(let note) = try load(FrequentForms.encode(Self.sampleEntries, identifier: "other-id")) else {
            return XCTFail("another identifier should be stale")
        }
        XCTAssertTrue(note.contains(path), note)
        XCTAssertTrue(note.contains("other-id"), note)

        var flipped = good; flipped[good.count - 3] ^= 0x20          // a pool byte: the checksum
        var version = good; version[8] = 9                             // the version
        var magic = good; magic[0] = 0x58                              // the magic
        var bucket = good                                              // a bucket start, checksum made to match
        bucket[40 + 8 + 4] = 0xFF
        let sum = bucket.withUnsafeBytes { FrequentForms.checksum(UnsafeRawBufferPointer(rebasing: $0[40...])) }
        withUnsafeBytes(of: sum.littleEndian) { for k in 0..<8 { bucket[32 + k] = $0[k] } }
        // Each case's error names the file and says what is wrong (in the run's language: Polish or English word).
        let cases: [(String, [UInt8], [String])] = [
            ("truncated", Array(good.dropLast(5)), ["bajtów", "bytes"]), ("checksum", flipped, ["suma kontrolna", "checksum"]),
            ("version", version, ["wersja", "version"]), ("magic", magic, ["PLFORMS"]), ("empty", [], ["PLFORMS"]),
        ]
        for (name, bytes, words) in cases {
            XCTAssertThrowsError(try load(bytes), name) { error in
                let message = "\(error)"
                XCTAssertTrue(message.contains(path), "\(name): \(message)")
                XCTAssertTrue(words.contains { message.contains($0) }, "\(name): \(message)")
            }
        }
        // A bucket start past the entries with a matching checksum (damage made on purpose) loads; its lookups
        // stay inside the table (misses), and `checkInvariants` names it.
        guard case .table(let damaged) = try load(bucket) else { return XCTFail("a sound header should load") }
        for (key, lemma) in Self.sampleEntries { XCTAssertTrue(damaged.lemma(of: key) == nil || damaged.lemma(of: key) == lemma, key) }
        XCTAssertThrowsError(try damaged.checkInvariants()) { XCTAssertTrue("\($0)".contains("bucket"), "\($0)") }
        try FileManager.default.removeItem(atPath: path)
        guard case .absent = try FrequentForms.load(path: path, expected: "test-id") else { return XCTFail("absent") }
    }

    /// `checkInvariants` catches a key stored in the wrong bucket (a table sound enough to load).
    func testInvariantsCatchAMisplacedKey() throws {
        let entries = (0..<64).map { (key: "k\($0)", lemma: Lemma("k", source: .lexicon)) }
        var bytes = FrequentForms.encode(entries, identifier: "i")
        // Swap the pool bytes of two keys of equal length: each then sits in the other's bucket.
        let pool = bytes.count - (entries.map(\.key.utf8.count).reduce(0, +) + 1)  // keys, then the lemma "k"
        bytes.swapAt(pool + 1, pool + 4)
        let sum = bytes.withUnsafeBytes { FrequentForms.checksum(UnsafeRawBufferPointer(rebasing: $0[40...])) }
        withUnsafeBytes(of: sum.littleEndian) { for k in 0..<8 { bytes[32 + k] = $0[k] } }
        let t = try FrequentForms(bytes: bytes)
        XCTAssertThrowsError(try t.checkInvariants())
    }

    /// The installer ships the table with the other analyzer data (a missing table only slows the tool down, so
    /// nothing else would notice).
    func testInstallScriptShipsTheTable() throws {
        let script = try String(contentsOfFile: Self.root + "/scripts/install.sh", encoding: .utf8)
        let line = try XCTUnwrap(script.split(separator: "\n").first { $0.hasPrefix("data_files=(") })
        XCTAssertTrue(line.contains(" " + FrequentForms.fileName + " "), String(line))
    }
}
