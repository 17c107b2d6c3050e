import Corpus
import PolishText

/// Reads the configured text fields of a record and analyses them. Why here: training, tagging and evaluation
/// must read records the same way, or the model sees different text than it learnt from.
public enum FieldText {
    /// The text of `field`: a string as is, an array of strings joined by spaces, anything else empty.
    public static func text(of record: Postulate, field: String) -> String {
        text(of: record, key: Key(field))
    }

    /// A field name resolved once (`Postulate.Field`), so that reading it from each of many records compares no
    /// strings (comparing the name with each typed field's until one matched cost more than the lookup of a term).
    public typealias Key = Postulate.Field

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
        case .year, .themes, .extra: return text(of: record.pointee, value: record.pointee.value(of: key))
        }
    }

    /// The text of a field's value: a string as is, an array of strings joined by spaces, anything else empty.
    static func text(of record: Postulate, value: JSONValue?) -> String {
        switch value {
        case .string(let s)?: return s
        case .array(let a)?: return a.compactMap(\.stringValue).joined(separator: " ")
        default: return ""
        }
    }

    /// The terms of each of `fields`, the text read through `filter` first (a model's `textFilter`).
    public static func terms(of record: Postulate, fields: [FieldWeight], analyzer: any TermAnalyzing,
                             filter: TextFilter? = nil) -> FieldTerms {
        fields.map { analyzer.terms(filter.apply(text(of: record, field: $0.field))) }
    }
}

/// Labels of records read from one field: an array of strings gives a multi-label task, a string a single-label
/// one. Why both: the same engine learns the corpus themes (arrays) and e.g. the city's response stance (a string).
public struct LabelColumn: Sendable, Equatable {
    public var mode: LabelMode
    /// Per record: its labels, or nil when the record has none usable (single-label: missing or empty string;
    /// multi-label: the field missing; null is an empty set, i.e. "no theme").
    public var values: [[String]?]
    /// Records without the field at all (not used in training).
    public var missing: Int = 0
    /// Records whose field is there but empty (single-label: an empty string or null; not used in training).
    public var empty: Int = 0

    public init(mode: LabelMode, values: [[String]?], missing: Int = 0, empty: Int = 0) {
        self.mode = mode; self.values = values; self.missing = missing; self.empty = empty
    }

    /// The labels of `field` in every record. `present`, when given, says per record whether its source had the
    /// field at all: a typed field such as `themes` reads as `[]` from a record that lacks it, and that must
    /// count as unlabelled, not as "no theme".
    public static func read(_ records: [Postulate], field: String, present: [Bool]? = nil) throws -> LabelColumn {
        var sawArray = false, sawString = false
        var values: [[String]?] = []
        var isNull: [Bool] = []
        var missing = 0, empty = 0
        values.reserveCapacity(records.count)
        for (n, r) in records.enumerated() {
            var null = false
            switch present?[n] == false ? nil : r.value(of: field) {
            case .array(let a)?:
                sawArray = true
                var labels: [String] = []
                for (i, v) in a.enumerated() {
                    guard let s = v.stringValue else {
                        throw ThemesError.invalidTrainingData(tr("rekord \(r.id): pole „\(field)”[\(i)] nie jest tekstem",
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
                if t.isEmpty { empty += 1 }
            case .null?:
                values.append(nil)
                null = true
            case nil:
                values.append(nil)
                missing += 1
            case .some(let other):
                throw ThemesError.invalidTrainingData(tr("rekord \(r.id): pole „\(field)” musi być tekstem albo listą tekstów, a jest \(other.jsonText)",
                                                         "record \(r.id): field \(field) must be a string or an array of strings, found \(other.jsonText)"))
            }
            isNull.append(null)
        }
        if sawArray && sawString {
            throw ThemesError.invalidTrainingData(tr("pole „\(field)” jest w części rekordów listą, a w części tekstem",
                                                     "field \(field) is an array in some records and a string in others"))
        }
        if !sawArray && !sawString {
            throw ThemesError.invalidTrainingData(LabelColumn.noLabelsMessage(field: field, records: records.count,
                                                                              missing: missing, empty: isNull.filter { $0 }.count))
        }
        let mode: LabelMode = sawArray ? .multiLabel : .singleLabel
        if mode == .multiLabel { values = zip(values, isNull).map { v, null in null ? [] : v } }
        else { empty += isNull.filter { $0 }.count }
        return LabelColumn(mode: mode, values: values, missing: missing, empty: empty)
    }

    /// "No record has a label in `field`", with how many records lacked the field and how many had it empty.
    static func noLabelsMessage(field: String, records: Int, missing: Int, empty: Int) -> String {
        let all = counted(records, pl: ("rekord", "rekordy", "rekordów"), en: ("record", "records"))
        var parts: [String] = []
        if missing > 0 { parts.append(tr("bez tego pola: \(missing)", "without the field: \(missing)")) }
        if empty > 0 { parts.append(tr("z pustą wartością: \(empty)", "with an empty value: \(empty)")) }
        let detail = parts.isEmpty ? "" : "; " + parts.joined(separator: ", ")
        return tr("brak etykiet do nauki: pole „\(field)” nie ma etykiety w żadnym rekordzie (\(all)\(detail)); "
                  + "wskaż pole z etykietami opcją --labels",
                  "nothing to learn from: no record has a label in field \"\(field)\" (\(all)\(detail)); "
                  + "name the label field with --labels")
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
        let f = Field(field)
        switch f {
        case .id, .meeting, .organisation, .text, .justification, .response, .respondent: self[string: f] = text
        case .year, .themes, .extra:
            if let i = extra.firstIndex(where: { $0.0 == field }) { extra[i].1 = .string(text) } else { extra.append((field, .string(text))) }
        }
    }
}

extension TfidfVectorizer {
    /// `vectorize` of a record's configured fields, analysed as they are read (no array of terms is built).
    public func vectorize(record: Postulate, analyzer: any TermAnalyzing, into scratch: Scratch) -> Int {
        let keys = fieldKeys
        let filter = configuration.textFilter
        return vectorize(fieldCount: keys.count, into: scratch) { fi, body in
            analyzer.forEachTermKey(in: filter.apply(FieldText.text(of: record, key: keys[fi])), body)
        }
    }
}
