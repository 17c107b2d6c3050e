/// Renders the report as one self-contained HTML page: inline CSS and SVG, no scripts, no fetched fonts or
/// images; laid out for a screen and for A4 paper (print styles, tables that fit the text width). Every string
/// from the data is escaped here.
struct HTMLRenderer {
    /// "Organizacja, 2024" under a quoted postulate; either part may be missing (no dangling comma).
    static func source(_ p: ReportPostulate) -> String {
        let parts = [Escape.oneLine(p.organisation), p.year.map(String.init) ?? ""].filter { !$0.isEmpty }
        return parts.isEmpty ? "—" : parts.joined(separator: ", ")
    }

    let analysis: ReportAnalysis
    /// The CSV tables (built once by `Report.render`), listed in the data section.
    let tables: [ReportTable]
    var strings: ReportStrings { analysis.strings }
    var format: NumberFormat { analysis.format }
    var postulates: [ReportPostulate] { analysis.data.postulates }

    func render() -> String {
        var body = header()
        body += toc()
        body += summary()
        body += themesByYear()
        body += themesByOrganisation()
        body += themeDetails()
        body += recurring()
        body += answers()
        body += quality()
        body += dataFiles()
        // the scroll box's rules only in a page that has one (a report whose tables fit keeps its bytes)
        let css = HTMLRenderer.css + (body.contains(Self.scrollOpen) ? HTMLRenderer.scrollCSS : "")
        var out = "<!DOCTYPE html>\n<html lang=\"\(analysis.language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(escaped(strings.heading(analysis.data.subject)))</title>\n<style>\n\(css)</style>\n</head>\n<body>\n"
        out += body
        out += "</body>\n</html>\n"
        return out
    }

    static let scrollOpen = "<div class=\"scroll\">\n"

    /// A table wider than the text column scrolls in its own box, not the page: on a 1000-px screen the years
    /// of a long series were cut off behind a page-wide scrollbar. `minWidth` is the table's estimated narrowest
    /// width (px); one that fits the A4 text width (`SVGChart.width`) is left as it is. On paper the box does not
    /// clip (print styles).
    func scrolling(_ table: String, minWidth: Double) -> String {
        minWidth <= SVGChart.width ? table : Self.scrollOpen + table + "</div>\n"
    }

    func escaped(_ x: String) -> String { Escape.html(x) }

    // MARK: header, contents, summary

    func header() -> String {
        var out = "<header>\n<h1>\(escaped(strings.heading(analysis.data.subject)))</h1>\n"
        out += "<p class=\"meta\">\(escaped(strings.summaryLine(postulates: postulates.count, organisations: analysis.namedOrganisationCount, years: analysis.years, f: format)))"
        if analysis.unknownYearCount > 0 { out += " \(escaped(strings.unknownYear)): \(escaped(format.integer(analysis.unknownYearCount)))." }
        if let r = analysis.data.yearFilter { out += " \(escaped(strings.yearFilter(r)))" }
        out += " \(escaped(strings.sourcesOfLabels(themes: analysis.data.themeSource, stances: analysis.hasResponses ? analysis.data.stanceSource : nil, reviewed: analysis.reviewedCount)))</p>\n"
        if !analysis.data.sources.isEmpty {
            out += "<p class=\"meta\">\(escaped(strings.sources)): " + analysis.data.sources.map { "<code>\(escaped($0))</code>" }.joined(separator: ", ") + "</p>\n"
        }
        return out + "</header>\n"
    }

    func toc() -> String {
        var out = "<nav>\n<h2 class=\"toc\">\(escaped(strings.contents))</h2>\n<ol>\n"
        for section in ReportSection.allCases {
            out += "<li><a href=\"#\(section.id)\">\(escaped(section.title(strings)))</a>"
            if section == .themes {
                out += "<ol>" + analysis.themes.indices.map { "<li><a href=\"#theme-\($0 + 1)\">\(escaped(analysis.themes[$0].label(analysis.language)))</a></li>" }.joined() + "</ol>"
            }
            out += "</li>\n"
        }
        return out + "</ol>\n</nav>\n"
    }

    /// The opening of a section: its anchor and its numbered heading.
    func open(_ section: ReportSection) -> String {
        "<section id=\"\(section.id)\">\n<h2>\(section.number). \(escaped(section.title(strings)))</h2>\n"
    }

    func summary() -> String {
        var out = open(.summary) + "<ul class=\"summary\">\n"
        for line in SummaryFacts(analysis).lines() { out += "<li>\(escaped(line))</li>\n" }
        return out + "</ul>\n</section>\n"
    }

    // MARK: 2. themes by year

    func themesByYear() -> String {
        var out = open(.themesByYear) + "<p>\(escaped(strings.themesByYearIntro))</p>\n"
        if analysis.years.isEmpty { return out + "<p>\(escaped(strings.noneFound))</p>\n</section>\n" }
        out += legend(analysis.themeSeries.map { ($0.label, $0.color) })
        out += "<figure>" + analysis.chartThemesByYear() + "</figure>\n"
        out += "<p class=\"note\">\(escaped(strings.cellLegend))</p>\n"
        var table = "<table class=\"years\">\n<thead><tr><th>\(escaped(strings.theme))</th>" + analysis.years.map { "<th class=\"n\">\($0)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for (ti, t) in analysis.themes.enumerated() {
            table += "<tr><th scope=\"row\">\(SVGChart.swatch(SVGChart.color(ti))) \(escaped(t.label(analysis.language)))</th>"
            for yi in analysis.years.indices {
                table += "<td class=\"n\"><b>\(escaped(format.integer(analysis.themeYearCounts[ti][yi])))</b><br>\(escaped(format.percent(analysis.share(theme: ti, year: yi))))"
                if yi > 0 {
                    let dc = analysis.themeYearCounts[ti][yi] - analysis.themeYearCounts[ti][yi - 1]
                    let dp = (analysis.share(theme: ti, year: yi) - analysis.share(theme: ti, year: yi - 1)) * 100
                    let cls = dc > 0 ? "up" : (dc < 0 ? "down" : "same")
                    table += "<br><span class=\"ch \(cls)\">\(escaped(format.signedInteger(dc))); \(escaped(format.signedPoints(dp)))</span>"
                }
                table += "</td>"
            }
            table += "</tr>\n"
        }
        table += "</tbody>\n<tfoot><tr><th scope=\"row\">\(escaped(strings.postulatesInYear))</th>" + analysis.yearTotals.map { "<td class=\"n\"><b>\(escaped(format.integer($0)))</b></td>" }.joined() + "</tr></tfoot>\n</table>\n"
        // a theme column of about 120 px and year cells of about 84 px ("+123; +12,3 pp" on one line)
        out += scrolling(table, minWidth: 120 + 84 * Double(analysis.years.count))
        out += dataLink(.themesByYear)
        return out + "</section>\n"
    }

    // MARK: 3. themes by organisation

    func themesByOrganisation() -> String {
        if !analysis.hasOrganisations { return open(.themesByOrganisation) + "<p>\(escaped(strings.noOrganisations))</p>\n</section>\n" }
        var out = open(.themesByOrganisation) + "<p>\(escaped(strings.themesByOrgIntro))</p>\n"
        let shown = analysis.shownOrganisations
        let maxCell = max(1, shown.flatMap { $0.perTheme + [$0.noTheme] }.max() ?? 1)
        var table = "<table class=\"heat\">\n<thead><tr><th>\(escaped(strings.organisation))</th><th class=\"n\">\(escaped(strings.postulates))</th>"
        table += analysis.themes.map { "<th class=\"n rot\">\(escaped($0.label(analysis.language)))</th>" }.joined()
        table += "<th class=\"n rot\">\(escaped(strings.noTheme))</th></tr></thead>\n<tbody>\n"
        func cell(_ v: Int) -> String {
            // White to dark blue (#084594); white text once the cell is dark enough.
            let t = Double(v) / Double(maxCell)
            let r = Int((255 - t * 247).rounded()), g = Int((255 - t * 186).rounded()), b = Int((255 - t * 107).rounded())
            let fg = t > 0.5 ? "#FFFFFF" : "#111111"
            return "<td class=\"n\" style=\"background:rgb(\(r),\(g),\(b));color:\(fg)\">\(v == 0 ? "·" : escaped(format.integer(v)))</td>"
        }
        for o in shown {
            table += "<tr><th scope=\"row\">\(escaped(o.name.isEmpty ? "—" : o.name))</th><td class=\"n\">\(escaped(format.integer(o.total)))</td>"
            table += o.perTheme.map(cell).joined() + cell(o.noTheme) + "</tr>\n"
        }
        if let (count, rest) = analysis.otherOrganisations {
            table += "<tr class=\"rest\"><th scope=\"row\">\(escaped(strings.othersRow(count, format)))</th><td class=\"n\">\(escaped(format.integer(rest.total)))</td>"
            table += rest.perTheme.map { "<td class=\"n\">\(escaped(format.integer($0)))</td>" }.joined() + "<td class=\"n\">\(escaped(format.integer(rest.noTheme)))</td></tr>\n"
        }
        table += "</tbody>\n<tfoot><tr><th scope=\"row\">\(escaped(strings.total))</th><td class=\"n\">\(escaped(format.integer(postulates.count)))</td>"
        table += analysis.themeTotals.map { "<td class=\"n\">\(escaped(format.integer($0)))</td>" }.joined() + "<td class=\"n\">\(escaped(format.integer(analysis.noTheme.count)))</td></tr></tfoot>\n</table>\n"
        // an organisation column of a third of the width, then about 64 px a theme (its name wraps to a word)
        out += scrolling(table, minWidth: 230 + 64 * Double(analysis.themes.count + 2))
        if analysis.organisations.count > shown.count {
            out += "<p class=\"note\">\(escaped(strings.truncatedNote(shown.count, of: analysis.organisations.count, file: ReportCSVFile.themesByOrganisation.name, format)))</p>\n"
        }
        out += dataLink(.themesByOrganisation)
        return out + "</section>\n"
    }

    // MARK: 4. per theme

    func themeDetails() -> String {
        var out = open(.themes)
        out += "<p>\(escaped(analysis.data.themeSource == .model ? strings.themeSourceModelNote : strings.themeSourceGoldNote))</p>\n"
        for (ti, t) in analysis.themes.enumerated() {
            let share = postulates.isEmpty ? 0 : Double(analysis.themeTotals[ti]) / Double(postulates.count)
            out += "<article class=\"theme\" id=\"theme-\(ti + 1)\">\n<h3>\(SVGChart.swatch(SVGChart.color(ti))) \(escaped(strings.themeHeading(t.label(analysis.language), count: analysis.themeTotals[ti], share: share, f: format)))</h3>\n"
            let terms = (analysis.data.characteristicTerms[t.code] ?? []).prefix(analysis.limits.characteristicTerms)
            out += "<h4>\(escaped(strings.characteristicTerms))</h4>\n"
            out += terms.isEmpty ? "<p class=\"note\">\(escaped(strings.noTerms))</p>\n"
                : "<p class=\"terms\">" + terms.map { "<span class=\"term\">\(escaped($0.label))</span>" }.joined(separator: " ") + "</p>\n"
            if !analysis.representatives[ti].isEmpty {
                out += "<h4>\(escaped(strings.representative))</h4>\n"
                for i in analysis.representatives[ti] { out += representative(i) }
            }
            let members = analysis.themeMembers[ti]
            if !members.isEmpty {
                out += "<h4>\(escaped(strings.allOfTheme)) (\(escaped(format.integer(members.count))))</h4>\n"
                out += postulateTable(Array(members.prefix(analysis.limits.postulatesPerTheme)))
                if members.count > analysis.limits.postulatesPerTheme {
                    out += "<p class=\"note\">\(escaped(strings.truncatedNote(analysis.limits.postulatesPerTheme, of: members.count, file: ReportCSVFile.themePostulates.name, format)))</p>\n"
                }
            }
            out += "</article>\n"
        }
        out += dataLink(.themePostulates) + dataLink(.characteristicTerms)
        return out + "</section>\n"
    }

    func representative(_ i: Int) -> String {
        let p = postulates[i]
        var out = "<blockquote class=\"rep\">\n<p>\(escaped(Escape.oneLine(p.text)))</p>\n"
        out += "<p class=\"src\">\(escaped(Self.source(p))) · <code>\(escaped(p.id))</code></p>\n"
        // no response: no dangling "brak odpowiedzi" badge
        if p.response.isEmpty, analysis.differingAnalystStance(i) == nil { return out + "</blockquote>\n" }
        out += "<p class=\"resp\">\(stanceCell(i)) \(escaped(Escape.shortened(p.response, limit: analysis.limits.responseCharacters * 2)))</p>\n"
        return out + "</blockquote>\n"
    }

    /// The shown stance, and the analyst's where it differs from the model's.
    func stanceCell(_ i: Int) -> String {
        var out = badge(analysis.shownStance[i])
        if let g = analysis.differingAnalystStance(i) { out += " <small class=\"gold\">(\(escaped(strings.analystSaid(strings.stanceLabel(g)))))</small>" }
        return out
    }

    func badge(_ code: String) -> String {
        let bg = SVGChart.stanceColor(code)
        return "<span class=\"badge\" style=\"background:\(bg);color:\(SVGChart.textColor(on: bg))\">\(escaped(strings.stanceLabel(code)))</span>"
    }

    /// Year | organisation | postulate | the city's response (with its stance); the organisation and response
    /// columns only when some record has one (a column of blanks wastes the width).
    func postulateTable(_ rows: [Int]) -> String {
        let orgs = analysis.hasOrganisations, responses = analysis.hasResponses
        var out = "<table class=\"list\">\n<colgroup><col class=\"c-year\">\(orgs ? "<col class=\"c-org\">" : "")<col class=\"c-text\">\(responses ? "<col class=\"c-resp\">" : "")</colgroup>\n"
        out += "<thead><tr><th>\(escaped(strings.year))</th>\(orgs ? "<th>\(escaped(strings.organisation))</th>" : "")<th>\(escaped(strings.postulate))</th>\(responses ? "<th>\(escaped(strings.response))</th>" : "")</tr></thead>\n<tbody>\n"
        for i in rows {
            let p = postulates[i]
            out += "<tr><td>\(p.year.map(String.init) ?? "—")</td>" + (orgs ? "<td>\(escaped(Escape.oneLine(p.organisation)))</td>" : "")
            out += "<td>\(escaped(Escape.shortened(p.text, limit: analysis.limits.textCharacters))) <code class=\"id\">\(escaped(p.id))</code></td>"
            if responses { out += "<td>\(stanceCell(i)) \(escaped(Escape.shortened(p.response, limit: analysis.limits.responseCharacters)))</td>" }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    // MARK: 5. recurring

    func recurring() -> String {
        var out = open(.recurring) + "<p>\(escaped(strings.recurringIntro))</p>\n"
        if !analysis.data.clustersAvailable { return out + "<p class=\"note\">\(escaped(strings.recurringUnavailable))</p>\n</section>\n" }
        if analysis.recurring.isEmpty { return out + "<p>\(escaped(strings.recurringNone))</p>\n</section>\n" }
        for (ci, c) in analysis.recurring.prefix(analysis.limits.clusters).enumerated() {
            out += "<h3>\(escaped(strings.recurringTitle(ci + 1, years: c.years, orgs: analysis.namedOrganisations(c), f: format)))</h3>\n"
            out += postulateTable(c.members)
        }
        if analysis.recurring.count > analysis.limits.clusters {
            out += "<p class=\"note\">\(escaped(strings.truncatedNote(analysis.limits.clusters, of: analysis.recurring.count, file: ReportCSVFile.recurringDemands.name, format)))</p>\n"
        }
        return out + dataLink(.recurringDemands) + "</section>\n"
    }

    // MARK: 6. answers

    func answers() -> String {
        var out = open(.answers)
        if !analysis.hasResponses { return out + "<p>\(escaped(strings.noResponses))</p>\n</section>\n" }
        out += "<p>\(escaped(analysis.data.stanceSource == .model ? strings.answersIntro : strings.answersIntroGold))</p>\n"
        out += legend(analysis.stanceSegments.map { ($0.label, $0.color) })
        out += "<h3>\(escaped(strings.stanceByTheme))</h3>\n"
        out += "<figure>" + analysis.chartStanceByTheme() + "</figure>\n"
        out += stanceTable(rowHeader: strings.theme, rows: analysis.themes.map { $0.label(analysis.language) }, counts: analysis.stanceByTheme)
        out += dataLink(.stanceByTheme)
        out += "<h3>\(escaped(strings.stanceByYear))</h3>\n"
        out += "<figure>" + analysis.chartStanceByYear() + "</figure>\n"
        out += stanceTable(rowHeader: strings.year, rows: analysis.years.map(String.init), counts: analysis.stanceByYear)
        out += dataLink(.stanceByYear)
        if analysis.stanceLabelled > 0 {
            out += "<h3>\(escaped(strings.stanceConfusion))</h3>\n<p>\(escaped(strings.agreement(analysis.stanceAgreed, of: analysis.stanceLabelled, format))) \(escaped(strings.trainedOnSameData))</p>\n"
            if let v = analysis.data.stanceValidation { out += "<p class=\"note\">\(escaped(strings.crossValidated(v, names: strings.stanceLabel, format)))</p>\n" }
            let codes = analysis.stanceCodes
            out += "<table class=\"matrix\">\n<thead><tr><th>\(escaped(strings.rowsGold)) \\ \(escaped(strings.colsModel))</th>"
            out += codes.map { "<th class=\"n\">\(escaped(strings.stanceLabel($0)))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for (gi, g) in codes.enumerated() {
                out += "<tr><th scope=\"row\">\(escaped(strings.stanceLabel(g)))</th>"
                out += codes.indices.map { mi in
                    let v = analysis.stanceConfusion[gi][mi]
                    return "<td class=\"n\(gi == mi ? " diag" : "")\">\(v == 0 ? "·" : escaped(format.integer(v)))</td>"
                }.joined() + "</tr>\n"
            }
            out += "</tbody>\n</table>\n" + dataLink(.stanceConfusion)
        }
        return out + "</section>\n"
    }

    func stanceTable(rowHeader: String, rows: [String], counts: [[Int]]) -> String {
        var out = "<table class=\"stances\">\n<thead><tr><th>\(escaped(rowHeader))</th>"
        out += analysis.stances.map { "<th class=\"n\">\(escaped(strings.stanceLabel($0)))</th>" }.joined() + "<th class=\"n\">\(escaped(strings.total))</th></tr></thead>\n<tbody>\n"
        for (ri, row) in rows.enumerated() {
            let total = counts[ri].reduce(0, +)
            out += "<tr><th scope=\"row\">\(escaped(row))</th>"
            for v in counts[ri] {
                out += "<td class=\"n\">\(escaped(format.integer(v)))<br><small>\(escaped(format.percent(total == 0 ? 0 : Double(v) / Double(total))))</small></td>"
            }
            out += "<td class=\"n\"><b>\(escaped(format.integer(total)))</b></td></tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    // MARK: 7. quality

    func quality() -> String {
        var out = open(.quality)
        out += "<h3>\(escaped(strings.noThemeList)) (\(escaped(format.integer(analysis.noTheme.count))))</h3>\n<p>\(escaped(strings.noThemeIntro))</p>\n"
        if analysis.noTheme.isEmpty { out += "<p>\(escaped(strings.noneFound))</p>\n" } else {
            out += postulateTable(Array(analysis.noTheme.prefix(analysis.limits.noTheme)))
            if analysis.noTheme.count > analysis.limits.noTheme {
                out += "<p class=\"note\">\(escaped(strings.truncatedNote(analysis.limits.noTheme, of: analysis.noTheme.count, file: ReportCSVFile.noTheme.name, format)))</p>\n"
            }
        }
        out += dataLink(.noTheme)
        out += "<h3>\(escaped(strings.themeAgreement))</h3>\n"
        if analysis.themeLabelled == 0 {
            out += "<p>\(escaped(analysis.data.themeSource == .model ? strings.noGold : strings.themeSourceGoldNote))</p>\n"
        } else {
            out += "<p class=\"note\">\(escaped(strings.trainedOnSameData))</p>\n"
            if let v = analysis.data.themeValidation {
                out += "<p class=\"note\">\(escaped(strings.crossValidated(v, names: { analysis.label(ofTheme: $0, analysis.language) }, format)))</p>\n"
            }
            out += "<table class=\"agree\">\n<thead><tr><th>\(escaped(strings.theme))</th><th class=\"n\">\(escaped(strings.analyst))</th><th class=\"n\">\(escaped(strings.model))</th><th class=\"n\">\(escaped(strings.agreed))</th><th class=\"n\">\(escaped(strings.precision))</th><th class=\"n\">\(escaped(strings.recall))</th></tr></thead>\n<tbody>\n"
            for (ti, t) in analysis.themes.enumerated() {
                let x = analysis.themeAgreement[ti]
                let p = x.model == 0 ? "—" : format.percent(Double(x.both) / Double(x.model))
                let r = x.analyst == 0 ? "—" : format.percent(Double(x.both) / Double(x.analyst))
                out += "<tr><th scope=\"row\">\(escaped(t.label(analysis.language)))</th><td class=\"n\">\(escaped(format.integer(x.analyst)))</td><td class=\"n\">\(escaped(format.integer(x.model)))</td><td class=\"n\">\(escaped(format.integer(x.both)))</td><td class=\"n\">\(escaped(p))</td><td class=\"n\">\(escaped(r))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n" + dataLink(.themeAgreement)
            out += "<h3>\(escaped(strings.themeDisagreements)) (\(escaped(format.integer(analysis.themeDisagreements.count))))</h3>\n"
            if analysis.themeDisagreements.isEmpty { out += "<p>\(escaped(strings.noneFound))</p>\n" } else {
                out += "<table class=\"list\">\n<colgroup><col class=\"c-id\"><col class=\"c-text2\"><col class=\"c-lab\"><col class=\"c-lab\"></colgroup>\n"
                out += "<thead><tr><th>\(escaped(strings.id))</th><th>\(escaped(strings.postulate))</th><th>\(escaped(strings.analyst))</th><th>\(escaped(strings.model))</th></tr></thead>\n<tbody>\n"
                for i in analysis.themeDisagreements.prefix(analysis.limits.disagreements) {
                    let p = postulates[i]
                    let gold = analysis.analystThemes(i)
                    let model = analysis.shownThemes(i)
                    func labels(_ codes: [String], _ other: [String]) -> String {
                        if codes.isEmpty { return "<i>\(escaped(strings.noTheme))</i>" }
                        return codes.map { c in
                            let l = escaped(analysis.label(ofTheme: c, analysis.language))
                            return other.contains(c) ? l : "<mark>\(l)</mark>"
                        }.joined(separator: ", ")
                    }
                    out += "<tr><td><code>\(escaped(p.id))</code><br>\(p.year.map(String.init) ?? "—")</td><td>\(escaped(Escape.shortened(p.text, limit: analysis.limits.textCharacters)))</td>"
                    out += "<td>\(labels(gold, model))</td><td>\(labels(model, gold))</td></tr>\n"
                }
                out += "</tbody>\n</table>\n"
                if analysis.themeDisagreements.count > analysis.limits.disagreements {
                    out += "<p class=\"note\">\(escaped(strings.truncatedNote(analysis.limits.disagreements, of: analysis.themeDisagreements.count, file: ReportCSVFile.themeDisagreements.name, format)))</p>\n"
                }
                out += dataLink(.themeDisagreements)
            }
        }
        if analysis.stanceLabelled > 0 {
            out += "<h3>\(escaped(strings.stanceDisagreements)) (\(escaped(format.integer(analysis.stanceDisagreements.count))))</h3>\n"
            if analysis.stanceDisagreements.isEmpty { out += "<p>\(escaped(strings.noneFound))</p>\n" } else {
                out += "<table class=\"list\">\n<colgroup><col class=\"c-id\"><col class=\"c-text2\"><col class=\"c-lab\"><col class=\"c-lab\"></colgroup>\n"
                out += "<thead><tr><th>\(escaped(strings.id))</th><th>\(escaped(strings.response))</th><th>\(escaped(strings.analyst))</th><th>\(escaped(strings.model))</th></tr></thead>\n<tbody>\n"
                for i in analysis.stanceDisagreements.prefix(analysis.limits.disagreements) {
                    let p = postulates[i]
                    out += "<tr><td><code>\(escaped(p.id))</code><br>\(p.year.map(String.init) ?? "—")</td><td>\(escaped(Escape.shortened(p.response, limit: analysis.limits.textCharacters)))</td>"
                    out += "<td>\(badge(p.goldStance ?? Stance.none))</td><td>\(badge(p.predictedStance ?? Stance.none))</td></tr>\n"
                }
                out += "</tbody>\n</table>\n"
                if analysis.stanceDisagreements.count > analysis.limits.disagreements {
                    out += "<p class=\"note\">\(escaped(strings.truncatedNote(analysis.limits.disagreements, of: analysis.stanceDisagreements.count, file: ReportCSVFile.stanceDisagreements.name, format)))</p>\n"
                }
                out += dataLink(.stanceDisagreements)
            }
        }
        return out + "</section>\n"
    }

    // MARK: 8. data

    func dataFiles() -> String {
        var out = open(.data) + "<p>\(escaped(strings.dataIntro(analysis.csv)))</p>\n<ul class=\"files\">\n"
        for t in tables {
            out += "<li><a href=\"\(escaped(t.file))\">\(escaped(t.file))</a> — \(escaped(analysis.language == .pl ? t.pl : t.en))</li>\n"
        }
        out += "<li><a href=\"columns.md\">columns.md</a> — \(escaped(strings.columnsFile))</li>\n"
        return out + "</ul>\n</section>\n"
    }

    func dataLink(_ file: ReportCSVFile) -> String {
        "<p class=\"data\">\(escaped(strings.csvLink)): <a href=\"\(escaped(file.name))\">\(escaped(file.name))</a></p>\n"
    }

    func legend(_ items: [(String, String)]) -> String {
        "<ul class=\"legend\">" + items.map { "<li>\(SVGChart.swatch($0.1)) \(escaped($0.0))</li>" }.joined() + "</ul>\n"
    }

    /// Added to `css` only when a table scrolls in its own box.
    static let scrollCSS = """
    div.scroll { overflow-x: auto; max-width: 100%; margin: 0.4em 0; }
    div.scroll > table { margin: 0; }
    @media print { div.scroll { overflow: visible; } }

    """

    static let css = """
    @page { size: A4; margin: 14mm 13mm 16mm 13mm; }
    * { box-sizing: border-box; }
    html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 10pt; line-height: 1.4;
      color: #1A1A1A; background: #FFFFFF; max-width: 184mm; margin: 0 auto; padding: 8px 10px 40px; }
    h1 { font-size: 17pt; margin: 0.4em 0 0.2em; }
    h2 { font-size: 13pt; margin: 1.6em 0 0.5em; padding-bottom: 2px; border-bottom: 2px solid #0072B2; break-after: avoid; }
    h2.toc { border: 0; margin-top: 0.8em; }
    h3 { font-size: 11pt; margin: 1.2em 0 0.4em; break-after: avoid; }
    h4 { font-size: 9pt; margin: 0.9em 0 0.3em; color: #333333; text-transform: uppercase; letter-spacing: 0.03em; break-after: avoid; }
    p { margin: 0.35em 0; }
    .meta { color: #444444; }
    nav ol { margin: 0.2em 0; padding-left: 1.6em; }
    a { color: #005A8C; }
    code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 0.85em; color: #444444; }
    figure { margin: 0.5em 0; }
    svg { max-width: 100%; height: auto; }
    svg.sw { vertical-align: -1px; }
    .legend { list-style: none; padding: 0; margin: 0.3em 0; display: flex; flex-wrap: wrap; gap: 2px 14px; font-size: 9pt; }
    table { border-collapse: collapse; width: 100%; margin: 0.4em 0; font-size: 8.5pt; }
    th, td { padding: 3px 5px; vertical-align: top; text-align: left; border-bottom: 1px solid #DDDDDD; overflow-wrap: break-word; }
    table.list { table-layout: fixed; }
    table.list td { overflow-wrap: anywhere; }
    thead th.n { white-space: normal; }
    thead th { border-bottom: 2px solid #888888; background: #F2F2F2; }
    tfoot { display: table-row-group; }
    tfoot th, tfoot td { border-top: 2px solid #888888; border-bottom: 0; }
    table.years, table.stances, table.matrix, table.agree { break-inside: avoid; }
    tr { break-inside: avoid; }
    thead { display: table-header-group; }
    .n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; overflow-wrap: normal; }
    table.stances tbody th, table.matrix tbody th, table.agree tbody th, table.years tbody th { width: 24%; }
    .ch { font-size: 7.5pt; color: #555555; }
    .ch.up { color: #006644; } .ch.down { color: #A33A00; }
    table.heat td.n { text-align: center; vertical-align: middle; border: 1px solid #FFFFFF; }
    table.heat tbody th { font-weight: normal; }
    table.heat th.rot { text-align: center; white-space: normal; font-size: 7.5pt; }
    table.heat thead th:first-child { width: 34%; }
    table.heat tr.rest th, table.heat tr.rest td { font-style: italic; background: #FAFAFA; }
    col.c-year { width: 7%; } col.c-org { width: 19%; } col.c-text { width: 43%; } col.c-resp { width: 31%; }
    col.c-id { width: 14%; } col.c-text2 { width: 50%; } col.c-lab { width: 18%; }
    code.id { font-size: 7pt; color: #777777; white-space: nowrap; }
    .badge { display: inline-block; padding: 0 4px; border-radius: 3px; font-size: 7.5pt; white-space: nowrap; }
    .terms { line-height: 1.9; }
    .term { display: inline-block; background: #EEF4FA; border: 1px solid #C9DCEB; border-radius: 3px; padding: 0 5px; margin-right: 3px; line-height: 1.5; font-size: 9pt; }
    blockquote.rep { margin: 0.4em 0 0.6em; padding: 4px 10px; border-left: 4px solid #0072B2; background: #F7F9FB; break-inside: avoid; }
    blockquote.rep .src { font-size: 8.5pt; color: #555555; }
    h1, h2, h3, p, li, blockquote.rep p { overflow-wrap: anywhere; }
    blockquote.rep .resp { font-size: 8.5pt; }
    table.matrix td.diag { background: #E6F4EE; font-weight: bold; }
    table.stances small { color: #555555; }
    mark { background: #FFE8A3; color: inherit; }
    small.gold { color: #8A3B00; font-size: 7.5pt; }
    .note { font-size: 8.5pt; color: #555555; }
    .data { font-size: 8pt; color: #555555; margin-top: 0.1em; }
    .files { font-size: 9pt; }
    article.theme { margin-bottom: 1.2em; }
    @media print {
      body { max-width: none; padding: 0; font-size: 9.5pt; }
      a { color: inherit; text-decoration: none; }
      section#themes, section#recurring, section#quality { break-before: page; }
    }

    """
}
