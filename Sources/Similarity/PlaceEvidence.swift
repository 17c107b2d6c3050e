/// Two more signs, read from names and places, that a pair is one template filed for two places rather than one
/// demand filed again; `dedupe` applies them (through `PairEvidence`) beside `NameMismatch` and `SharedEvidence`.
///
/// * **Names that mostly differ.** `NameMismatch` lowers a pair whose names are disjoint. A template often carries
///   names of its own that both sides share ("ZAJĘCIA SPORTOWE … Nordic Walking - Oliwa" and "… - Wrzeszcz Dolny",
///   "Aktywne Piątkowo" and "Aktywne Naramowice", one PCK street's pavement between two other streets each time),
///   so the places differ while the names are not disjoint. Such a pair is lowered like a name mismatch
///   (`NameMismatch.penalty`) when each side has a name the other lacks and the shared names carry less than
///   `sharedNameShare` of the idf of all the names either side holds. A resubmission that adds or drops one place of
///   several keeps most of its names' weight shared ("Gajowice, Maślice, Ołbin i Zakrzów" and "Ołbin, Gajowice,
///   Pawłowice i Zakrzów").
/// * **A place on one side only.** One side names a place (a name or an identifier in its text, or a known value of a
///   place field it is blocked on) and the other names none: "Budowa ścieżki rowerowej wzdłuż ul. Andersa" and
///   "Budowa ścieżki rowerowej", "Wymiana nawierzchni chodników [przy ul. Gałczyńskiego]", a district-less generic
///   title and a district's own project. The judging guide (Benchmarks/real/README.md) calls such a pair the same
///   demand only when the rest is word for word the same and specific, so the pair needs more than the usual score:
///   it is multiplied by `oneSided`; a near-identical long title still passes. The `city` field does not place a
///   record (it is the whole area every record of a block shares); `district` and other `--same` fields do.
///
/// Both are on only under blocking on a place field (`--same district`, the report's default places on data that has
/// them): the user's blocking says places tell demands apart there, and a known district places a record whose
/// text names none. Without it (`Corpora/`, whose paraphrases of one demand often name a district on one side only)
/// nothing changes.
/// Chosen on half of the cities of the judged real pairs (Bydgoszcz, Gdańsk, Katowice, Wrocław) among
/// `oneSided` 1, 0.8, 0.75, 0.7, 0.65, 0.6 and `sharedNameShare` 0, 0.3, 0.4, 0.5 at the default threshold: the
/// gentlest pair reaching the fewest non-duplicates without losing a resubmission there; checked on the other half
/// and on fresh samples (Benchmarks/RESULTS.md, issue 15, "Sixth round"). Only lowers scores, so the join stays exact.
public enum PlaceEvidence {
    /// The share of the names' idf the shared names must carry when each side has a name of its own.
    public static let sharedNameShare = 0.4
    /// The factor for a pair whose place is named on one side only.
    public static let oneSided = 0.7

    /// The names factor as stated: `NameMismatch.penalty` when each side has a name the other lacks and the
    /// shared names' idf is below `sharedNameShare` of the idf of the union (disjoint names included).
    static func namesFactor(_ a: Set<String>, _ b: Set<String>, idf: (String) -> Double) -> Double {
        let shared = a.intersection(b)
        guard shared.count < a.count, shared.count < b.count else { return 1 }
        let sharedIDF = shared.sorted().reduce(0.0) { $0 + idf($1) }
        let allIDF = a.union(b).sorted().reduce(0.0) { $0 + idf($1) }
        return sharedIDF < sharedNameShare * allIDF ? NameMismatch.penalty : 1
    }

    /// The one-sided factor as stated, from whether each side is placed.
    static func placeFactor(_ a: Bool, _ b: Bool) -> Double { a == b ? 1 : oneSided }
}
