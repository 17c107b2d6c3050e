/// Postulate ↔ CSV row. Typed fields are plain text; `themes` is one cell with codes joined by `|`
/// (`security|seniors`); `year` is digits. Other fields keep their JSON type losslessly: a number, `true`,
/// `false`, `null`, a list or an object is written as its compact JSON; a string is written as is, unless it
/// would read back as one of those (e.g. the string "12"), in which case it is written as a JSON string
/// literal (`"12"` inside the cell). An empty cell means the record lacks the field; a quoted empty cell is an
/// empty string. Text starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` (`CSVFormulaGuard`), removed
/// again on reading; numbers are written as they are. That is what makes CSV → JSONL → CSV (and back)
/// byte-identical.
enum PostulateCSV {
    static let themeSeparator: Character = "|"

    /// Polish column names a clerk's spreadsheet may use, read as the typed fields (written back in English).
    static let headerAliases: [String: String] = [
        "rok": "year", "spotkanie": "meeting", "organizacja": "organisation", "nazwa organizacji": "organisation",
        "postulat": "text", "treść": "text", "tresc": "text", "treść postulatu": "text", "tekst": "text",
        // a participatory-budget sheet: the project's title is what is asked for, its description the reasons
        "tytuł": "text", "tytul": "text", "tytuł projektu": "text", "tytul projektu": "text", "nazwa projektu": "text",
        "tytuł zadania": "text", "nazwa zadania": "text", "title": "text",
        "opis": "justification", "opis projektu": "justification", "description": "justification",
        "uzasadnienie": "justification", "odpowiedź": "response", "odpowiedz": "response", "stanowisko": "response",
        "jednostka": "respondent", "tematy": "themes", "temat": "themes",
        "identyfikator": "id", "id postulatu": "id", "id projektu": "id", "numer postulatu": "id", "nr postulatu": "id",
        "nr projektu": "id", "numer projektu": "id", "id zadania": "id", "nr zadania": "id", "numer zadania": "id",
        // not a typed field, but the one `--same district` reads
        "dzielnica": "district", "miasto": "city", "gmina": "city",
    ]

    /// The field a header cell names: a typed field by its English name or a Polish alias, in any case ("Text",
    /// "TEXT", "Treść"); any other name as it is.
    static func fieldName(forHeader h: String) -> String {
        if Postulate.typedFields.contains(h) { return h }
        let lower = h.lowercased()
        if Postulate.typedFields.contains(lower) { return lower }
        return headerAliases[lower] ?? h
    }

    /// The header names accepted for a field, English first ("text, postulat, treść, …"), for error messages.
    static func acceptedNames(for field: String) -> [String] {
        [field] + headerAliases.filter { $0.value == field }.map(\.key).sorted()
    }

    static func record(cells: [CSVCell], header: [String]) -> Postulate {
        var p = Postulate(id: "", text: "")
        for (i, name) in header.enumerated() {
            let cell = i < cells.count ? cells[i] : nil
            let field = Postulate.Field(name)
            switch field {
            case .id: p.id = cell?.text ?? ""
            case .year:
                guard let raw = cell?.text, !raw.isEmpty else { break }
                // A spreadsheet cell " 2025" is the year 2025 (spaces are invisible there); anything else that is
                // not digits is kept as it was, for the validator to name.
                let t = raw.trimmingCharacters()
                if !t.isEmpty, t.utf8.count <= 6, t.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let y = Int(t) { p.year = y }
                else { p.extra.append((name, .string(raw))) }
            case .meeting, .organisation, .text, .justification, .response, .respondent:
                p[string: field] = cell?.text ?? ""
            case .themes:
                p.themes = (cell?.text ?? "").split(separator: themeSeparator)
                    .map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
            case .extra:
                guard let cell, cell.quoted || !cell.text.isEmpty else { break }
                p.extra.append((name, decodeExtra(cell)))
            }
        }
        return p
    }

    static func decodeExtra(_ cell: CSVCell) -> JSONValue {
        if cell.text.isEmpty { return .string("") }
        if let first = cell.text.utf8.first, Self.mayBeJSON(first), let v = try? JSONValue.parse(cell.text),
           v.jsonText == cell.text {
            return v
        }
        return .string(cell.text)
    }

    static func mayBeJSON(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "\""), UInt8(ascii: "["),
             UInt8(ascii: "{"), UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"): return true
        default: return false
        }
    }

    /// The cell text for a non-typed value, and whether it must be quoted to stay distinct from "absent".
    static func encodeExtra(_ v: JSONValue) -> (String, Bool) {
        switch v {
        case .string(let s):
            if s.isEmpty { return ("", true) }
            if let first = s.utf8.first, mayBeJSON(first), let parsed = try? JSONValue.parse(s), parsed.jsonText == s {
                return (JSONValue.string(s).jsonText, false)
            }
            return (s, false)
        default: return (v.jsonText, false)
        }
    }

    /// The columns for a set of records: the typed fields, then every other field in first-seen order.
    static func columns<S: Sequence>(for records: S) -> [String] where S.Element == Postulate {
        var cols = Postulate.typedFields
        var seen = Set(cols)
        for r in records {
            for (k, _) in r.extra where seen.insert(k).inserted { cols.append(k) }
        }
        return cols
    }

    static func appendRow(_ p: Postulate, columns: [String], delimiter: UInt8, to out: inout [UInt8]) {
        for (i, c) in columns.enumerated() {
            if i > 0 { out.append(delimiter) }
            let text: String
            var force = false
            // A number (the year, a JSON number of another field) is written as it is; text gets the formula guard.
            var number = false
            if let raw = p.rawInvalidValue(of: c) {
                (text, force) = encodeExtra(raw)
                if case .number = raw { number = true }
            } else {
                switch Postulate.Field(c) {
                case .year: text = p.year.map(String.init) ?? ""; number = true
                case .themes: text = p.themes.joined(separator: String(themeSeparator))
                case .id, .meeting, .organisation, .text, .justification, .response, .respondent:
                    text = p[string: Postulate.Field(c)] ?? ""
                case .extra:
                    if let v = p.extra.first(where: { $0.0 == c })?.1 {
                        (text, force) = encodeExtra(v)
                        if case .number = v { number = true }
                    } else { text = "" }
                }
            }
            CSVParser.appendCell(text, delimiter: delimiter, forceQuote: force, guardFormula: !number, to: &out)
        }
        out.append(0x0D); out.append(0x0A)
    }
}
