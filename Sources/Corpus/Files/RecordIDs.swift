/// The check every command that links records by id runs first (an index, `dedupe`, the report's recurring
/// demands): a record without an id, or with one already read, is named by file and line before any work. A
/// clerk's spreadsheet without an id column otherwise met "„” is already in the index" deep inside a run.
extension CorpusLoad {
    /// Throws for the first record with an empty id or an id read before; `purpose` says what needs them.
    public func requireIDs(for purpose: (pl: String, en: String)) throws(CorpusError) {
        var seen: [String: Origin] = [:]
        seen.reserveCapacity(records.count)
        for (p, o) in zip(records, origins) {
            if Self.lacksID(p) { throw Self.missingID(p, at: o, for: purpose) }
            if let first = seen[p.id] { throw Self.repeatedID(p.id, at: o, first: first, for: purpose) }
            seen[p.id] = o
        }
    }

    /// Whether `p` has no id (empty or blank).
    public static func lacksID(_ p: Postulate) -> Bool { p.id.allSatisfy(\.isWhitespace) }

    /// The error for record `p`, without an id, at `o`: the names a spreadsheet's id column may have, and the
    /// fields this record has — a sheet whose id column is called something else ("Kod") is then seen at once.
    public static func missingID(_ p: Postulate, at o: Origin, for purpose: (pl: String, en: String)) -> CorpusError {
        let accepted = PostulateCSV.acceptedNames(for: "id").map { "„\($0)”" }.joined(separator: ", ")
        let fields = p.fieldNames.prefix(20).joined(separator: ", ")
        return CorpusError(.missingId, file: o.file, line: o.line, field: "id", tr(
            "brak identyfikatora — \(purpose.pl) łączy postulaty po identyfikatorach (kolumna \(accepted); pola tego rekordu: \(fields))",
            "no id — \(purpose.en) links postulates by their ids (column \(accepted); this record's fields: \(fields))"))
    }

    /// The error for `id` at `o`, read before at `first`.
    public static func repeatedID(_ id: String, at o: Origin, first: Origin, for purpose: (pl: String, en: String)) -> CorpusError {
        CorpusError(.duplicateId, file: o.file, line: o.line, field: "id", tr(
            "„\(id.prefix(200))” powtarza identyfikator z \(first.file):\(first.line) — \(purpose.pl) wymaga niepowtarzalnych",
            "\"\(id.prefix(200))\" repeats the id of \(first.file):\(first.line) — \(purpose.en) needs unique ones"))
    }
}
