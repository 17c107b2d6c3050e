import Corpus
import PolishText

/// Reads the configured text fields of a record and analyses them. Why here: training, tagging and evaluation
/// must read records the same way, or the model sees different text than it learnt from.
public enum FieldText {
    /// The text of `field`: a string as is, an array of strings joined by spaces, anything else empty.
    public static func text(of record: Postulate, field: String) -> String {
        switch record.value(of: field) {
        case .string(let s)?: return s
        case .array(let a)?: return a.compactMap(\.stringValue).joined(separator: " ")
        default: return ""
        }
    }

    /// A field name resolved once, so that reading it from each of many records compares no strings (a record's
    /// `value(of:)` compares the name with each typed field's until one matches, which cost more than the lookup
    /// of a term).
    public enum Key: Sendable, Equatable {
        case id, meeting, organisation, text, justification, response, respondent
        /// Any other field (`themes`, `year`, extra fields): read through `text(of:field:)`.
        case other(String)

        public init(_ field: String) {
            switch field {
            case "id": self = .id
            case "meeting": self = .meeting
            case "organisation": self = .organisation
            case "text": self = .text
            case "justification": self = .justification
            case "response": self = .response
            case "respondent": self = .respondent
            default: self = .other(field)
            }
        }
    }

    /// `text(of:field:)` of a resolved field.
    @inline(__always)
    public static func text(of record: Postulate, key: Key) -> String {
        withUnsafePointer(to: record) { text(at: $0, key: key) }
    }

    /// `text(of:key:)` of the record at `record`, read through the pointer: only the field's string is retained
    /// (a record passed by value was copied whole, each of its strings retained, in the fit's loop over records).
    @inline(__always)
    public static func text(at record: UnsafePointer<Postulate>, key: Key) -> String {
        switch key {
        case .id: return record.pointee.id
        case .meeting: return record.pointee.meeting
        case .organisation: return record.pointee.organisation
        case .text: return record.pointee.text
        case .justification: return record.pointee.justification
        case .response: return record.pointee.response
        case .respondent: return record.pointee.respondent
        case .other(let field): return text(of: record.pointee, field: field)
        }
    }

    public static func terms(of record: Postulate, fields: [FieldWeight], analyzer: any TermAnalyzing) -> FieldTerms {
        fields.map { analyzer.terms(text(of: record, field: $0.field)) }
    }
}

/// Labels of records read from one field: an array of strings gives a multi-label task, a string a single-label
/// one. Why both: the same engine learns the corpus themes (arrays) and e.g. the city's response stance (a string).
public struct LabelColumn: Sendable, Equatable {
    public var mode: LabelMode
    /// Per record: its labels, or nil when the record has none usable (single-label: missing or empty string;
    /// multi-label: the field missing; null is an empty set, i.e. "no theme").
    public var values: [[String]?]

    public static func read(_ records: [Postulate], field: String) throws -> LabelColumn {
        var sawArray = false, sawString = false
        var values: [[String]?] = []
        var isNull: [Bool] = []
        values.reserveCapacity(records.count)
        for r in records {
            var null = false
            switch r.value(of: field) {
            case .array(let a)?:
                sawArray = true
                var labels: [String] = []
                for (i, v) in a.enumerated() {
                    guard let s = v.stringValue else {
                        throw ThemesError.invalidTrainingData(tr("rekord \(r.id): pole \(field)[\(i)] nie jest tekstem",
                                                                "record \(r.id): field \(field)[\(i)] is not a string"))
                    }
                    let t = s.trimmingWhitespace()
                    if !t.isEmpty && !labels.contains(t) { labels.append(t) }
                }
                values.append(labels)
            case .string(let s)?:
                sawString = true
                let t = s.trimmingWhitespace()
                values.append(t.isEmpty ? nil : [t])
            case .null?:
                values.append(nil)
                null = true
            case nil:
                values.append(nil)
            case .some(let other):
                throw ThemesError.invalidTrainingData(tr("rekord \(r.id): pole \(field) musi być tekstem lub listą tekstów, jest \(other.jsonText)",
                                                        "record \(r.id): field \(field) must be a string or an array of strings, found \(other.jsonText)"))
            }
            isNull.append(null)
        }
        if sawArray && sawString {
            throw ThemesError.invalidTrainingData(tr("pole \(field) jest listą w jednych rekordach, a tekstem w innych",
                                                    "field \(field) is an array in some records and a string in others"))
        }
        if !sawArray && !sawString {
            throw ThemesError.invalidTrainingData(tr("żaden rekord nie ma pola etykiet \(field)", "no record has the label field \(field)"))
        }
        let mode: LabelMode = sawArray ? .multiLabel : .singleLabel
        if mode == .multiLabel { values = zip(values, isNull).map { v, null in null ? [] : v } }
        return LabelColumn(mode: mode, values: values)
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}

extension Postulate {
    /// Sets a text field by name: a typed string field, or an extra field (replaced in place, else appended).
    public mutating func setField(_ field: String, to text: String) {
        switch field {
        case "id": id = text
        case "meeting": meeting = text
        case "organisation": organisation = text
        case "text": self.text = text
        case "justification": justification = text
        case "response": response = text
        case "respondent": respondent = text
        default:
            if let i = extra.firstIndex(where: { $0.0 == field }) { extra[i].1 = .string(text) } else { extra.append((field, .string(text))) }
        }
    }
}

extension TfidfVectorizer {
    /// `vectorize` of a record's configured fields, analysed as they are read (no array of terms is built).
    public func vectorize(record: Postulate, analyzer: any TermAnalyzing, into scratch: Scratch) -> Int {
        let keys = fieldKeys
        return vectorize(fieldCount: keys.count, into: scratch) { fi, body in
            analyzer.forEachTermKey(in: FieldText.text(of: record, key: keys[fi]), body)
        }
    }
}
