import Corpus

/// Documents as the vectoriser reads them: for document d and field f, the keys of its terms in order (a term's
/// UTF-8 bytes in NFC, see `TermTable`).
///
/// Why not only `[FieldTerms]`: an array of Strings per field costs more to build than the TF-IDF fit or the
/// scoring it feeds. Records analysed on the fly stream their terms' bytes straight into the vectoriser's tables;
/// terms already analysed (cross-validation reuses them) are read as they are. Both give the same keys, so the same
/// vectors.
public struct TermDocuments {
    public let count: Int
    /// Whether `fieldTerms` holds the documents (so their term counts are known before the pass).
    let fieldTerms: [FieldTerms]?
    private let keys: (_ document: Int, _ field: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Void

    /// Terms already analysed; a field a document lacks has no terms.
    public init(_ documents: [FieldTerms]) {
        count = documents.count
        fieldTerms = documents
        keys = { d, f, body in
            guard f < documents[d].count else { return }
            for t in documents[d][f] { TermTable.withKey(t, body) }
        }
    }

    /// The configured fields of records, analysed as they are read (`FieldText.text` gives each field's text).
    public init(records: [Postulate], fields: [FieldWeight], analyzer: any TermAnalyzing, filter: TextFilter? = nil) {
        // Each field is read in place when its terms are wanted (no pass taking the texts out first: that touched
        // every string twice), through a pointer: `records[d]` would copy the whole record, retaining each of its
        // strings, to read one.
        let keys = fields.map { Postulate.Field($0.field) }
        self.init(count: records.count, fieldTerms: nil) { d, f, body in
            guard f < keys.count else { return }
            records.withUnsafeBufferPointer { records in
                analyzer.forEachTermKey(in: filter.apply(FieldText.text(at: records.baseAddress! + d, key: keys[f])), body)
            }
        }
    }

    private init(count: Int, fieldTerms: [FieldTerms]?,
                 keys: @escaping (Int, Int, (UnsafeBufferPointer<UInt8>) -> Void) -> Void) {
        self.count = count; self.fieldTerms = fieldTerms; self.keys = keys
    }

    /// The documents `rows` (in that order).
    public func subset(_ rows: [Int]) -> TermDocuments {
        let base = keys
        return TermDocuments(count: rows.count, fieldTerms: fieldTerms.map { all in rows.map { all[$0] } },
                             keys: { d, f, body in base(rows[d], f, body) })
    }

    /// Calls `body` with each term key of field `field` of document `document`.
    @inline(__always)
    func forEachKey(document: Int, field: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        keys(document, field, body)
    }

    /// The number of terms over all documents when known up front (for reserving), else nil.
    var termCount: Int? {
        guard let fieldTerms else { return nil }
        var total = 0
        for doc in fieldTerms { for field in doc { total += field.count } }
        return total
    }
}
