import ArgumentParser
import Corpus
import Foundation
import Similarity

/// `postulaty dedupe`: all pairs of near-identical postulates and the clusters of demands that recur.
struct DedupeCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, md }

    static let configuration = CommandConfiguration(
        commandName: "dedupe",
        abstract: "Find near-duplicate postulates (exact all-pairs cosine ≥ T) and clusters of recurring demands.",
        discussion: """
        JSONL: first one line per pair {"a": ID, "b": ID, "score": S} (a before b in input order), then one line \
        per cluster {"cluster": N, "ids": [...]} (members in year order). Markdown: one section per cluster with \
        its years, organisations, texts and the city's responses in year order, then the pairs. \
        A cluster grows only while its average similarity stays ≥ the link threshold (no chaining through one \
        shared neighbour). Details in docs/similarity.md. With --gold the pairs are scored instead against the \
        authored groups (group) and the staff's reviewed same_as links (a store export), apart (docs/store.md).

        Examples:
          postulaty dedupe
          postulaty dedupe Corpora/*.jsonl --threshold 0.6 --across-years --format md > powtorzenia.md
          postulaty dedupe projekty.jsonl --across-years --same city --same district
          postulaty dedupe zrecenzowane.jsonl --gold
        """)

    @Argument(help: "Corpus files (JSONL or CSV); default Corpora/*.jsonl.")
    var files: [String] = []

    @Option(help: "Cosine threshold for a pair.")
    var threshold: Double = RecurringDemands.defaultThreshold

    @Option(name: .customLong("link-threshold"), help: "Average-link threshold for growing a cluster (default: --threshold).")
    var linkThreshold: Double?

    @Flag(name: .customLong("across-years"), help: "Only pairs of postulates from different years.")
    var acrossYears = false

    @Option(name: .customLong("same"), help: ArgumentHelp(
        "Only compare postulates that agree on FIELD (repeatable; any record field, e.g. district, city).",
        valueName: "FIELD"))
    var same: [String] = []

    @Option(name: .customLong("justification-weight"), help: "Weight of the justification's terms relative to the text's.")
    var justificationWeight: Double = SimilarityIndexSettings().justificationWeight

    @Option(help: "jsonl or md.")
    var format: Format = .jsonl

    @Flag(name: .customLong("gold"), help: "Instead of the pairs, score them against the gold pairs in the records: the authored groups (group) and the reviewed same_as links of a store export (docs/store.md).")
    var gold = false

    @OptionGroup var badRecords: BadRecordOptions

    @OptionGroup var jobs: JobsOption

    @OptionGroup var language: LanguageOption

    func validate() throws {
        guard threshold > 0, threshold <= 1 else { throw ValidationError(tr("--threshold musi być w przedziale (0, 1]", "--threshold must be in (0, 1]")) }
        guard same.allSatisfy({ !$0.isEmpty }) else { throw ValidationError(tr("--same: podaj nazwę pola", "--same: give a field name")) }
        if gold && format == .md { throw ValidationError(tr("--gold pisze ocenę, nie pary: bez --format md", "--gold writes the figures, not the pairs: no --format md")) }
    }

    func run() throws {
        let inputs = files.isEmpty ? try Defaults.corpusFiles() : files
        let load = try badRecords.load(inputs)
        let records = load.records
        try load.requireIDs(for: ("dedupe", "dedupe"))
        try SameFieldCheck.require(same, in: records, source: inputs.joined(separator: ", "))
        let result = try RecurringDemands.find(
            in: records, analyzer: try Defaults.analyzer(),
            settings: SimilarityIndexSettings(justificationWeight: justificationWeight),
            threshold: threshold, linkThreshold: linkThreshold, acrossYears: acrossYears, same: same,
            jobs: jobs.count)
        if gold {
            let authored = DuplicateGold.groups(in: records), reviewed = DuplicateGold.reviewedLinks(in: records)
            try StandardOutput.write(DuplicateFigures.text(threshold: threshold,
                                         authored: (authored, authored.score(result, acrossYears: acrossYears, same: same)),
                                         reviewed: (reviewed, reviewed.score(result, acrossYears: acrossYears, same: same)),
                                         reviewedSource: inputs.joined(separator: ", ")))
        } else if format == .jsonl {
            try StandardOutput.write(jsonl(result))
        } else {
            try StandardOutput.write(markdown(result))
        }
        printError("dedupe: " + Messages.postulates(records.count) + ", "
                   + counted(result.pairs.count, pl: ("para", "pary", "par"), en: ("pair", "pairs")) + ", "
                   + counted(result.clusters.count, pl: ("klaster", "klastry", "klastrów"), en: ("cluster", "clusters")))
    }

    /// The JSONL lines as bytes, written straight (the same bytes `JSONLine.object` gives for each line: keys in
    /// this order, ids by the one escaper `JSONBytes`, scores as `JSONLine.double` spells them); building a
    /// `JSONValue` and a String per line cost more than the join on 22k titles.
    func jsonl(_ r: RecurringDemands) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(r.pairs.count * 80 + r.clusters.count * 64)
        for p in r.pairs {
            out.append(contentsOf: #"{"a":"#.utf8)
            JSONBytes.string(r.postulates[p.a].id, to: &out)
            out.append(contentsOf: #","b":"#.utf8)
            JSONBytes.string(r.postulates[p.b].id, to: &out)
            out.append(contentsOf: #","score":"#.utf8)
            let score = SimilarityHit.rounded(p.score)
            out.append(contentsOf: (score.isFinite ? String(score) : "null").utf8)
            out.append(contentsOf: "}\n".utf8)
        }
        for (n, c) in r.clusters.enumerated() {
            out.append(contentsOf: #"{"cluster":"#.utf8)
            out.append(contentsOf: String(n + 1).utf8)
            out.append(contentsOf: #","ids":["#.utf8)
            for (k, i) in c.enumerated() {
                if k > 0 { out.append(0x2C) }
                JSONBytes.string(r.postulates[i].id, to: &out)
            }
            out.append(contentsOf: "]}\n".utf8)
        }
        return out
    }

    func markdown(_ r: RecurringDemands) -> String {
        var out = "# Powtarzające się postulaty\n\n"
        out += "Próg podobieństwa (cosinus): \(threshold)\(acrossYears ? ", tylko pary z różnych lat" : "")"
        out += same.isEmpty ? ". " : ", tylko pary zgodne w polach: \(same.joined(separator: ", ")). "
        out += "Par: \(r.pairs.count), klastrów: \(r.clusters.count).\n\n"
        for (n, c) in r.clusters.enumerated() {
            let members = c.map { r.postulates[$0] }
            let years = Array(Set(members.compactMap(\.year))).sorted().map(String.init)
            let orgs = Array(Set(members.map(\.organisation).filter { !$0.isEmpty })).sorted()
            out += "## Klaster \(n + 1): \(years.joined(separator: ", "))\n\n"
            out += "Organizacje: \(orgs.isEmpty ? "—" : orgs.map(md).joined(separator: "; "))\n\n"
            for p in members {
                let place = PlaceLabel.text(p.record, same: same).map { md($0) + " · " } ?? ""
                out += "- **\(p.year.map(String.init) ?? "—")** · \(place)\(md(p.organisation.isEmpty ? "—" : p.organisation)) · `\(p.id)`\n"
                out += "  - Postulat: \(md(SimilarCommand.oneLine(p.text)))\n"
                out += "  - Odpowiedź miasta: \(p.response.isEmpty ? "(brak)" : md(SimilarCommand.oneLine(p.response)))\n"
            }
            out += "\n"
        }
        if !r.pairs.isEmpty {
            out += "## Pary\n\n| a | b | podobieństwo |\n|---|---|---|\n"
            for p in r.pairs {
                out += "| `\(r.postulates[p.a].id)` | `\(r.postulates[p.b].id)` | \(String(format: "%.3f", p.score)) |\n"
            }
        }
        return out
    }

    /// Escapes characters that would break a Markdown list or table.
    func md(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "*", with: "\\*")
    }
}
