/// The check every command that links records by id runs first (an index, `dedupe`, the report's recurring
/// demands): a record without an id, or with one already read, is named by file and line before any work. A
/// clerk's spreadsheet without an id column otherwise met "„” is already in the index" deep inside a run.
extension CorpusLoad {
    /// Throws for the first record with an empty id or an id read before; `purpose` says what needs them.
    public func requireIDs(for purpose: (pl: String, en: String)) throws(CorpusError) {
        // ASCII ids (nearly all) by their bytes; any other id sends the whole check to the String path below.
        var keys = ASCIIKeySet(capacity: records.count)
        var ascii = true
        for i in records.indices {
            var id = records[i].id
            let verdict = id.withUTF8 { b -> Int? in
                var blank = true
                for x in b {
                    if x >= 0x80 { ascii = false; return nil }
                    if x != 0x20 && !(x >= 0x09 && x <= 0x0D) { blank = false }
                }
                if blank { return -1 }
                return keys.insert(b) ?? -2  // positions in `keys` are record indexes: every earlier record was inserted
            }
            guard ascii, let verdict else { break }
            if verdict == -1 { throw Self.missingID(records[i], at: origins[i], for: purpose) }
            if verdict >= 0 { throw Self.repeatedID(id, at: origins[i], first: origins[verdict], for: purpose) }
        }
        if ascii { return }
        try referenceRequireIDs(for: purpose)
    }

    /// `requireIDs` by Strings (what the byte path must answer; any non-ASCII id takes it).
    func referenceRequireIDs(for purpose: (pl: String, en: String)) throws(CorpusError) {
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
