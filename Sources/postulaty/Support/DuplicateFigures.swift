import Corpus
import Similarity

/// The duplicate figures as `dedupe --gold` and `eval --store` print them: a `dedupe` run scored against the
/// authored groups and against the staff's reviewed `same_as` links, each under its own heading, with the counts
/// the figures come from (rules in `DuplicateGold` and docs/store.md).
enum DuplicateFigures {
    /// The section for one run: `authored` and `reviewed` are scored against the same run, or each against its own.
    static func text(threshold: Double, authored: (gold: DuplicateGold, score: DuplicateScore)?,
                     reviewed: (gold: DuplicateGold, score: DuplicateScore)?, reviewedSource: String) -> String {
        var s = tr("duplikaty: pary dedupe (próg \(threshold)) wobec par wzorcowych\n",
                   "duplicates: dedupe's pairs (threshold \(threshold)) against the gold pairs\n")
        if let (gold, score) = authored, !gold.pairs.isEmpty {
            s += tr("autorskie grupy (pole group): ", "authored groups (group field): ")
                + counted(gold.sources, pl: ("grupa", "grupy", "grup"), en: ("group", "groups")) + "\n"
            s += counts(score)
        } else {
            s += tr("autorskie grupy (pole group): brak\n", "authored groups (group field): none\n")
        }
        let title = tr("zrecenzowane powiązania same_as (prawdziwe postulaty, \(reviewedSource)): ",
                       "reviewed same_as links (real postulates, \(reviewedSource)): ")
        if let (gold, score) = reviewed, let judged = gold.judgedCount, judged > 0 {
            s += title + counted(gold.sources, pl: ("powiązanie", "powiązania", "powiązań"), en: ("link", "links")) + ", "
                + counted(judged, pl: ("zrecenzowany postulat", "zrecenzowane postulaty", "zrecenzowanych postulatów"),
                          en: ("reviewed postulate", "reviewed postulates")) + "\n"
            if gold.absentLinks > 0 {
                s += tr("  powiązania z postulatami spoza danych (pominięte): \(gold.absentLinks)\n",
                        "  links to postulates not in the data (ignored): \(gold.absentLinks)\n")
            }
            s += counts(score)
        } else {
            s += title + tr("brak zrecenzowanych postulatów\n", "no reviewed postulates\n")
        }
        return s
    }

    private static func counts(_ r: DuplicateScore) -> String {
        var s = tr("  pary wzorcowe \(r.goldPairs): znalezione \(r.found), pominięte \(r.missed)\n",
                   "  gold pairs \(r.goldPairs): found \(r.found), missed \(r.missed)\n")
        s += tr("  ocenione pary dedupe \(r.correct + r.spurious): trafne \(r.correct), fałszywe \(r.spurious)",
                "  judged dedupe pairs \(r.correct + r.spurious): right \(r.correct), spurious \(r.spurious)")
        s += r.unjudged > 0 ? tr(" (nieocenione: \(r.unjudged))\n", " (not judged: \(r.unjudged))\n") : "\n"
        func figure(_ v: Double?) -> String { v.map(fixed3) ?? "—" }
        s += "  P \(figure(r.precision))  R \(figure(r.recall))  F1 \(figure(r.f1))\n"
        return s
    }
}
