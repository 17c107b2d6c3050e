/// Renders the report as Markdown with the same sections, tables and lists as the HTML; the charts are the .svg
/// files written beside it. Every string from the data is escaped with `Escape.markdown`.
struct MarkdownRenderer {
    let a: ReportAnalysis
    let tables: [ReportTable]
    var s: ReportStrings { a.strings }
    var f: NumberFormat { a.format }
    var ps: [ReportPostulate] { a.data.postulates }

    func m(_ x: String) -> String { Escape.markdown(x) }

    func render() -> String {
        var o = "# \(m(s.title)): \(m(a.data.title ?? a.data.name))\n\n"
        o += m(s.summaryLine(postulates: ps.count, organisations: a.organisations.count, years: a.years, f: f))
        if a.unknownYearCount > 0 { o += " \(m(s.unknownYear)): \(m(f.integer(a.unknownYearCount)))." }
        if let r = a.data.yearFilter { o += " " + m(s.yearFilter(r)) }
        o += " " + m(s.sourcesOfLabels(themes: a.data.themeSource, stances: a.data.stanceSource)) + "\n"
        if !a.data.sources.isEmpty { o += "\n\(m(s.sources)): " + a.data.sources.map(m).joined(separator: ", ") + "\n" }

        o += section(0)
        for line in SummaryFacts(a).lines() { o += "- \(m(line))\n" }

        o += themesByYear()
        o += themesByOrganisation()
        o += themeDetails()
        o += recurring()
        o += answers()
        o += quality()
        o += section(7) + m(s.dataIntro(a.csv)) + "\n\n"
        for t in tables { o += "- [\(m(t.file))](\(t.file)) — \(m(a.language == .pl ? t.pl : t.en))\n" }
        o += "- [columns.md](columns.md) — \(m(s.columnsFile))\n"
        return o
    }

    func section(_ k: Int) -> String {
        let titles = [s.summary, s.sThemesByYear, s.sThemesByOrg, s.sThemeDetails, s.sRecurring, s.sAnswers, s.sQuality, s.sData]
        return "\n## \(k + 1). \(m(titles[k]))\n\n"
    }

    func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |\n" }

    func header(_ cells: [String], numeric: Set<Int> = []) -> String {
        row(cells) + "|" + cells.indices.map { numeric.contains($0) ? "---:" : "---" }.joined(separator: "|") + "|\n"
    }

    func dataLink(_ file: String) -> String { "\n\(m(s.csvLink)): [\(m(file))](\(file))\n" }

    func themesByYear() -> String {
        var o = section(1) + m(s.themesByYearIntro) + "\n\n"
        if a.years.isEmpty { return o + m(s.noneFound) + "\n" }
        o += "![\(m(s.sThemesByYear))](themes_by_year.svg)\n\n" + m(s.cellLegend) + "\n\n"
        o += header([m(s.theme)] + a.years.map(String.init), numeric: Set(1...a.years.count))
        for (ti, t) in a.themes.enumerated() {
            var cells = [m(t.label(a.language))]
            for yi in a.years.indices {
                var c = "\(f.integer(a.themeYearCounts[ti][yi])) · \(f.percent(a.share(theme: ti, year: yi)))"
                if yi > 0 {
                    let dc = a.themeYearCounts[ti][yi] - a.themeYearCounts[ti][yi - 1]
                    let dp = (a.share(theme: ti, year: yi) - a.share(theme: ti, year: yi - 1)) * 100
                    c += " · \(f.signedInteger(dc)); \(f.signedPoints(dp))"
                }
                cells.append(m(c))
            }
            o += row(cells)
        }
        o += row(["**\(m(s.postulatesInYear))**"] + a.yearTotals.map { "**\(m(f.integer($0)))**" })
        return o + dataLink("themes_by_year.csv")
    }

    func themesByOrganisation() -> String {
        var o = section(2) + m(s.themesByOrgIntro) + "\n\n"
        let shown = a.organisations.prefix(a.limits.organisations)
        o += header([m(s.organisation), m(s.postulates)] + a.themes.map { m($0.label(a.language)) } + [m(s.noTheme)],
                    numeric: Set(1...(a.themes.count + 2)))
        for org in shown {
            o += row([m(org.name.isEmpty ? "—" : org.name), m(f.integer(org.total))] + (org.perTheme + [org.noTheme]).map { $0 == 0 ? "·" : m(f.integer($0)) })
        }
        if a.organisations.count > shown.count {
            let rest = a.organisations.dropFirst(shown.count)
            var per = [Int](repeating: 0, count: a.themes.count + 1)
            for org in rest { for i in a.themes.indices { per[i] += org.perTheme[i] }; per[a.themes.count] += org.noTheme }
            o += row(["*\(m(s.othersRow(rest.count, f)))*", m(f.integer(rest.reduce(0) { $0 + $1.total }))] + per.map { m(f.integer($0)) })
        }
        o += row(["**\(m(s.total))**", "**\(m(f.integer(ps.count)))**"] + (a.themeTotals + [a.noTheme.count]).map { "**\(m(f.integer($0)))**" })
        if a.organisations.count > shown.count {
            o += "\n" + m(s.truncatedNote(shown.count, of: a.organisations.count, file: "themes_by_organisation.csv", f)) + "\n"
        }
        return o + dataLink("themes_by_organisation.csv")
    }

    func postulateTable(_ rows: [Int]) -> String {
        var o = header([m(s.year), m(s.organisation), m(s.postulate), m(s.response)])
        for i in rows {
            let p = ps[i]
            o += row([p.year.map(String.init) ?? "—", m(p.organisation),
                      m(Escape.shortened(p.text, limit: a.limits.textCharacters)) + " (" + m(p.id) + ")",
                      stanceCell(i) + " " + m(Escape.shortened(p.response, limit: a.limits.responseCharacters))])
        }
        return o
    }

    /// The shown stance in bold, and the analyst's where it differs from the model's.
    func stanceCell(_ i: Int) -> String {
        var o = "**\(m(s.stanceLabel(a.shownStance[i])))**"
        if let g = a.differingAnalystStance(i) { o += " (\(m(s.analystSaid(s.stanceLabel(g)))))" }
        return o
    }

    func themeDetails() -> String {
        var o = section(3) + m(a.data.themeSource == .model ? s.themeSourceModelNote : s.themeSourceGoldNote) + "\n"
        for (ti, t) in a.themes.enumerated() {
            let share = ps.isEmpty ? 0 : Double(a.themeTotals[ti]) / Double(ps.count)
            o += "\n### \(m(s.themeHeading(t.label(a.language), count: a.themeTotals[ti], share: share, f: f)))\n\n"
            let terms = (a.data.characteristicTerms[t.code] ?? []).prefix(a.limits.characteristicTerms)
            o += "**\(m(s.characteristicTerms)):** " + (terms.isEmpty ? m(s.noTerms) : terms.map { m($0.term) }.joined(separator: " · ")) + "\n"
            if !a.representatives[ti].isEmpty {
                o += "\n**\(m(s.representative)):**\n\n"
                for i in a.representatives[ti] {
                    let p = ps[i]
                    o += "> \(m(p.text))\n>\n> — \(m(p.organisation))\(p.year.map { ", \($0)" } ?? "") (\(m(p.id)))\n>\n"
                    o += "> \(stanceCell(i)): \(m(Escape.shortened(p.response, limit: a.limits.responseCharacters * 2)))\n\n"
                }
            }
            let members = a.themeMembers[ti]
            if !members.isEmpty {
                o += "\n**\(m(s.allOfTheme)) (\(m(f.integer(members.count)))):**\n\n"
                o += postulateTable(Array(members.prefix(a.limits.postulatesPerTheme)))
                if members.count > a.limits.postulatesPerTheme {
                    o += "\n" + m(s.truncatedNote(a.limits.postulatesPerTheme, of: members.count, file: "theme_postulates.csv", f)) + "\n"
                }
            }
        }
        return o + dataLink("theme_postulates.csv") + dataLink("characteristic_terms.csv")
    }

    func recurring() -> String {
        var o = section(4) + m(s.recurringIntro) + "\n"
        if !a.data.clustersAvailable { return o + "\n" + m(s.recurringUnavailable) + "\n" }
        if a.recurring.isEmpty { return o + "\n" + m(s.recurringNone) + "\n" }
        for (ci, c) in a.recurring.prefix(a.limits.clusters).enumerated() {
            o += "\n### \(m(s.recurringTitle(ci + 1, years: c.years, orgs: c.organisations.count, f: f)))\n\n"
            o += postulateTable(c.members)
        }
        if a.recurring.count > a.limits.clusters {
            o += "\n" + m(s.truncatedNote(a.limits.clusters, of: a.recurring.count, file: "recurring_demands.csv", f)) + "\n"
        }
        return o + dataLink("recurring_demands.csv")
    }

    func stanceTable(_ rowHeader: String, _ rows: [String], _ counts: [[Int]]) -> String {
        var o = header([m(rowHeader)] + a.stances.map { m(s.stanceLabel($0)) } + [m(s.total)], numeric: Set(1...(a.stances.count + 1)))
        for (ri, r) in rows.enumerated() {
            let total = counts[ri].reduce(0, +)
            o += row([m(r)] + counts[ri].map { m("\(f.integer($0)) (\(f.percent(total == 0 ? 0 : Double($0) / Double(total))))") } + ["**\(m(f.integer(total)))**"])
        }
        return o
    }

    func answers() -> String {
        var o = section(5) + m(a.data.stanceSource == .model ? s.answersIntro : s.answersIntroGold) + "\n"
        o += "\n### \(m(s.stanceByTheme))\n\n![\(m(s.stanceByTheme))](stance_by_theme.svg)\n\n"
        o += stanceTable(s.theme, a.themes.map { $0.label(a.language) }, a.stanceByTheme) + dataLink("stance_by_theme.csv")
        o += "\n### \(m(s.stanceByYear))\n\n![\(m(s.stanceByYear))](stance_by_year.svg)\n\n"
        o += stanceTable(s.year, a.years.map(String.init), a.stanceByYear) + dataLink("stance_by_year.csv")
        if a.stanceLabelled > 0 {
            o += "\n### \(m(s.stanceConfusion))\n\n\(m(s.agreement(a.stanceAgreed, of: a.stanceLabelled, f))) \(m(s.trainedOnSameData))\n\n"
            if let v = a.data.stanceValidation { o += m(s.crossValidated(v, names: s.stanceLabel, f)) + "\n\n" }
            let codes = a.stanceCodes
            o += header([m("\(s.rowsGold) / \(s.colsModel)")] + codes.map { m(s.stanceLabel($0)) }, numeric: Set(1...codes.count))
            for (gi, g) in codes.enumerated() {
                o += row([m(s.stanceLabel(g))] + codes.indices.map { mi in
                    let v = a.stanceConfusion[gi][mi]
                    let t = v == 0 ? "·" : m(f.integer(v))
                    return gi == mi && v > 0 ? "**\(t)**" : t
                })
            }
            o += dataLink("stance_confusion.csv")
        }
        return o
    }

    func quality() -> String {
        var o = section(6) + "### \(m(s.noThemeList)) (\(m(f.integer(a.noTheme.count))))\n\n\(m(s.noThemeIntro))\n\n"
        if a.noTheme.isEmpty { o += m(s.noneFound) + "\n" } else {
            o += postulateTable(Array(a.noTheme.prefix(a.limits.noTheme)))
            if a.noTheme.count > a.limits.noTheme {
                o += "\n" + m(s.truncatedNote(a.limits.noTheme, of: a.noTheme.count, file: "no_theme.csv", f)) + "\n"
            }
        }
        o += dataLink("no_theme.csv")
        o += "\n### \(m(s.themeAgreement))\n\n"
        if a.themeLabelled == 0 {
            o += m(a.data.themeSource == .model ? s.noGold : s.themeSourceGoldNote) + "\n"
        } else {
            o += m(s.trainedOnSameData) + "\n\n"
            if let v = a.data.themeValidation { o += m(s.crossValidated(v, names: { a.label(ofTheme: $0, a.language) }, f)) + "\n\n" }
            o += header([m(s.theme), m(s.analyst), m(s.model), m(s.agreed), m(s.precision), m(s.recall)], numeric: [1, 2, 3, 4, 5])
            for (ti, t) in a.themes.enumerated() {
                let x = a.themeAgreement[ti]
                o += row([m(t.label(a.language)), m(f.integer(x.analyst)), m(f.integer(x.model)), m(f.integer(x.both)),
                          x.model == 0 ? "—" : m(f.percent(Double(x.both) / Double(x.model))),
                          x.analyst == 0 ? "—" : m(f.percent(Double(x.both) / Double(x.analyst)))])
            }
            o += dataLink("theme_agreement.csv")
            o += "\n### \(m(s.themeDisagreements)) (\(m(f.integer(a.themeDisagreements.count))))\n\n"
            if a.themeDisagreements.isEmpty { o += m(s.noneFound) + "\n" } else {
                o += header([m(s.id), m(s.postulate), m(s.analyst), m(s.model)])
                for i in a.themeDisagreements.prefix(a.limits.disagreements) {
                    let p = ps[i]
                    let goldSet = Set(p.goldThemes ?? [])
                    let gold = a.themes.map(\.code).filter { goldSet.contains($0) }
                    func labels(_ c: [String]) -> String { c.isEmpty ? "*\(m(s.noTheme))*" : c.map { m(a.label(ofTheme: $0, a.language)) }.joined(separator: ", ") }
                    o += row([m(p.id), m(Escape.shortened(p.text, limit: a.limits.textCharacters)), labels(gold), labels(a.shownThemes(i))])
                }
                if a.themeDisagreements.count > a.limits.disagreements {
                    o += "\n" + m(s.truncatedNote(a.limits.disagreements, of: a.themeDisagreements.count, file: "theme_disagreements.csv", f)) + "\n"
                }
                o += dataLink("theme_disagreements.csv")
            }
        }
        if a.stanceLabelled > 0 {
            o += "\n### \(m(s.stanceDisagreements)) (\(m(f.integer(a.stanceDisagreements.count))))\n\n"
            if a.stanceDisagreements.isEmpty { o += m(s.noneFound) + "\n" } else {
                o += header([m(s.id), m(s.response), m(s.analyst), m(s.model)])
                for i in a.stanceDisagreements.prefix(a.limits.disagreements) {
                    let p = ps[i]
                    o += row([m(p.id), m(Escape.shortened(p.response, limit: a.limits.textCharacters)),
                              m(s.stanceLabel(p.goldStance ?? Stance.none)), m(s.stanceLabel(p.predictedStance ?? Stance.none))])
                }
                if a.stanceDisagreements.count > a.limits.disagreements {
                    o += "\n" + m(s.truncatedNote(a.limits.disagreements, of: a.stanceDisagreements.count, file: "stance_disagreements.csv", f)) + "\n"
                }
                o += dataLink("stance_disagreements.csv")
            }
        }
        return o
    }
}
