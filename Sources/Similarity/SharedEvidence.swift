/// Two texts that share only common words are not shown to be one demand: "Remont chodników" filed twice in a
/// city, "Plac zabaw" and "Uzupełnienie placu zabaw", "Budowa ścieżki rowerowej" and the same "wzdłuż ul. Andersa"
/// have a high cosine, since short texts made of common words have little else, yet on real participatory-budget
/// data such pairs are mostly the same *kind* of project in different places. What a pair shares is measured as the
/// sum of the idf of its shared terms, against `enough`: the idf a term found in no indexed document gets (the most
/// one term can tell, ln(1 + n) + 1 for n documents). A pair sharing less is lowered by the square of the ratio:
/// two common terms (idf ≈ 3.5 each among 22,000 titles: "remont", "chodnik") keep about a quarter of their score,
/// a rare name and a common word ("Michałowskiego", "chodnik": ≈ 12.5) keep all of it.
/// `dedupe` applies it (after `NameMismatch`; it only lowers scores, so the join stays exact): dedupe decides with
/// one absolute threshold whether two records are one demand, which is where generic titles do harm. `similar`
/// does not: it ranks candidates for a reader, shows the shared terms, and its scores stay the cosine (lowered only
/// by `NameMismatch`). On the judged real pairs (Benchmarks/RESULTS.md, issue 15) it unpairs about a fifth of the
/// non-duplicates paired at 0.5 and no resubmission; on the authored corpus, whose postulates are paragraphs, it
/// removes one non-gold pair at 0.20 and nothing else.
public enum SharedEvidence {
    /// The evidence that counts in full: the idf of a term unknown to `documents` documents.
    public static func enough(documents n: Int) -> Double {
        TermWeighting.idf(documentFrequency: 0, documents: n)
    }

    /// The factor for a pair whose shared terms' idf add up to `sharedIDF`.
    public static func factor(sharedIDF: Double, documents n: Int) -> Double {
        let r = sharedIDF / enough(documents: n)
        return r >= 1 ? 1 : r * r
    }
}
