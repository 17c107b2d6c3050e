import ArgumentParser
import Corpus
import Foundation
import PolishText
import Similarity

/// `postulaty similar`: earlier postulates like a text or an indexed postulate, with what the city answered.
struct SimilarCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, jsonl }

    static let configuration = CommandConfiguration(
        commandName: "similar",
        abstract: "Find earlier postulates similar to a text, to an indexed postulate, or to each line of a file.",
        discussion: """
        Ranks postulates by cosine similarity (exact top-k) and prints, for each, the score, year, organisation, \
        text, the city's response and the terms shared with the query. With --id the postulate itself and the \
        rest of its meeting are left out. --batch reads one query a line and writes one JSON line per query: a \
        line that is a JSON record (with "id" and "text") is queried as that record (its fields give --same and \
        the tie-break), any other line is a query text; a .csv file is read as records (header and all). --same FIELD (repeatable, with --id or --batch records) \
        compares only postulates that agree with the query on FIELD. Equal scores rank the same place first \
        (city, district, --same fields), then the nearest earlier year, then id. Output formats are described in \
        docs/similarity.md.

        Examples:
          postulaty similar "Kluby seniora w każdej dzielnicy"
          postulaty similar --id krakow-2025-06-17-08 --before 2025 --top 5
          postulaty similar --batch zapytania.txt --top 3 > wyniki.jsonl
          postulaty similar --id pb-2024-117 --same district --before 2024
        """)

    @Argument(help: "Query text.")
    var text: String?

    @Option(help: "Query with an indexed postulate (by id) instead of a text.")
    var id: String?

    @Option(help: "File of query texts, one a line (UTF-8); writes one JSON line per query.")
    var batch: String?

    @Option(help: "Index file (default: Models/similarity.index, else the one installed with the tool).")
    var index: String?

    @Option(help: "Number of results.")
    var top: Int = 10

    @Option(help: "Only postulates from years before YEAR.")
    var before: Int?

    @Option(help: "Only postulates from years after YEAR.")
    var after: Int?

    @Option(name: .customLong("same"), help: ArgumentHelp(
        "Only postulates that agree with the query record on FIELD (repeatable; with --id or --batch records).",
        valueName: "FIELD"))
    var same: [String] = []

    @Flag(name: .customLong("include-own-meeting"), help: "With --id, also return postulates of the same meeting.")
    var includeOwnMeeting = false

    @Option(help: "text or jsonl (--batch always writes jsonl).")
    var format: Format = .text

    @OptionGroup var badRecords: BadRecordOptions

    @OptionGroup var language: LanguageOption

    func validate() throws {
        let modes = [text != nil, id != nil, batch != nil].filter { $0 }.count
        guard modes == 1 else {
            throw ValidationError(tr("podaj dokładnie jedno z: TEKST zapytania, --id ID, --batch PLIK",
                                     "give exactly one of: a query TEXT, --id ID, --batch FILE"))
        }
        guard top > 0 else { throw ValidationError(tr("--top musi być co najmniej 1", "--top must be at least 1")) }
        guard same.allSatisfy({ !$0.isEmpty }) else { throw ValidationError(tr("--same: podaj nazwę pola", "--same: give a field name")) }
        guard same.isEmpty || text == nil else {
            throw ValidationError(tr("--same działa z --id albo --batch (rekordy): sam tekst zapytania nie ma pól",
                                     "--same works with --id or --batch (records): a query text has no fields"))
        }
    }

    func run() throws {
        let index = try Defaults.similarityIndex(self.index)
        let idx = try IndexLoading.load(index)
        try SameFieldCheck.require(same, in: idx.postulates.lazy.map(\.record), source: index)
        let filter = SimilarityFilter(before: before, after: after, same: same,
                                      tieBreak: TieBreak(query: nil, before: before, same: same))
        var out = ""
        func flush() throws { try StandardOutput.write(out); out = "" }
        if let batch, CorpusFormat.fromExtension(batch) == .csv {
            // A spreadsheet of records: read as a corpus (header, quoted cells with line breaks), each row queried
            // as its record; "line" is the row's first line in the file.
            let load = try badRecords.load([batch])
            for (record, origin) in zip(load.records, load.origins) {
                let hits = idx.similar(toRecord: record, top: top, filter: filter)
                out += Self.batchLine([("line", .int(origin.line)), ("id", .string(record.id)), ("query", .string(record.text))], hits, same: same)
                if out.utf8.count > 1 << 20 { try flush() }
            }
            try flush()
            return
        }
        if let batch {
            // A line that is not UTF-8 is reported and left out, like a bad record anywhere (docs/reliability.md).
            let lines = try LineReader(path: batch)
            let name = batch == "-" ? "stdin" : batch
            var bad = StreamBadRecords(badRecords)
            var good = 0
            while let bytes = lines.next() {
                guard let query = String(validating: bytes, as: UTF8.self) else {
                    bad.report("\(name):\(lines.line): " + TextEncodingSniffer.hint(forInvalidLine: bytes))
                    continue
                }
                var head: [(String, JSONValue)] = [("line", .int(lines.line))]
                let hits: [SimilarityHit]
                if let record = Self.record(query, file: name, line: lines.line) {
                    hits = idx.similar(toRecord: record, top: top, filter: filter)
                    head += [("id", .string(record.id)), ("query", .string(record.text))]
                } else if query.allSatisfy(\.isWhitespace) {
                    // an empty line gets empty results, with or without --same (docs/similarity.md)
                    hits = []
                    head.append(("query", .string(query)))
                } else if !same.isEmpty {
                    bad.report("\(name):\(lines.line): " + tr(
                        "--same wymaga rekordu JSON (z polami „id” i „text”), a wiersz jest samym tekstem",
                        "--same needs a JSON record (with \"id\" and \"text\"), and the line is plain text"))
                    continue
                } else {
                    hits = idx.similar(to: query, top: top, filter: filter)
                    head.append(("query", .string(query)))
                }
                out += Self.batchLine(head, hits, same: same)
                good += 1
                if out.utf8.count > 1 << 20 { try flush() }
            }
            try flush()
            try bad.finish(good: good)
            return
        }
        let hits: [SimilarityHit]
        if let id {
            do { hits = try idx.similar(toID: id, top: top, filter: filter, excludeOwnMeeting: !includeOwnMeeting) } catch {
                throw ToolError("\(index): \(error)")
            }
        } else {
            hits = idx.similar(to: text ?? "", top: top, filter: filter)
        }
        switch format {
        case .jsonl:
            for (i, h) in hits.enumerated() { out += JSONLine.render(Self.json(h, rank: i + 1, same: same)) + "\n" }
        case .text:
            if hits.isEmpty { out = tr("Brak podobnych postulatów.\n", "No similar postulates.\n") }
            // names read as the two texts write them, not as their keys
            let queryText = id.map { id in idx.postulates.first { $0.record.id == id }?.record.text ?? "" } ?? (text ?? "")
            for (i, h) in hits.enumerated() {
                let labels = TermLabels(for: h.sharedTerms + h.differingQueryTerms + h.differingTerms,
                                        in: [h.postulate.text, queryText], analyzer: idx.analyzer)
                out += Self.rendered(h, rank: i + 1, labels: labels, same: same)
            }
        }
        try flush()
    }

    /// The hit's JSON; under `--same`, `unknown_same` lists the fields on which the hit's value is unknown (it
    /// agrees with any query there: a reader must see why a record with no district passed `--same district`).
    static func json(_ h: SimilarityHit, rank: Int, same: [String] = []) -> JSONValue {
        let unknown = PlaceLabel.unknown(h.postulate.record, same: same)
        guard !unknown.isEmpty, case .object(let fields) = h.json(rank: rank) else { return h.json(rank: rank) }
        return .object(fields + [("unknown_same", .array(unknown.map { .string($0) }))])
    }

    /// One answer line of --batch: the query's own fields, then its results ranked from 1.
    static func batchLine(_ head: [(String, JSONValue)], _ hits: [SimilarityHit], same: [String] = []) -> String {
        JSONLine.object(head + [("results", .array(hits.enumerated().map { Self.json($1, rank: $0 + 1, same: same) }))]) + "\n"
    }

    /// A batch line that is a JSON record (an object with an "id" and a "text"), else nil (a query text).
    static func record(_ line: String, file: String, line number: Int) -> Postulate? {
        guard line.utf8.first == UInt8(ascii: "{"),
              let r = try? CorpusReader.record(jsonLine: line, file: file, line: number), !r.text.isEmpty else { return nil }
        return r
    }

    static func rendered(_ h: SimilarityHit, rank: Int, labels: TermLabels = TermLabels(), same: [String] = []) -> String {
        let p = h.postulate
        let score = String(format: "%.3f", h.score)
        func shown(_ terms: [String]) -> String { labels.labels(terms).joined(separator: ", ") }
        // the place only when the record has one (or `--same` let an unknown one through): other outputs keep their bytes
        let place = PlaceLabel.text(p.record, same: same).map { $0 + " · " } ?? ""
        var s = "\(rank). [\(score)] \(p.year.map(String.init) ?? "—") · \(place)\(p.organisation.isEmpty ? "—" : p.organisation) · \(p.id)\n"
        s += tr("   Postulat: ", "   Postulate: ") + oneLine(p.text) + "\n"
        s += tr("   Odpowiedź miasta: ", "   City's answer: ") + (p.response.isEmpty ? tr("(brak)", "(none)") : oneLine(p.response, limit: 400)) + "\n"
        s += tr("   Wspólne terminy: ", "   Shared terms: ") + shown(h.sharedTerms) + "\n"
        if !h.differingQueryTerms.isEmpty || !h.differingTerms.isEmpty {
            s += tr("   Różne nazwy i numery: ", "   Differing names and numbers: ") + shown(h.differingQueryTerms) + " ≠ " + shown(h.differingTerms) + "\n"
        }
        return s + "\n"
    }

    static func oneLine(_ s: String, limit: Int = .max) -> String {
        let flat = s.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > limit ? String(flat.prefix(limit)) + "…" : flat
    }
}
