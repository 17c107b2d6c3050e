import Corpus
import Similarity

/// Refuses `--same FIELD` when no record carries FIELD: blocking on it would compare everything with everything
/// and the option would pass silently (a misspelt `distirct`, a field the index does not hold).
enum SameFieldCheck {
    static func require(_ same: [String], in records: some Sequence<Postulate>, source: String) throws {
        guard !same.isEmpty else { return }
        let (absent, seen) = SameFields(same).absent(in: records)
        guard let first = absent.first else { return }
        let shown = seen.prefix(40).joined(separator: ", ") + (seen.count > 40 ? ", …" : "")
        throw ToolError(tr("\(source): --same \(first): żaden rekord nie ma pola „\(first)” (pola w danych: \(shown))",
                           "\(source): --same \(first): no record has the field \"\(first)\" (fields in the data: \(shown))"))
    }
}
