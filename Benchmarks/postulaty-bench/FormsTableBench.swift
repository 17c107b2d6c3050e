import Corpus
import Foundation
import PolishText

/// The table of frequent forms (`Models/forms.table`, `FrequentForms`; docs/lemmatiser.md):
/// - `forms-table build WORDS N OUT`: WORDS holds one form a line, most frequent first (wordfreq's Polish list,
///   written by Benchmarks/lemma/make-forms-table.sh); the first N that the analyzer reads as one word whose
///   normalised form is the line itself are run through the live lemmatiser (no table) and written to OUT, with
///   their name readings (`FrequentForms.nameFlags`);
/// - `forms-table refresh IN OUT`: the forms of the table IN run again through the live lemmatiser, written to
///   OUT (what `build` writes for the same forms; to add what a newer build stores without the word list);
/// - `forms-table check [FILE]`: every entry of FILE (default Models/forms.table) against the live lemmatiser
///   (lemma and name readings), and the table's invariants;
/// - `forms-table coverage [--table FILE] TEXT…`: of the forms the analyzer asks the lemmatiser for (first sights)
///   and of the word tokens of the texts, how many the table answers (`.jsonl`: text, justification, response).
enum FormsTableBench {
    static func run(_ args: [String]) throws {
        switch args.first {
        case "build":
            guard args.count == 4, let n = Int(args[2]) else { throw usage() }
            try build(words: args[1], limit: n, output: args[3])
        case "refresh":
            guard args.count == 3 else { throw usage() }
            let old = try FrequentForms(path: args[1])
            var keys: [String] = []
            old.forEach { key, _ in keys.append(key) }
            try write(keys.sorted(), skipped: 0, output: args[2])
        case "check":
            try check(args.count > 1 ? args[1] : "Models/" + FrequentForms.fileName)
        case "coverage":
            var rest = Array(args.dropFirst())
            var table = "Models/" + FrequentForms.fileName
            if rest.first == "--table", rest.count > 1 { table = rest[1]; rest.removeFirst(2) }
            try coverage(table: table, files: rest)
        default: throw usage()
        }
    }

    static func usage() -> NSError {
        NSError(domain: "bench", code: 2, userInfo: [NSLocalizedDescriptionKey:
            "usage: forms-table build WORDS N OUT | refresh IN OUT | check [FILE] | coverage [--table FILE] TEXT…"])
    }

    static func build(words: String, limit: Int, output: String) throws {
        let live = try DefaultAnalyzer.lemmatizer().withoutFrequentForms()
        let analyzer = try Analyzer(lemmatizer: live)
        guard let data = FileManager.default.contents(atPath: words) else { throw usage() }
        var seen = Set<String>()
        var entries: [String] = []
        var skipped = 0
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            if entries.count >= limit { break }
            let word = String(line)
            guard !seen.contains(word) else { continue }
            seen.insert(word)
            // Only forms the analyzer can ask for: one word token whose normalised form is the word itself.
            let tokens = analyzer.analyze(word)
            guard tokens.count == 1, tokens[0].token.kind == .word, tokens[0].normalized == word,
                  !word.utf8.contains(0x27), word.utf8.count < 256 else { skipped += 1; continue }
            guard live.lemma(of: word).text.utf8.count < 256 else { skipped += 1; continue }
            entries.append(word)
        }
        try write(entries, skipped: skipped, output: output)
    }

    /// The table of `keys` with the live lemmatiser's answers and name readings.
    static func write(_ keys: [String], skipped: Int, output: String) throws {
        let live = try DefaultAnalyzer.lemmatizer().withoutFrequentForms()
        let entries = keys.map { (key: $0, lemma: live.lemma(of: $0)) }
        let names = entries.map { FrequentForms.nameFlags(live.computedNameReadings(of: $0.key), lemma: $0.lemma.text) }
        let bytes = FrequentForms.encode(entries, names: names, identifier: live.identifier)
        let table = try FrequentForms(bytes: bytes, path: output)
        try table.checkInvariants()
        try AtomicFile.write(bytes, to: output)
        print("\(output): \(entries.count) forms (\(skipped) lines skipped: not one word as normalised), "
              + "\(names.filter { $0 != 0 }.count) with name readings, \(bytes.count) bytes")
    }

    static func check(_ path: String) throws {
        let live = try DefaultAnalyzer.lemmatizer().withoutFrequentForms()
        let table = try FrequentForms(path: path)
        guard table.identifier == live.identifier else {
            throw NSError(domain: "bench", code: 1, userInfo: [NSLocalizedDescriptionKey:
                "\(path): made with \(table.identifier), the lemmatiser is \(live.identifier)"])
        }
        try table.checkInvariants()
        var checked = 0, wrong = 0
        table.forEach { key, stored in
            checked += 1
            let now = live.lemma(of: key)
            if now != stored { wrong += 1; if wrong <= 20 { print("differs: \(key)\t\(stored.text) [\(stored.source)]\tlive \(now.text) [\(now.source)]") } }
        }
        var names = 0
        table.forEachNameFlags { key, flags in
            let want = FrequentForms.nameFlags(live.computedNameReadings(of: key), lemma: live.lemma(of: key).text)
            if flags != 0 { names += 1 }
            if flags != want { wrong += 1; if wrong <= 20 { print("name readings differ: \(key)\tstored \(flags)\tlive \(want)") } }
        }
        print("\(path): \(checked) entries checked (\(names) with name readings), \(wrong) differ from the live lemmatiser")
        if wrong > 0 { exit(1) }
    }

    /// Counts, per text, the lemmatiser's calls (each distinct form once per analyzer) and the word tokens whose
    /// form the table holds.
    static func coverage(table path: String, files: [String]) throws {
        let live = try DefaultAnalyzer.lemmatizer().withoutFrequentForms()
        let table = try FrequentForms(path: path)
        print("table \(path): \(table.count) forms, \(table.fileSize) bytes")
        for f in files {
            let counter = Counting(live, table)
            let analyzer = try Analyzer(lemmatizer: counter)
            var tokens = 0, held = 0
            for d in try AnalyzeBench.documents(f) {
                for t in analyzer.analyze(d) where t.token.kind == .word {
                    tokens += 1
                    if table.lemma(of: t.normalized) != nil { held += 1 }
                }
            }
            print(String(format: "%@: first sights %d, in the table %d (%.1f %%); word tokens %d, in the table %d (%.1f %%)",
                         f, counter.calls, counter.hits, 100 * Double(counter.hits) / Double(max(counter.calls, 1)),
                         tokens, held, 100 * Double(held) / Double(max(tokens, 1))))
        }
    }

    final class Counting: Lemmatizing {
        let inner: PolishLemmatizer
        let table: FrequentForms
        var calls = 0, hits = 0
        init(_ inner: PolishLemmatizer, _ table: FrequentForms) { self.inner = inner; self.table = table }
        var identifier: String { inner.identifier }
        func lemma(of form: String) -> Lemma {
            calls += 1
            if table.lemma(of: form) != nil { hits += 1 }
            return inner.lemma(of: form)
        }
    }
}
