/// Postulate ↔ JSON object. Typed fields are read leniently (missing → empty, a numeric id → its text) so records
/// from other sources load; a value that does not fit its typed field (a year like "20x5", themes that are not a
/// list of strings) is kept verbatim in `extra` under the same name, so the validator can report it and a writer
/// puts it back unchanged instead of losing it.
extension Postulate {
    /// The fields DESIGN.md names, in the order every writer emits them.
    public static let typedFields = ["id", "year", "meeting", "organisation", "text", "justification", "response",
                                     "respondent", "themes"]

    /// The names of the fields the record has: the typed ones that are not empty, then the others as read. What an
    /// error about a missing field lists, so a column read under another name is seen.
    public var fieldNames: [String] {
        var names: [String] = []
        if !id.isEmpty { names.append("id") }
        if year != nil { names.append("year") }
        for (name, value) in [("meeting", meeting), ("organisation", organisation), ("text", text),
                              ("justification", justification), ("response", response), ("respondent", respondent)]
            where !value.isEmpty { names.append(name) }
        if !themes.isEmpty { names.append("themes") }
        for (name, _) in extra where !names.contains(name) { names.append(name) }
        return names
    }

    /// For a record without text: a field of another name that a spreadsheet's header would have read as the text
    /// ("title", "treść"), with a hint to put in the message — JSONL reads only `text` (other fields are kept as
    /// they are), so a record converted by hand with `title` otherwise met a bare "no text". Empty when none.
    public var textUnderAnotherName: String {
        guard let name = extra.first(where: { PostulateCSV.fieldName(forHeader: $0.0) == "text" && $0.0 != "text" })?.0 else { return "" }
        return tr(" (rekord ma pole „\(name)”: w JSONL treść postulatu to pole „text”)",
                  " (the record has a field \"\(name)\": in JSONL the postulate's text is the field \"text\")")
    }

    /// A raw value kept because it did not fit its typed field (see the type's comment).
    public func rawInvalidValue(of field: String) -> JSONValue? {
        guard Postulate.typedFields.contains(field) else { return nil }
        return extra.first { $0.0 == field }?.1
    }

    /// Builds a record from a parsed JSON object. Throws only for a repeated field name (which of the two
    /// would be meant cannot be known); every other oddity is left for `CorpusValidator`.
    public init(jsonObject fields: [(String, JSONValue)]) throws(PostulateFieldError) {
        self.init(id: "", text: "")
        for (index, (key, value)) in fields.enumerated() {
            // Records have a dozen fields: a linear check beats hashing every key.
            for j in 0..<index where fields[j].0 == key {
                throw PostulateFieldError(field: key, message: "pole powtórzone w rekordzie")
            }
            let field = Field(key)
            switch field {
            case .id:
                switch value {
                case .string(let s): id = s
                case .number(let n): id = n
                case .null: id = ""
                default: extra.append((key, value))
                }
            case .year:
                switch value {
                case .null: year = nil
                case .number(let n) where Int(n) != nil: year = Int(n)
                case .string(let s) where !s.isEmpty && s.utf8.count <= 6 && Int(s) != nil: year = Int(s)
                default: extra.append((key, value))
                }
            case .meeting, .organisation, .text, .justification, .response, .respondent:
                switch value {
                case .string(let s): self[string: field] = s
                case .null: break
                default: extra.append((key, value))
                }
            case .themes:
                switch value {
                case .null: themes = []
                case .array(let items) where items.allSatisfy({ $0.stringValue != nil }):
                    themes = items.map { $0.stringValue! }
                default: extra.append((key, value))
                }
            case .extra:
                extra.append((key, value))
            }
        }
    }

    /// The record as a JSON object: the typed fields first in `typedFields` order (all of them, so every line has
    /// the same shape; a missing year is `null`), then the other fields in their original order.
    public var jsonObject: [(String, JSONValue)] {
        var out: [(String, JSONValue)] = []
        out.reserveCapacity(Postulate.typedFields.count + extra.count)
        for f in Postulate.typedFields {
            if let raw = rawInvalidValue(of: f) { out.append((f, raw)); continue }
            switch f {
            case "year": out.append((f, year.map { .number(String($0)) } ?? .null))
            default: out.append((f, value(of: f)!))
            }
        }
        for (k, v) in extra where !Postulate.typedFields.contains(k) { out.append((k, v)) }
        return out
    }

    /// One JSONL line (without the newline).
    public var jsonLine: String { JSONValue.object(jsonObject).jsonText }
}

/// A field-level problem found while building a record (the reader adds the file and line).
public struct PostulateFieldError: Error, Sendable {
    public var field: String
    public var message: String
}
