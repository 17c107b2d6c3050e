/// The few sentences at the top of the report: what an analyst would say first after reading the tables. Plain
/// text (renderers escape it), computed only from `ReportAnalysis`.
struct SummaryFacts {
    let a: ReportAnalysis

    init(_ a: ReportAnalysis) { self.a = a }

    func lines() -> [String] {
        let s = a.strings, f = a.format, pl = a.language == .pl
        var out = [s.summaryLine(postulates: a.data.postulates.count, organisations: a.namedOrganisationCount, years: a.years, f: f)]
        if let last = a.years.indices.last, !a.themes.isEmpty {
            let y = a.years[last]
            let top = a.themes.indices.max { l, r in
                a.themeYearCounts[l][last] != a.themeYearCounts[r][last] ? a.themeYearCounts[l][last] < a.themeYearCounts[r][last] : l > r
            }!
            if a.themeYearCounts[top][last] > 0 {
                let label = a.themes[top].label(a.language)
                let c = s.postulatesCount(a.themeYearCounts[top][last], f), sh = f.percent(a.share(theme: top, year: last))
                out.append(pl ? "Najczęstszy temat w \(y) r.: \(label) — \(c), \(sh) postulatów tego roku."
                              : "Most frequent theme in \(y): \(label) — \(c), \(sh) of that year's postulates.")
            }
            if last > 0 {
                let prev = a.years[last - 1]
                let rise = a.themes.indices.max { l, r in
                    let dl = a.share(theme: l, year: last) - a.share(theme: l, year: last - 1)
                    let dr = a.share(theme: r, year: last) - a.share(theme: r, year: last - 1)
                    return dl != dr ? dl < dr : l > r
                }!
                let dp = (a.share(theme: rise, year: last) - a.share(theme: rise, year: last - 1)) * 100
                if dp >= 0.05 {
                    let label = a.themes[rise].label(a.language)
                    out.append(pl ? "Największy wzrost udziału wobec \(prev) r.: \(label) (\(f.signedPoints(dp)))."
                                  : "Largest rise in share against \(prev): \(label) (\(f.signedPoints(dp))).")
                }
            }
        }
        if a.data.clustersAvailable {
            let n = a.recurring.count
            out.append(pl ? "Postulaty powracające: \(f.integer(n)) \(s.polishPlural(n, one: "grupa", few: "grupy", many: "grup")) zgłaszanych w więcej niż jednym roku."
                          : "Recurring demands: \(f.integer(n)) \(n == 1 ? "group" : "groups") filed in more than one year.")
        }
        var stanceCounts: [String: Int] = [:]
        for st in a.shownStance { stanceCounts[st, default: 0] += 1 }
        let answered = a.shownStance.count - (stanceCounts[Stance.none] ?? 0)
        if answered > 0 {
            let parts = a.stanceCodes.compactMap { code -> String? in
                let c = stanceCounts[code] ?? 0
                return c == 0 ? nil : "\(s.stanceLabel(code)) \(f.percent(Double(c) / Double(answered)))"
            }
            out.append((pl ? "Stanowiska miasta (\(f.integer(answered)) odpowiedzi): " : "The city's stances (\(f.integer(answered)) responses): ")
                       + parts.joined(separator: ", ") + ".")
        }
        let none = a.noTheme.count, total = a.data.postulates.count
        if total > 0 {
            out.append(pl ? "Bez tematu: \(s.postulatesCount(none, f)) (\(f.percent(Double(none) / Double(total)))) — lista do przejrzenia w rozdziale 7."
                          : "No theme: \(s.postulatesCount(none, f)) (\(f.percent(Double(none) / Double(total)))) — listed for review in section 7.")
        }
        return out
    }
}
