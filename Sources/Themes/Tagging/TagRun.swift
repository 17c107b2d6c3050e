import Corpus

/// The tagging loop shared by `postulaty tag` and the service's `POST /api/tag`: every record of the input is
/// tagged and its output row handed on; a record that cannot be read goes to `bad` (with its file and line) and the
/// rest go on. Why one loop: the two must write the same records and fields in the same format.
public enum TagRun {
    /// Returns how many records were tagged. `flush` (a CSV header when there was no row) is the caller's, after
    /// it has decided what an input without any good record means.
    @discardableResult
    public static func run(_ input: TagInput, tagger: Tagger, writer: inout TagOutputWriter,
                           bad: (TagInputError) -> Void, tagged: (Int) -> Void = { _ in },
                           emit: ([UInt8]) throws -> Void) rethrows -> Int {
        var count = 0
        while let item = input.next() {
            switch item {
            case .failure(let error):
                bad(error)
            case .success(let rec):
                try emit(tagger.withTag(rec.record) { writer.row(rec, prediction: $0, csvHeader: input.csvHeader) })
                count += 1
                tagged(count)
            }
        }
        return count
    }
}
