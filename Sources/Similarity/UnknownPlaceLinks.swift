/// A record whose place is unknown belongs to one place at most: it keeps only its links to the place it resembles
/// most, and none when two places resemble it equally.
///
/// Blocking (`SameFields`) lets a record with an unknown value — a district missing in one year's export, "local"
/// — pair with records of any district, so a resubmission filed once without its district is still found. The
/// same openness pairs a multi-district template filed once without a district ("Nasz sportowy fyrtel", a course
/// run in every district) with the template's filing in *every* district, at equal scores: a record cannot be the
/// earlier filing of two districts' projects, and nothing in its text says which. So, per `--same` field, a link
/// between a record of unknown value and a record of known value V stays only when it scores strictly higher than
/// every link of the unknown record to a record of another known value (the best such link is the record's place);
/// links to records of unknown value are not affected. Measured on the judged real pairs (Benchmarks/RESULTS.md,
/// issue 15): at 0.5 it unpairs a quarter of the non-duplicates still paired and no resubmission.
/// Only pairs that reached the threshold are looked at (what `dedupe` returns), and links are only removed, so the
/// result depends on the scores alone, not on the order of the pairs or the number of threads.
public enum UnknownPlaceLinks {
    /// `pairs` without the ambiguous links; `blocks[row][field]` is the value id of a `--same` field (-1 unknown).
    public static func resolve(_ pairs: [DuplicatePair], blocks: [[Int32]]) -> [DuplicatePair] {
        guard let fields = blocks.first?.count, fields > 0, !pairs.isEmpty else { return pairs }
        // Per (row, field) of an unknown row: its best link to a known value and the best to any other value.
        struct Best { var value: Int32 = -1; var score = -Double.infinity; var other = -Double.infinity }
        var best: [Int: [Best]] = [:]
        func note(_ x: Int, _ y: Int, _ score: Double) {
            guard blocks[x].contains(where: { $0 < 0 }) else { return }
            var b = best[x] ?? [Best](repeating: Best(), count: fields)
            for f in 0..<fields where blocks[x][f] < 0 && blocks[y][f] >= 0 {
                let v = blocks[y][f]
                if v == b[f].value { b[f].score = max(b[f].score, score) }
                else if score > b[f].score { b[f].other = b[f].score; b[f].value = v; b[f].score = score }
                else { b[f].other = max(b[f].other, score) }
            }
            best[x] = b
        }
        for p in pairs { note(p.a, p.b, p.score); note(p.b, p.a, p.score) }
        /// Whether x (unknown in some field) has a link to another known value scoring at least `score`.
        func ambiguous(_ x: Int, _ y: Int, _ score: Double) -> Bool {
            guard let b = best[x] else { return false }
            for f in 0..<fields where blocks[x][f] < 0 && blocks[y][f] >= 0 {
                let rival = blocks[y][f] == b[f].value ? b[f].other : b[f].score
                if rival >= score { return true }
            }
            return false
        }
        return pairs.filter { !ambiguous($0.a, $0.b, $0.score) && !ambiguous($0.b, $0.a, $0.score) }
    }
}
