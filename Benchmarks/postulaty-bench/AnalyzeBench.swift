import Foundation
import PolishText

/// Analysis throughput on running text, one core: normalise + tokenise + stop words + lemmatise.
///
/// usage: postulaty-bench analyze [--passes N] [--reference] [--no-table] FILE...   (--reference: the lemmatiser's
/// old path; --no-table: without the table of frequent forms, `Models/forms.table`)
/// Each FILE is UTF-8 text; a `.jsonl` file contributes the `text`, `justification` and `response` strings of each
/// record (one document each). The first pass is cold (empty per-form cache); the median of the warm passes is
/// the steady-state figure a long-running tagger sees. Times are the thread's CPU time (CLOCK_THREAD_CPUTIME_ID):
/// on a shared, busy 2-core machine wall time also counts the time other processes hold the core.
enum AnalyzeBench {

    static func run(_ args: [String]) throws {
        var passes = 5
        var reference = false
        var noTable = false
        var files: [String] = []
        var i = 0
        while i < args.count {
            if args[i] == "--passes", i + 1 < args.count { passes = Int(args[i + 1]) ?? 5; i += 2; continue }
            if args[i] == "--reference" { reference = true; i += 1; continue }
            if args[i] == "--no-table" { noTable = true; i += 1; continue }
            files.append(args[i]); i += 1
        }
        var docs: [String] = []
        for f in files { docs += try documents(f) }
        let bytes = docs.reduce(0) { $0 + $1.utf8.count }
        let loadStart = cpuNow()
        var analyzer = try DefaultAnalyzer.make()
        if reference, let polish = analyzer.lemmatizer as? PolishLemmatizer {
            // The lemmatiser's pre-issue-17 path (`referenceLemma`), same data: the A/B of the first-sight lookup.
            analyzer = try Analyzer(lemmatizer: ReferenceLemmatizer(polish), configuration: analyzer.configuration)
        } else if noTable, let polish = analyzer.lemmatizer as? PolishLemmatizer {
            analyzer = try Analyzer(lemmatizer: polish.withoutFrequentForms(), configuration: analyzer.configuration)
        }
        let tableForms = (analyzer.lemmatizer as? PolishLemmatizer)?.frequentForms?.count ?? 0
        let load = cpuNow() - loadStart
        print("documents \(docs.count)  bytes \(bytes)  analyzer load \(ms(load)) ms  lemmatizer \(analyzer.configuration.lemmatizer)  frequent forms \(tableForms)")

        // Token count from the tokenizer alone (the denominator of tokens/s).
        let tokenizer = try Tokenizer()
        var tokens = 0
        let tokStart = cpuNow()
        for d in docs { var c = d; c.withUTF8 { tokenizer.tokenize($0) { _ in tokens += 1 } } }
        let tokTime = cpuNow() - tokStart
        print("tokenise only: \(tokens) tokens in \(ms(tokTime)) ms = \(rate(tokens, tokTime)) M tokens/s, \(mbps(bytes, tokTime)) MB/s")

        var times: [Duration] = []
        var terms = 0
        for p in 0..<passes {
            terms = 0
            let start = cpuNow()
            for d in docs { analyzer.forEachTerm(in: d) { _ in terms += 1 } }
            let t = cpuNow() - start
            times.append(t)
            print("pass \(p + 1)\(p == 0 ? " (cold cache)" : ""): \(ms(t)) ms = \(rate(tokens, t)) M tokens/s, \(mbps(bytes, t)) MB/s, \(terms) terms")
        }
        let warm = times.dropFirst().sorted()
        if !warm.isEmpty {
            let median = warm[warm.count / 2]
            print("full chain, median of \(warm.count) warm passes: \(rate(tokens, median)) M tokens/s (\(mbps(bytes, median)) MB/s)")
        }
    }

    final class ReferenceLemmatizer: Lemmatizing {
        let inner: PolishLemmatizer
        init(_ inner: PolishLemmatizer) { self.inner = inner }
        var identifier: String { inner.identifier }
        func lemma(of form: String) -> Lemma { inner.referenceLemma(of: form) }
    }

    static func documents(_ path: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw NSError(domain: "bench", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(path): cannot read"])
        }
        guard path.hasSuffix(".jsonl") else { return [text] }
        var out: [String] = []
        for line in text.split(separator: "\n") {
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
            for key in ["text", "justification", "response"] { if let s = obj[key] as? String, !s.isEmpty { out.append(s) } }
        }
        return out
    }

    static func ms(_ d: Duration) -> String { String(format: "%.1f", seconds(d) * 1000) }
    static func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
    static func rate(_ n: Int, _ d: Duration) -> String { String(format: "%.2f", Double(n) / seconds(d) / 1e6) }
    static func mbps(_ bytes: Int, _ d: Duration) -> String { String(format: "%.1f", Double(bytes) / seconds(d) / 1e6) }
}
