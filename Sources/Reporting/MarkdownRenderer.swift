/// Renders the report as Markdown with the same sections, tables and lists as the HTML; the charts are the .svg
/// files written beside it. Every string from the data is escaped with `Escape.markdown`.
struct MarkdownRenderer {
    let analysis: ReportAnalysis
    let tables: [ReportTable]
    var strings: ReportStrings { analysis.strings }
    var format: NumberFormat { analysis.format }
    var postulates: [ReportPostulate] { analysis.data.postulates }

    func escaped(_ x: String) -> String { Escape.markdown(x) }

    func render() -> String {
        var out = "# \(escaped(strings.heading(analysis.data.subject)))\n\n"
        out += escaped(strings.summaryLine(postulates: postulates.count, organisations: analysis.namedOrganisationCount, years: analysis.years, f: format))
        if analysis.unknownYearCount > 0 { out += " \(escaped(strings.unknownYear)): \(escaped(format.integer(analysis.unknownYearCount)))." }
        if let r = analysis.data.yearFilter { out += " " + escaped(strings.yearFilter(r)) }
        out += " " + escaped(strings.sourcesOfLabels(themes: analysis.data.themeSource, stances: analysis.hasResponses ? analysis.data.stanceSource : nil,
                                                  reviewed: analysis.reviewedCount)) + "\n"
        if !analysis.data.sources.isEmpty { out += "\n\(escaped(strings.sources)): " + analysis.data.sources.map(escaped).joined(separator: ", ") + "\n" }

        out += heading(.summary)
        for line in SummaryFacts(analysis).lines() { out += "- \(escaped(line))\n" }

        out += themesByYear()
        out += themesByOrganisation()
        out += themeDetails()
        out += recurring()
        out += answers()
        out += quality()
        out += heading(.data) + escaped(strings.dataIntro(analysis.csv)) + "\n\n"
        for t in tables { out += "- [\(escaped(t.file))](\(t.file)) — \(escaped(analysis.language == .pl ? t.pl : t.en))\n" }
        out += "- [columns.md](columns.md) — \(escaped(strings.columnsFile))\n"
        return out
    }

    /// A section's numbered heading.
    func heading(_ section: ReportSection) -> String {
        "\n## \(section.number). \(escaped(section.title(strings)))\n\n"
    }

    func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |\n" }

    func header(_ cells: [String], numeric: Set<Int> = []) -> String {
        row(cells) + "|" + cells.indices.map { numeric.contains($0) ? "---:" : "---" }.joined(separator: "|") + "|\n"
    }

    func dataLink(_ file: ReportCSVFile) -> String { "\n\(escaped(strings.csvLink)): [\(escaped(file.name))](\(file.name))\n" }

    func themesByYear() -> String {
        var out = heading(.themesByYear) + escaped(strings.themesByYearIntro) + "\n\n"
        if analysis.years.isEmpty { return out + escaped(strings.noneFound) + "\n" }
        out += "![\(escaped(strings.sThemesByYear))](themes_by_year.svg)\n\n" + escaped(strings.cellLegend) + "\n\n"
        out += header([escaped(strings.theme)] + analysis.years.map(String.init), numeric: Set(1...analysis.years.count))
        for (ti, t) in analysis.themes.enumerated() {
            var cells = [escaped(t.label(analysis.language))]
            for yi in analysis.years.indices {
                var c = "\(format.integer(analysis.themeYearCounts[ti][yi])) · \(format.percent(analysis.share(theme: ti, year: yi)))"
                if yi > 0 {
                    let dc = analysis.themeYearCounts[ti][yi] - analysis.themeYearCounts[ti][yi - 1]
                    let dp = (analysis.share(theme: ti, year: yi) - analysis.share(theme: ti, year: yi - 1)) * 100
                    c += " · \(format.signedInteger(dc)); \(format.signedPoints(dp))"
                }
                cells.append(escaped(c))
            }
            out += row(cells)
        }
        out += row(["**\(escaped(strings.postulatesInYear))**"] + analysis.yearTotals.map { "**\(escaped(format.integer($0)))**" })
        return out + dataLink(.themesByYear)
    }

    func themesByOrganisation() -> String {
        var out = heading(.themesByOrganisation)
        if !analysis.hasOrganisations { return out + escaped(strings.noOrganisations) + "\n" }
        out += escaped(strings.themesByOrgIntro) + "\n\n"
        let shown = analysis.shownOrganisations
        out += header([escaped(strings.organisation), escaped(strings.postulates)] + analysis.themes.map { escaped($0.label(analysis.language)) } + [escaped(strings.noTheme)],
                    numeric: Set(1...(analysis.themes.count + 2)))
        for org in shown {
            out += row([escaped(org.name.isEmpty ? "—" : org.name), escaped(format.integer(org.total))] + (org.perTheme + [org.noTheme]).map { $0 == 0 ? "·" : escaped(format.integer($0)) })
        }
        if let (count, rest) = analysis.otherOrganisations {
            out += row(["*\(escaped(strings.othersRow(count, format)))*", escaped(format.integer(rest.total))]
                       + (rest.perTheme + [rest.noTheme]).map { escaped(format.integer($0)) })
        }
        out += row(["**\(escaped(strings.total))**", "**\(escaped(format.integer(postulates.count)))**"] + (analysis.themeTotals + [analysis.noTheme.count]).map { "**\(escaped(format.integer($0)))**" })
        if analysis.organisations.count > shown.count {
            out += "\n" + escaped(strings.truncatedNote(shown.count, of: analysis.organisations.count, file: ReportCSVFile.themesByOrganisation.name, format)) + "\n"
        }
        return out + dataLink(.themesByOrganisation)
    }

    /// Year | organisation | postulate | response; the organisation and response columns only when some record
    /// has one (a column of blanks says nothing).
    func postulateTable(_ rows: [Int]) -> String {
        let orgs = analysis.hasOrganisations, responses = analysis.hasResponses
        var head = [escaped(strings.year)]
        if orgs { head.append(escaped(strings.organisation)) }
        head.append(escaped(strings.postulate))
        if responses { head.append(escaped(strings.response)) }
        var out = header(head)
        for i in rows {
            let p = postulates[i]
            var cells = [p.year.map(String.init) ?? "—"]
            if orgs { cells.append(escaped(p.organisation)) }
            cells.append(escaped(Escape.shortened(p.text, limit: analysis.limits.textCharacters)) + " (" + escaped(p.id) + ")")
            if responses { cells.append(stanceCell(i) + " " + escaped(Escape.shortened(p.response, limit: analysis.limits.responseCharacters))) }
            out += row(cells)
        }
        return out
    }

    /// The shown stance in bold, and the analyst's where it differs from the model's.
    func stanceCell(_ i: Int) -> String {
        var out = "**\(escaped(strings.stanceLabel(analysis.shownStance[i])))**"
        if let g = analysis.differingAnalystStance(i) { out += " (\(escaped(strings.analystSaid(strings.stanceLabel(g)))))" }
        return out
    }

    func themeDetails() -> String {
        var out = heading(.themes) + escaped(analysis.data.themeSource == .model ? strings.themeSourceModelNote : strings.themeSourceGoldNote) + "\n"
        for (ti, t) in analysis.themes.enumerated() {
            let share = postulates.isEmpty ? 0 : Double(analysis.themeTotals[ti]) / Double(postulates.count)
            out += "\n### \(escaped(strings.themeHeading(t.label(analysis.language), count: analysis.themeTotals[ti], share: share, f: format)))\n\n"
            let terms = (analysis.data.characteristicTerms[t.code] ?? []).prefix(analysis.limits.characteristicTerms)
            out += "**\(escaped(strings.characteristicTerms)):** " + (terms.isEmpty ? escaped(strings.noTerms) : terms.map { escaped($0.label) }.joined(separator: " · ")) + "\n"
            if !analysis.representatives[ti].isEmpty {
                out += "\n**\(escaped(strings.representative)):**\n\n"
                for i in analysis.representatives[ti] {
                    let p = postulates[i]
                    out += "> \(escaped(p.text))\n>\n> — \(escaped(HTMLRenderer.source(p))) (\(escaped(p.id)))\n>\n"
                    // no response: no dangling "brak odpowiedzi:" line
                    if p.response.isEmpty, analysis.differingAnalystStance(i) == nil { out.removeLast(2); out += "\n"; continue }
                    out += "> \(stanceCell(i)): \(escaped(Escape.shortened(p.response, limit: analysis.limits.responseCharacters * 2)))\n\n"
                }
            }
            let members = analysis.themeMembers[ti]
            if !members.isEmpty {
                out += "\n**\(escaped(strings.allOfTheme)) (\(escaped(format.integer(members.count)))):**\n\n"
                out += postulateTable(Array(members.prefix(analysis.limits.postulatesPerTheme)))
                if members.count > analysis.limits.postulatesPerTheme {
                    out += "\n" + escaped(strings.truncatedNote(analysis.limits.postulatesPerTheme, of: members.count, file: ReportCSVFile.themePostulates.name, format)) + "\n"
                }
            }
        }
        return out + dataLink(.themePostulates) + dataLink(.characteristicTerms)
    }

    func recurring() -> String {
        var out = heading(.recurring) + escaped(strings.recurringIntro) + "\n"
        if !analysis.data.clustersAvailable { return out + "\n" + escaped(strings.recurringUnavailable) + "\n" }
        if analysis.recurring.isEmpty { return out + "\n" + escaped(strings.recurringNone) + "\n" }
        for (ci, c) in analysis.recurring.prefix(analysis.limits.clusters).enumerated() {
            out += "\n### \(escaped(strings.recurringTitle(ci + 1, years: c.years, orgs: analysis.namedOrganisations(c), f: format)))\n\n"
            out += postulateTable(c.members)
        }
        if analysis.recurring.count > analysis.limits.clusters {
            out += "\n" + escaped(strings.truncatedNote(analysis.limits.clusters, of: analysis.recurring.count, file: ReportCSVFile.recurringDemands.name, format)) + "\n"
        }
        return out + dataLink(.recurringDemands)
    }

    func stanceTable(_ rowHeader: String, _ rows: [String], _ counts: [[Int]]) -> String {
        var out = header([escaped(rowHeader)] + analysis.stances.map { escaped(strings.stanceLabel($0)) } + [escaped(strings.total)], numeric: Set(1...(analysis.stances.count + 1)))
        for (ri, r) in rows.enumerated() {
            let total = counts[ri].reduce(0, +)
            out += row([escaped(r)] + counts[ri].map { escaped("\(format.integer($0)) (\(format.percent(total == 0 ? 0 : Double($0) / Double(total))))") } + ["**\(escaped(format.integer(total)))**"])
        }
        return out
    }

    func answers() -> String {
        if !analysis.hasResponses { return heading(.answers) + escaped(strings.noResponses) + "\n" }
        var out = heading(.answers) + escaped(analysis.data.stanceSource == .model ? strings.answersIntro : strings.answersIntroGold) + "\n"
        out += "\n### \(escaped(strings.stanceByTheme))\n\n![\(escaped(strings.stanceByTheme))](stance_by_theme.svg)\n\n"
        out += stanceTable(strings.theme, analysis.themes.map { $0.label(analysis.language) }, analysis.stanceByTheme) + dataLink(.stanceByTheme)
        out += "\n### \(escaped(strings.stanceByYear))\n\n![\(escaped(strings.stanceByYear))](stance_by_year.svg)\n\n"
        out += stanceTable(strings.year, analysis.years.map(String.init), analysis.stanceByYear) + dataLink(.stanceByYear)
        if analysis.stanceLabelled > 0 {
            out += "\n### \(escaped(strings.stanceConfusion))\n\n\(escaped(strings.agreement(analysis.stanceAgreed, of: analysis.stanceLabelled, format))) \(escaped(strings.trainedOnSameData))\n\n"
            if let v = analysis.data.stanceValidation { out += escaped(strings.crossValidated(v, names: strings.stanceLabel, format)) + "\n\n" }
            let codes = analysis.stanceCodes
            out += header([escaped("\(strings.rowsGold) / \(strings.colsModel)")] + codes.map { escaped(strings.stanceLabel($0)) }, numeric: Set(1...codes.count))
            for (gi, g) in codes.enumerated() {
                out += row([escaped(strings.stanceLabel(g))] + codes.indices.map { mi in
                    let v = analysis.stanceConfusion[gi][mi]
                    let t = v == 0 ? "·" : escaped(format.integer(v))
                    return gi == mi && v > 0 ? "**\(t)**" : t
                })
            }
            out += dataLink(.stanceConfusion)
        }
        return out
    }

    func quality() -> String {
        var out = heading(.quality) + "### \(escaped(strings.noThemeList)) (\(escaped(format.integer(analysis.noTheme.count))))\n\n\(escaped(strings.noThemeIntro))\n\n"
        if analysis.noTheme.isEmpty { out += escaped(strings.noneFound) + "\n" } else {
            out += postulateTable(Array(analysis.noTheme.prefix(analysis.limits.noTheme)))
            if analysis.noTheme.count > analysis.limits.noTheme {
                out += "\n" + escaped(strings.truncatedNote(analysis.limits.noTheme, of: analysis.noTheme.count, file: ReportCSVFile.noTheme.name, format)) + "\n"
            }
        }
        out += dataLink(.noTheme)
        out += "\n### \(escaped(strings.themeAgreement))\n\n"
        if analysis.themeLabelled == 0 {
            out += escaped(analysis.data.themeSource == .model ? strings.noGold : strings.themeSourceGoldNote) + "\n"
        } else {
            out += escaped(strings.trainedOnSameData) + "\n\n"
            if let v = analysis.data.themeValidation { out += escaped(strings.crossValidated(v, names: { analysis.label(ofTheme: $0, analysis.language) }, format)) + "\n\n" }
            out += header([escaped(strings.theme), escaped(strings.analyst), escaped(strings.model), escaped(strings.agreed), escaped(strings.precision), escaped(strings.recall)], numeric: [1, 2, 3, 4, 5])
            for (ti, t) in analysis.themes.enumerated() {
                let x = analysis.themeAgreement[ti]
                out += row([escaped(t.label(analysis.language)), escaped(format.integer(x.analyst)), escaped(format.integer(x.model)), escaped(format.integer(x.both)),
                          x.model == 0 ? "—" : escaped(format.percent(Double(x.both) / Double(x.model))),
                          x.analyst == 0 ? "—" : escaped(format.percent(Double(x.both) / Double(x.analyst)))])
            }
            out += dataLink(.themeAgreement)
            out += "\n### \(escaped(strings.themeDisagreements)) (\(escaped(format.integer(analysis.themeDisagreements.count))))\n\n"
            if analysis.themeDisagreements.isEmpty { out += escaped(strings.noneFound) + "\n" } else {
                out += header([escaped(strings.id), escaped(strings.postulate), escaped(strings.analyst), escaped(strings.model)])
                for i in analysis.themeDisagreements.prefix(analysis.limits.disagreements) {
                    let p = postulates[i]
                    let gold = analysis.analystThemes(i)
                    func labels(_ c: [String]) -> String { c.isEmpty ? "*\(escaped(strings.noTheme))*" : c.map { escaped(analysis.label(ofTheme: $0, analysis.language)) }.joined(separator: ", ") }
                    out += row([escaped(p.id), escaped(Escape.shortened(p.text, limit: analysis.limits.textCharacters)), labels(gold), labels(analysis.shownThemes(i))])
                }
                if analysis.themeDisagreements.count > analysis.limits.disagreements {
                    out += "\n" + escaped(strings.truncatedNote(analysis.limits.disagreements, of: analysis.themeDisagreements.count, file: ReportCSVFile.themeDisagreements.name, format)) + "\n"
                }
                out += dataLink(.themeDisagreements)
            }
        }
        if analysis.stanceLabelled > 0 {
            out += "\n### \(escaped(strings.stanceDisagreements)) (\(escaped(format.integer(analysis.stanceDisagreements.count))))\n\n"
            if analysis.stanceDisagreements.isEmpty { out += escaped(strings.noneFound) + "\n" } else {
                out += header([escaped(strings.id), escaped(strings.response), escaped(strings.analyst), escaped(strings.model)])
                for i in analysis.stanceDisagreements.prefix(analysis.limits.disagreements) {
                    let p = postulates[i]
                    out += row([escaped(p.id), escaped(Escape.shortened(p.response, limit: analysis.limits.textCharacters)),
                              escaped(strings.stanceLabel(p.goldStance ?? Stance.none)), escaped(strings.stanceLabel(p.predictedStance ?? Stance.none))])
                }
                if analysis.stanceDisagreements.count > analysis.limits.disagreements {
                    out += "\n" + escaped(strings.truncatedNote(analysis.limits.disagreements, of: analysis.stanceDisagreements.count, file: ReportCSVFile.stanceDisagreements.name, format)) + "\n"
                }
                out += dataLink(.stanceDisagreements)
            }
        }
        return out
    }
}
