/// A table row the importer could not turn into a record, by its number in the table ("Lp.").
public struct MeetingRowProblem: Sendable, Equatable, CustomStringConvertible {
    public var row: Int
    /// Line of the input where the row starts (0 when the row is missing altogether).
    public var line: Int
    public var message: String
    public var description: String {
        tr("wiersz \(row)", "row \(row)") + (line > 0 ? tr(" (linia \(line))", " (line \(line))") : "") + ": \(message)"
    }
}

/// What an import produced: the records, the rows it could not read (never silently dropped), notes a clerk
/// should check (e.g. a row without justification), and the meeting date it read.
public struct MeetingImportResult: Sendable {
    public var records: [Postulate]
    public var problems: [MeetingRowProblem]
    public var notes: [String]
    /// ISO date of the meeting ("2025-06-17"), when the text gives it.
    public var date: String?
    public var year: Int?
}

/// Reads a city's meeting summary — the text pdftotext makes of the published PDF — into postulates.
///
/// The document is a table: Lp. | organisation | postulate | justification | the city's position. pdftotext
/// writes it cell by cell: the row number with the organisation, then each cell as a block of lines, blocks
/// separated by an empty line, page breaks as runs of empty lines or page link lists. The importer:
/// 1. finds the table header ("Lp." …) and reads from it whether there is a justification column and which
///    unit answers (the header names it: "Stanowisko komórki merytorycznej – Wydziału …");
/// 2. starts a row at each block beginning with the next row number ("7."), so numbers inside cells
///    ("2025 r.", a list) are not mistaken for rows;
/// 3. assigns the row's blocks to columns: a block after a page break that continues a sentence is glued to the
///    cell before it; when one cell too few remains, a first line far wider than its block (two cells that
///    pdftotext put on one line) is split at a sentence boundary, or else the justification is taken as
///    missing (and noted);
/// 4. takes the answering unit from a response that opens with "Stanowisko <unit>:", else from the header.
/// Nothing depends on line numbers or on this one document's wording beyond those conventions.
public struct MeetingImporter: Sendable {
    /// Overrides the year read from the text.
    public var year: Int?
    /// The `meeting` field; defaults to the file's name without extension.
    public var meeting: String?
    /// Ids are `<prefix>-NN` (NN = the row's number); defaults to the file name up to the meeting date
    /// ("krakow-2025-06-17"), or the file name and the date.
    public var idPrefix: String?

    public init(year: Int? = nil, meeting: String? = nil, idPrefix: String? = nil) {
        self.year = year; self.meeting = meeting; self.idPrefix = idPrefix
    }

    /// Imports a `.txt` (UTF-8) or `.pdf` file (converted with pdftotext).
    public func importFile(path: String) throws -> MeetingImportResult {
        let text: String
        if path.lowercased().hasSuffix(".pdf") {
            text = try PDFText.extract(path: path)
        } else {
            text = try PDFText.readUTF8(path: path)
        }
        return try parse(text: text, fileName: path)
    }

    /// Imports text already extracted. `fileName` names the source in errors, ids and the `source` field.
    public func parse(text: String, fileName: String) throws -> MeetingImportResult {
        let base = Self.baseName(fileName)
        let blocks = PageText.blocks(text)
        guard let headerAt = blocks.firstIndex(where: { Self.isHeaderStart($0.firstLine) }) else {
            throw CorpusError(.syntax, file: fileName, tr("nie znaleziono tabeli postulatów (nagłówka zaczynającego się od „Lp.”)",
                                                          "no table of postulates found (a header starting with \"Lp.\")"))
        }
        let found = PolishDate.find(in: text)
        guard let meetingYear = year ?? found?.year else {
            throw CorpusError(.syntax, file: fileName, field: "year",
                              tr("nie znaleziono daty spotkania (np. „W dniu 17 czerwca 2025 r.”); podaj --year",
                                 "no meeting date found (e.g. \"W dniu 17 czerwca 2025 r.\"); pass --year"))
        }

        // Header blocks, then rows.
        var header: [String] = []
        var rows: [RawRow] = []
        var problems: [MeetingRowProblem] = []
        var headerBlocks = Set<String>()
        var skippingRepeatedHeader = false
        var breakBeforeSkipped = false
        for var b in blocks[headerAt...] {
            if !rows.isEmpty {
                // Word repeats the header row on every page: skip it, and let the block after it carry the page
                // break (it may continue a cell).
                if b.afterPageBreak && Self.isHeaderStart(b.firstLine) {
                    skippingRepeatedHeader = true
                    breakBeforeSkipped = true
                    continue
                }
                if skippingRepeatedHeader {
                    if headerBlocks.contains(b.lines.joined(separator: "\n")) { continue }
                    skippingRepeatedHeader = false
                }
                if breakBeforeSkipped { b.afterPageBreak = true; breakBeforeSkipped = false }
                // Text after the table (the minutes' signature) is not part of the last row.
                if Self.isClosingLine(b.firstLine) { break }
            }
            if let (n, rest) = Self.rowStart(b.firstLine) {
                let expected = (rows.last?.number ?? 0) + 1
                if n >= expected && n <= expected + 2 {
                    for missing in expected..<n {
                        problems.append(MeetingRowProblem(row: missing, line: 0,
                                                          message: tr("brak wiersza o tym numerze w tabeli",
                                                                      "the table has no row with this number")))
                    }
                    rows.append(RawRow(number: n, rest: rest, blocks: [b]))
                    continue
                }
            }
            if rows.isEmpty {
                header += b.lines
                headerBlocks.insert(b.lines.joined(separator: "\n"))
            } else {
                rows[rows.count - 1].blocks.append(b)
            }
        }
        if rows.isEmpty {
            throw CorpusError(.syntax, file: fileName, tr("tabela nie ma wierszy (brak „1.” po nagłówku)",
                                                          "the table has no rows (no \"1.\" after the header)"))
        }
        let headerText = PageText.join(header)
        // Letters only, so a header word hyphenated over two lines ("Uzasad-" "nienie") is still found.
        let hasJustification = String(headerText.lowercased().filter { $0.isLetter }).contains("uzasadn")
        let columns = hasJustification ? 3 : 2
        let headerRespondent = Self.respondent(inHeader: headerText)

        // First pass: column widths from rows whose blocks fit the columns as they are.
        var widths = [Int](repeating: 0, count: columns)
        for r in rows {
            if let cells = try? r.cells(columns: columns, widths: nil, allowRepair: false) {
                for (k, c) in cells.content.enumerated() { widths[k] = max(widths[k], c.map(\.count).max() ?? 0) }
            }
        }

        var records: [Postulate] = []
        var notes: [String] = []
        let prefix = idPrefix ?? Self.defaultPrefix(base: base, date: found?.iso)
        let pad = rows.count >= 100 ? 3 : 2
        for r in rows {
            let attempt = Result { try r.cells(columns: columns, widths: widths, allowRepair: true) }
            guard case .success(let cells) = attempt else {
                if case .failure(let e) = attempt {
                    problems.append(e as? MeetingRowProblem ?? MeetingRowProblem(row: r.number, line: r.line, message: "\(e)"))
                }
                continue
            }
            if let n = cells.note { notes.append(tr("wiersz \(r.number): \(n)", "row \(r.number): \(n)")) }
            let org = PageText.join(cells.organisation)
            let text = PageText.join(cells.content[0])
            let justification = hasJustification ? PageText.join(cells.content[1]) : ""
            var response = PageText.join(cells.content[columns - 1])
            var respondent = headerRespondent
            if let (unit, rest) = Self.respondent(openingResponse: response) {
                respondent = unit
                response = rest
            }
            if org.isEmpty || text.isEmpty {
                problems.append(MeetingRowProblem(row: r.number, line: r.line,
                                                  message: org.isEmpty ? tr("pusta nazwa organizacji", "the organisation's name is empty")
                                                                  : tr("pusta treść postulatu", "the postulate's text is empty")))
                continue
            }
            if response.isEmpty { notes.append(tr("wiersz \(r.number): brak stanowiska miasta", "row \(r.number): no position of the city")) }
            let num = String(r.number)
            var extra: [(String, JSONValue)] = []
            if let d = found?.iso { extra.append(("date", .string(d))) }
            extra.append(("row", .number(num)))
            extra.append(("source", .string(Self.fileName(fileName))))
            extra.append(("authored", .bool(false)))
            records.append(Postulate(
                id: prefix + "-" + String(repeating: "0", count: max(0, pad - num.count)) + num,
                year: meetingYear, meeting: meeting ?? base, organisation: org, text: text,
                justification: justification, response: response, respondent: respondent, themes: [], extra: extra))
        }
        if headerRespondent.isEmpty && records.contains(where: { $0.respondent.isEmpty }) {
            notes.append(tr("nagłówek tabeli nie wskazuje jednostki odpowiadającej; pole respondent puste tam, gdzie odpowiedź jej nie podaje",
                            "the table's header names no answering unit; the respondent is empty where the answer does not name one"))
        }
        problems.sort { $0.row < $1.row }
        return MeetingImportResult(records: records, problems: problems, notes: notes, date: found?.iso, year: meetingYear)
    }

    // MARK: - Pieces

    static func isHeaderStart(_ line: String) -> Bool {
        let l = line.lowercased()
        return l.hasPrefix("lp.") || l.hasPrefix("l.p.") || l == "lp" || l.hasPrefix("lp ")
    }

    /// Lines that close the minutes after the table (who drew them up, signatures).
    static let closingPrefixes = ["sporządził", "sporządziła", "protokołował", "protokołowała", "protokół sporządził",
                                  "podpis", "zatwierdził", "zatwierdziła", "sporzadzil", "sporzadzila"]

    static func isClosingLine(_ line: String) -> Bool {
        let l = line.lowercased()
        return closingPrefixes.contains { l.hasPrefix($0) && (l.count == $0.count || !l[l.index(l.startIndex, offsetBy: $0.count)].isLetter) }
    }

    /// "7." or "7. Fundacja" → (7, "Fundacja"); "7" alone → (7, ""). Only the next expected number counts, so a
    /// year or an amount at the start of a cell line is not taken for a row.
    static func rowStart(_ line: String) -> (Int, String)? {
        var digits = ""
        var i = line.startIndex
        while i < line.endIndex, line[i].isASCII, line[i].isNumber, digits.count < 4 { digits.append(line[i]); i = line.index(after: i) }
        guard !digits.isEmpty, digits.count <= 3, let number = Int(digits) else { return nil }
        if i == line.endIndex { return (number, "") }  // a bare "7" (no dot) on its own line
        guard line[i] == "." || line[i] == ")" else { return nil }
        i = line.index(after: i)
        guard i == line.endIndex || line[i] == " " else { return nil }
        return (number, String(line[i...]).trimmingCharacters())
    }

    /// The answering unit named by the header ("Stanowisko komórki merytorycznej- Wydziału Polityki Społecznej,
    /// Równości i Zdrowia" → "Wydział Polityki Społecznej, Równości i Zdrowia"), or "".
    static func respondent(inHeader header: String) -> String {
        guard let r = header.range(of: "Stanowisko") ?? header.range(of: "Odpowiedź") ?? header.range(of: "Opinia") else { return "" }
        let after = String(header[r.upperBound...])
        guard let start = UnitName.start(in: after) else { return "" }
        return UnitName.nominative(String(after[start...]))
    }

    /// A response opening with "Stanowisko <unit>:" → (unit in the nominative, the rest of the response).
    static func respondent(openingResponse response: String) -> (String, String)? {
        guard response.hasPrefix("Stanowisko "), let colon = response.firstIndex(of: ":") else { return nil }
        let head = String(response[response.index(response.startIndex, offsetBy: 11)..<colon])
        guard head.count <= 160, let start = UnitName.start(in: head) else { return nil }
        let rest = String(response[response.index(after: colon)...]).trimmingCharacters()
        return (UnitName.nominative(String(head[start...])), rest)
    }

    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    static func baseName(_ path: String) -> String {
        let f = fileName(path)
        if let dot = f.lastIndex(of: "."), dot != f.startIndex { return String(f[..<dot]) }
        return f
    }

    static func defaultPrefix(base: String, date: String?) -> String {
        if let date, let r = base.range(of: date) { return String(base[..<r.upperBound]) }
        if let date { return base + "-" + date }
        return base
    }
}
