import PolishText

/// Two postulates that differ only in a place name or an identifying number are not the same demand ("Zakup
/// nowości dla Filii nr 9" and "… nr 33"; one game "na Obłużu" and "na Dąbrowie"). Their cosine is still high,
/// since everything else is shared, so the score is lowered when they name different things:
///
/// * names (`TermKind.name`): both postulates name something and they share no name;
/// * identifiers (`TermKind.identifier`, years excepted, as they drift between resubmissions): both carry one and
///   they share no value ("SP 114" and "Szkoła Podstawowa nr 114" share 114; "nr 9" and "nr 33" share nothing).
///
/// Each mismatch multiplies the cosine by `penalty` (0.5): one mismatch takes a pair at 0.97 below the default
/// threshold of 0.5 only together with the lower cosine the differing terms already cause; both take any pair
/// below 0.25. A postulate that names nothing (or only one side does) is never penalised: a resubmission may drop
/// or add the place. Scores only go down, so the index's top-k and the join stay exact (`SimilarityIndex.topSlots`,
/// `RecurringDemands`).
public enum NameMismatch {
    public static let penalty = 0.5

    /// The names and identifiers of one side, as features.
    struct Marks {
        var names: [String] = []
        var identifiers: [String] = []
        var isEmpty: Bool { names.isEmpty && identifiers.isEmpty }

        mutating func add(_ feature: String) {
            switch TermKind.of(feature) {
            case .name: names.append(feature)
            case .identifier: if !TermKind.isYear(feature) { identifiers.append(feature) }
            case .word: break
            }
        }
    }

    /// The factor for a pair and, when below 1, the differing names and identifiers of each side.
    struct Outcome {
        var factor = 1.0
        var query: [String] = []
        var postulate: [String] = []
    }

    static func compare(_ a: Marks, _ b: Marks) -> Outcome {
        var out = Outcome()
        if !a.names.isEmpty, !b.names.isEmpty, Set(a.names).isDisjoint(with: b.names) {
            out.factor *= penalty
            out.query += a.names.sorted(); out.postulate += b.names.sorted()
        }
        let av = Set(a.identifiers.compactMap { TermKind.identifierParts($0).map { String($0.value) } })
        let bv = Set(b.identifiers.compactMap { TermKind.identifierParts($0).map { String($0.value) } })
        if !av.isEmpty, !bv.isEmpty, av.isDisjoint(with: bv) {
            out.factor *= penalty
            out.query += a.identifiers.sorted(); out.postulate += b.identifiers.sorted()
        }
        return out
    }
}
