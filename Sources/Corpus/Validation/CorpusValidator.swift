/// One problem in a corpus file, located by file, line and field.
public struct CorpusIssue: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case unreadable, syntax, truncated, encoding, duplicateField, csvShape, notAnObject
        case missingId = "missing_id", missingText = "missing_text", badYear = "bad_year"
        case unknownTheme = "unknown_theme", duplicateId = "duplicate_id", badStance = "bad_stance"
        case badFieldType = "bad_field_type", badId = "bad_id"
    }
    public var kind: Kind
    public var file: String
    public var line: Int
    public var field: String?
    public var message: String

    public init(kind: Kind, file: String, line: Int, field: String?, message: String) {
        self.kind = kind; self.file = file; self.line = line; self.field = field; self.message = message
    }

    public var description: String {
        CorpusError(.syntax, file: file, line: line, field: field, message).description
    }
}

/// The outcome of validating some files.
public struct CorpusValidation: Sendable {
    public var issues: [CorpusIssue] = []
    public var records = 0
    public var files = 0
    public var isValid: Bool { issues.isEmpty }
}

/// Checks corpus files record by record (streaming, so a large file costs one record of memory plus the ids):
/// every bad line is reported, not just the first. Checks: unreadable or truncated lines, a missing id or
/// text, a year that is not a year, theme codes outside the taxonomy, ids repeated within or across the files
/// (naming both places), `response_stance` outside the closed set, typed fields of the wrong JSON type.
public struct CorpusValidator: Sendable {
    /// Theme codes are checked against it; nil skips the check.
    public var taxonomy: Taxonomy?
    /// Plausible meeting years.
    public var years: ClosedRange<Int>

    /// The meeting years a record may carry unless told otherwise; `import --year` is held to them too.
    public static let plausibleYears: ClosedRange<Int> = 1990...2100

    /// What makes an id unusable where people and links meet it: spaces at its ends (an id that looks like another),
    /// control characters (line breaks, tabs) and the invisible direction marks that make text read backwards
    /// ("a\u{202E}b"). Nil: a good id.
    public static func idProblem(_ id: String) -> String? {
        if let first = id.first, let last = id.last, first.isWhitespace || last.isWhitespace {
            return tr("identyfikator „\(id.trimmingCharacters())” ma spacje na początku lub na końcu",
                      "id \"\(id.trimmingCharacters())\" has spaces at its start or end")
        }
        if let hidden = id.unicodeScalars.first(where: isHidden) {
            let code = String(hidden.value, radix: 16, uppercase: true)
            let u = "U+" + String(repeating: "0", count: max(0, 4 - code.count)) + code
            return tr("identyfikator zawiera znak sterujący albo niewidoczny znak kierunku tekstu (\(u))",
                      "the id holds a control character or an invisible text-direction mark (\(u))")
        }
        return nil
    }

    static func isHidden(_ s: Unicode.Scalar) -> Bool {
        if s.properties.generalCategory == .control { return true }
        switch s.value {
        case 0x200E...0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    public init(taxonomy: Taxonomy?, years: ClosedRange<Int> = CorpusValidator.plausibleYears) {
        self.taxonomy = taxonomy
        self.years = years
    }

    public func validate(files: [String]) -> CorpusValidation {
        var result = CorpusValidation()
        var ids: [String: (file: String, line: Int)] = [:]
        for file in files {
            result.files += 1
            let stream: CorpusStream
            do { stream = try CorpusStream(path: file) } catch {
                result.issues.append(issue(from: error, file: file))
                continue
            }
            while true {
                do {
                    guard let p = try stream.next() else { break }
                    result.records += 1
                    result.issues += check(p, file: file, line: stream.line, ids: &ids)
                } catch {
                    // The stream goes on after a bad record; after one it cannot read past, it ends.
                    result.issues.append(issue(from: error, file: file))
                    if (error as? CorpusError)?.kind == .io { break }
                }
            }
        }
        return result
    }

    /// Checks records already in memory (`line` as the reader reported it).
    public func validate(records: [(record: Postulate, line: Int)], file: String) -> [CorpusIssue] {
        var ids: [String: (file: String, line: Int)] = [:]
        return records.flatMap { check($0.record, file: file, line: $0.line, ids: &ids) }
    }

    func issue(from error: Error, file: String) -> CorpusIssue {
        guard let e = error as? CorpusError else {
            return CorpusIssue(kind: .unreadable, file: file, line: 0, field: nil, message: "\(error)")
        }
        let kind: CorpusIssue.Kind
        switch e.kind {
        case .io, .notAFile, .empty: kind = .unreadable
        case .syntax: kind = .syntax
        case .truncated: kind = .truncated
        case .encoding: kind = .encoding
        case .duplicateField: kind = .duplicateField
        case .csvShape: kind = .csvShape
        case .notAnObject: kind = .notAnObject
        case .missingId: kind = .missingId
        case .duplicateId: kind = .duplicateId
        }
        return CorpusIssue(kind: kind, file: e.file, line: e.line, field: e.field, message: e.message)
    }

    func check(_ p: Postulate, file: String, line: Int, ids: inout [String: (file: String, line: Int)]) -> [CorpusIssue] {
        var out: [CorpusIssue] = []
        func add(_ k: CorpusIssue.Kind, _ field: String, _ m: String) {
            out.append(CorpusIssue(kind: k, file: file, line: line, field: field, message: m))
        }
        for f in ["id", "meeting", "organisation", "text", "justification", "response", "respondent"] {
            if let raw = p.rawInvalidValue(of: f) { add(.badFieldType, f, tr("oczekiwano tekstu, jest \(raw.jsonText)", "expected a string, found \(raw.jsonText)")) }
        }
        if p.id.allSatisfy(\.isWhitespace), p.rawInvalidValue(of: "id") == nil {
            add(.missingId, "id", tr("brak identyfikatora", "missing id"))
        } else if let why = Self.idProblem(p.id) {
            add(.badId, "id", why)
        } else if !p.id.isEmpty {
            if let first = ids[p.id] {
                add(.duplicateId, "id", tr("identyfikator „\(p.id)” powtórzony (pierwszy raz: \(first.file):\(first.line))",
                                          "id \"\(p.id)\" repeated (first seen at \(first.file):\(first.line))"))
            } else {
                ids[p.id] = (file, line)
            }
        }
        if p.text.allSatisfy(\.isWhitespace), p.rawInvalidValue(of: "text") == nil {
            add(.missingText, "text", tr("brak treści postulatu", "the postulate has no text") + p.textUnderAnotherName)
        }
        if let raw = p.rawInvalidValue(of: "year") {
            add(.badYear, "year", tr("\(raw.jsonText) nie jest rokiem (oczekiwano liczby, np. 2025)",
                                     "\(raw.jsonText) is not a year (a number is expected, e.g. 2025)"))
        } else if let y = p.year, !years.contains(y) {
            add(.badYear, "year", tr("\(y) nie jest wiarygodnym rokiem spotkania (\(years.lowerBound)–\(years.upperBound))",
                                     "\(y) is not a plausible meeting year (\(years.lowerBound)–\(years.upperBound))"))
        }
        if let raw = p.rawInvalidValue(of: "themes") {
            add(.badFieldType, "themes", tr("oczekiwano listy kodów tematów, jest \(raw.jsonText)",
                                            "expected a list of theme codes, found \(raw.jsonText)"))
        }
        var seenThemes = Set<String>()
        for t in p.themes {
            if let taxonomy, !taxonomy.contains(t) {
                let allowed = taxonomy.codes.joined(separator: ", ")
                add(.unknownTheme, "themes", tr("kod tematu „\(t)” nie występuje w taksonomii (dozwolone: \(allowed))",
                                                "theme code \"\(t)\" is not in the taxonomy (allowed: \(allowed))"))
            }
            if !seenThemes.insert(t).inserted { add(.unknownTheme, "themes", tr("kod tematu „\(t)” podany dwa razy", "theme code \"\(t)\" given twice")) }
        }
        if let v = p.value(of: "response_stance"), !v.isNull, v.stringValue != "" {
            let allowed = ResponseStance.allCases.map(\.rawValue)
            if v.stringValue.flatMap(ResponseStance.init(rawValue:)) == nil {
                let list = allowed.joined(separator: ", ")
                add(.badStance, "response_stance", tr("\(v.jsonText) nie jest dozwolonym stanowiskiem (\(list))",
                                                      "\(v.jsonText) is not an allowed stance (\(list))"))
            }
        }
        if let v = p.value(of: "authored"), v.boolValue == nil {
            add(.badFieldType, "authored", tr("oczekiwano true lub false, jest \(v.jsonText)", "expected true or false, found \(v.jsonText)"))
        }
        if let v = p.value(of: "group"), v.stringValue == nil, !v.isNull {
            add(.badFieldType, "group", tr("oczekiwano tekstu (identyfikatora grupy), jest \(v.jsonText)",
                                           "expected a string (a group id), found \(v.jsonText)"))
        }
        return out
    }
}
