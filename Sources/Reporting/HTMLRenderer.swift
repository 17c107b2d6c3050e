/// Renders the report as one self-contained HTML page: inline CSS and SVG, no scripts, no fetched fonts or
/// images; laid out for a screen and for A4 paper (print styles, tables that fit the text width). Every string
/// from the data is escaped here.
struct HTMLRenderer {
    let a: ReportAnalysis
    /// The CSV tables (built once by `Report.render`), listed in the data section.
    let tables: [ReportTable]
    var s: ReportStrings { a.strings }
    var f: NumberFormat { a.format }
    var ps: [ReportPostulate] { a.data.postulates }

    func render() -> String {
        var h = "<!DOCTYPE html>\n<html lang=\"\(a.language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        h += "<title>\(e(s.title)): \(e(a.data.title ?? a.data.name))</title>\n<style>\n\(HTMLRenderer.css)</style>\n</head>\n<body>\n"
        h += header()
        h += toc()
        h += summary()
        h += themesByYear()
        h += themesByOrganisation()
        h += themeDetails()
        h += recurring()
        h += answers()
        h += quality()
        h += dataFiles()
        h += "</body>\n</html>\n"
        return h
    }

    func e(_ x: String) -> String { Escape.html(x) }

    // MARK: header, contents, summary

    func header() -> String {
        var h = "<header>\n<h1>\(e(s.title)): \(e(a.data.title ?? a.data.name))</h1>\n"
        h += "<p class=\"meta\">\(e(s.summaryLine(postulates: ps.count, organisations: a.organisations.count, years: a.years, f: f)))"
        if a.unknownYearCount > 0 { h += " \(e(s.unknownYear)): \(e(f.integer(a.unknownYearCount)))." }
        if let r = a.data.yearFilter { h += " \(e(s.yearFilter(r)))" }
        h += " \(e(s.sourcesOfLabels(themes: a.data.themeSource, stances: a.data.stanceSource)))</p>\n"
        if !a.data.sources.isEmpty {
            h += "<p class=\"meta\">\(e(s.sources)): " + a.data.sources.map { "<code>\(e($0))</code>" }.joined(separator: ", ") + "</p>\n"
        }
        return h + "</header>\n"
    }

    static let sectionIDs = ["summary", "themes-by-year", "themes-by-organisation", "themes", "recurring", "answers", "quality", "data"]

    var sectionTitles: [String] {
        [s.summary, s.sThemesByYear, s.sThemesByOrg, s.sThemeDetails, s.sRecurring, s.sAnswers, s.sQuality, s.sData]
    }

    func toc() -> String {
        var h = "<nav>\n<h2 class=\"toc\">\(e(s.contents))</h2>\n<ol>\n"
        for (id, title) in zip(HTMLRenderer.sectionIDs, sectionTitles) {
            h += "<li><a href=\"#\(id)\">\(e(title))</a>"
            if id == "themes" {
                h += "<ol>" + a.themes.indices.map { "<li><a href=\"#theme-\($0 + 1)\">\(e(a.themes[$0].label(a.language)))</a></li>" }.joined() + "</ol>"
            }
            h += "</li>\n"
        }
        return h + "</ol>\n</nav>\n"
    }

    func sectionOpen(_ k: Int) -> String {
        "<section id=\"\(HTMLRenderer.sectionIDs[k])\">\n<h2>\(k + 1). \(e(sectionTitles[k]))</h2>\n"
    }

    func summary() -> String {
        var h = sectionOpen(0) + "<ul class=\"summary\">\n"
        for line in SummaryFacts(a).lines() { h += "<li>\(e(line))</li>\n" }
        return h + "</ul>\n</section>\n"
    }

    // MARK: 2. themes by year

    func themesByYear() -> String {
        var h = sectionOpen(1) + "<p>\(e(s.themesByYearIntro))</p>\n"
        if a.years.isEmpty { return h + "<p>\(e(s.noneFound))</p>\n</section>\n" }
        h += legend(a.themeSeries.map { ($0.label, $0.color) })
        h += "<figure>" + a.chartThemesByYear() + "</figure>\n"
        h += "<p class=\"note\">\(e(s.cellLegend))</p>\n"
        h += "<table class=\"years\">\n<thead><tr><th>\(e(s.theme))</th>" + a.years.map { "<th class=\"n\">\($0)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for (ti, t) in a.themes.enumerated() {
            h += "<tr><th scope=\"row\">\(SVGChart.swatch(SVGChart.color(ti))) \(e(t.label(a.language)))</th>"
            for yi in a.years.indices {
                h += "<td class=\"n\"><b>\(e(f.integer(a.themeYearCounts[ti][yi])))</b><br>\(e(f.percent(a.share(theme: ti, year: yi))))"
                if yi > 0 {
                    let dc = a.themeYearCounts[ti][yi] - a.themeYearCounts[ti][yi - 1]
                    let dp = (a.share(theme: ti, year: yi) - a.share(theme: ti, year: yi - 1)) * 100
                    let cls = dc > 0 ? "up" : (dc < 0 ? "down" : "same")
                    h += "<br><span class=\"ch \(cls)\">\(e(f.signedInteger(dc))); \(e(f.signedPoints(dp)))</span>"
                }
                h += "</td>"
            }
            h += "</tr>\n"
        }
        h += "</tbody>\n<tfoot><tr><th scope=\"row\">\(e(s.postulatesInYear))</th>" + a.yearTotals.map { "<td class=\"n\"><b>\(e(f.integer($0)))</b></td>" }.joined() + "</tr></tfoot>\n</table>\n"
        h += dataLink("themes_by_year.csv")
        return h + "</section>\n"
    }

    // MARK: 3. themes by organisation

    func themesByOrganisation() -> String {
        var h = sectionOpen(2) + "<p>\(e(s.themesByOrgIntro))</p>\n"
        let shown = a.organisations.prefix(a.limits.organisations)
        let maxCell = max(1, shown.flatMap { $0.perTheme + [$0.noTheme] }.max() ?? 1)
        h += "<table class=\"heat\">\n<thead><tr><th>\(e(s.organisation))</th><th class=\"n\">\(e(s.postulates))</th>"
        h += a.themes.map { "<th class=\"n rot\">\(e($0.label(a.language)))</th>" }.joined()
        h += "<th class=\"n rot\">\(e(s.noTheme))</th></tr></thead>\n<tbody>\n"
        func cell(_ v: Int) -> String {
            // White to dark blue (#084594); white text once the cell is dark enough.
            let t = Double(v) / Double(maxCell)
            let r = Int((255 - t * 247).rounded()), g = Int((255 - t * 186).rounded()), b = Int((255 - t * 107).rounded())
            let fg = t > 0.5 ? "#FFFFFF" : "#111111"
            return "<td class=\"n\" style=\"background:rgb(\(r),\(g),\(b));color:\(fg)\">\(v == 0 ? "·" : e(f.integer(v)))</td>"
        }
        for o in shown {
            h += "<tr><th scope=\"row\">\(e(o.name.isEmpty ? "—" : o.name))</th><td class=\"n\">\(e(f.integer(o.total)))</td>"
            h += o.perTheme.map(cell).joined() + cell(o.noTheme) + "</tr>\n"
        }
        if a.organisations.count > shown.count {
            let rest = a.organisations.dropFirst(shown.count)
            let total = rest.reduce(0) { $0 + $1.total }
            var per = [Int](repeating: 0, count: a.themes.count)
            var none = 0
            for o in rest { for i in per.indices { per[i] += o.perTheme[i] }; none += o.noTheme }
            h += "<tr class=\"rest\"><th scope=\"row\">\(e(s.othersRow(rest.count, f)))</th><td class=\"n\">\(e(f.integer(total)))</td>"
            h += per.map { "<td class=\"n\">\(e(f.integer($0)))</td>" }.joined() + "<td class=\"n\">\(e(f.integer(none)))</td></tr>\n"
        }
        h += "</tbody>\n<tfoot><tr><th scope=\"row\">\(e(s.total))</th><td class=\"n\">\(e(f.integer(ps.count)))</td>"
        h += a.themeTotals.map { "<td class=\"n\">\(e(f.integer($0)))</td>" }.joined() + "<td class=\"n\">\(e(f.integer(a.noTheme.count)))</td></tr></tfoot>\n</table>\n"
        if a.organisations.count > shown.count {
            h += "<p class=\"note\">\(e(s.truncatedNote(shown.count, of: a.organisations.count, file: "themes_by_organisation.csv", f)))</p>\n"
        }
        h += dataLink("themes_by_organisation.csv")
        return h + "</section>\n"
    }

    // MARK: 4. per theme

    func themeDetails() -> String {
        var h = sectionOpen(3)
        h += "<p>\(e(a.data.themeSource == .model ? s.themeSourceModelNote : s.themeSourceGoldNote))</p>\n"
        for (ti, t) in a.themes.enumerated() {
            let share = ps.isEmpty ? 0 : Double(a.themeTotals[ti]) / Double(ps.count)
            h += "<article class=\"theme\" id=\"theme-\(ti + 1)\">\n<h3>\(SVGChart.swatch(SVGChart.color(ti))) \(e(s.themeHeading(t.label(a.language), count: a.themeTotals[ti], share: share, f: f)))</h3>\n"
            let terms = (a.data.characteristicTerms[t.code] ?? []).prefix(a.limits.characteristicTerms)
            h += "<h4>\(e(s.characteristicTerms))</h4>\n"
            h += terms.isEmpty ? "<p class=\"note\">\(e(s.noTerms))</p>\n"
                : "<p class=\"terms\">" + terms.map { "<span class=\"term\">\(e($0.term))</span>" }.joined(separator: " ") + "</p>\n"
            if !a.representatives[ti].isEmpty {
                h += "<h4>\(e(s.representative))</h4>\n"
                for i in a.representatives[ti] { h += representative(i) }
            }
            let members = a.themeMembers[ti]
            if !members.isEmpty {
                h += "<h4>\(e(s.allOfTheme)) (\(e(f.integer(members.count))))</h4>\n"
                h += postulateTable(Array(members.prefix(a.limits.postulatesPerTheme)))
                if members.count > a.limits.postulatesPerTheme {
                    h += "<p class=\"note\">\(e(s.truncatedNote(a.limits.postulatesPerTheme, of: members.count, file: "theme_postulates.csv", f)))</p>\n"
                }
            }
            h += "</article>\n"
        }
        h += dataLink("theme_postulates.csv") + dataLink("characteristic_terms.csv")
        return h + "</section>\n"
    }

    func representative(_ i: Int) -> String {
        let p = ps[i]
        var h = "<blockquote class=\"rep\">\n<p>\(e(Escape.oneLine(p.text)))</p>\n"
        h += "<p class=\"src\">\(e(Escape.oneLine(p.organisation)))\(p.year.map { ", \($0)" } ?? "") · <code>\(e(p.id))</code></p>\n"
        h += "<p class=\"resp\">\(stanceCell(i)) \(e(Escape.shortened(p.response, limit: a.limits.responseCharacters * 2)))</p>\n"
        return h + "</blockquote>\n"
    }

    /// The shown stance, and the analyst's where it differs from the model's.
    func stanceCell(_ i: Int) -> String {
        var h = badge(a.shownStance[i])
        if let g = a.differingAnalystStance(i) { h += " <small class=\"gold\">(\(e(s.analystSaid(s.stanceLabel(g)))))</small>" }
        return h
    }

    func badge(_ code: String) -> String {
        let bg = SVGChart.stanceColor(code)
        return "<span class=\"badge\" style=\"background:\(bg);color:\(SVGChart.textColor(on: bg))\">\(e(s.stanceLabel(code)))</span>"
    }

    /// Year | organisation | postulate | the city's response (with its stance).
    func postulateTable(_ rows: [Int]) -> String {
        var h = "<table class=\"list\">\n<colgroup><col class=\"c-year\"><col class=\"c-org\"><col class=\"c-text\"><col class=\"c-resp\"></colgroup>\n"
        h += "<thead><tr><th>\(e(s.year))</th><th>\(e(s.organisation))</th><th>\(e(s.postulate))</th><th>\(e(s.response))</th></tr></thead>\n<tbody>\n"
        for i in rows {
            let p = ps[i]
            h += "<tr><td>\(p.year.map(String.init) ?? "—")</td><td>\(e(Escape.oneLine(p.organisation)))</td>"
            h += "<td>\(e(Escape.shortened(p.text, limit: a.limits.textCharacters))) <code class=\"id\">\(e(p.id))</code></td>"
            h += "<td>\(stanceCell(i)) \(e(Escape.shortened(p.response, limit: a.limits.responseCharacters)))</td></tr>\n"
        }
        return h + "</tbody>\n</table>\n"
    }

    // MARK: 5. recurring

    func recurring() -> String {
        var h = sectionOpen(4) + "<p>\(e(s.recurringIntro))</p>\n"
        if !a.data.clustersAvailable { return h + "<p class=\"note\">\(e(s.recurringUnavailable))</p>\n</section>\n" }
        if a.recurring.isEmpty { return h + "<p>\(e(s.recurringNone))</p>\n</section>\n" }
        for (ci, c) in a.recurring.prefix(a.limits.clusters).enumerated() {
            h += "<h3>\(e(s.recurringTitle(ci + 1, years: c.years, orgs: c.organisations.count, f: f)))</h3>\n"
            h += postulateTable(c.members)
        }
        if a.recurring.count > a.limits.clusters {
            h += "<p class=\"note\">\(e(s.truncatedNote(a.limits.clusters, of: a.recurring.count, file: "recurring_demands.csv", f)))</p>\n"
        }
        return h + dataLink("recurring_demands.csv") + "</section>\n"
    }

    // MARK: 6. answers

    func answers() -> String {
        var h = sectionOpen(5)
        h += "<p>\(e(a.data.stanceSource == .model ? s.answersIntro : s.answersIntroGold))</p>\n"
        h += legend(a.stanceSegments.map { ($0.label, $0.color) })
        h += "<h3>\(e(s.stanceByTheme))</h3>\n"
        h += "<figure>" + a.chartStanceByTheme() + "</figure>\n"
        h += stanceTable(rowHeader: s.theme, rows: a.themes.map { $0.label(a.language) }, counts: a.stanceByTheme)
        h += dataLink("stance_by_theme.csv")
        h += "<h3>\(e(s.stanceByYear))</h3>\n"
        h += "<figure>" + a.chartStanceByYear() + "</figure>\n"
        h += stanceTable(rowHeader: s.year, rows: a.years.map(String.init), counts: a.stanceByYear)
        h += dataLink("stance_by_year.csv")
        if a.stanceLabelled > 0 {
            h += "<h3>\(e(s.stanceConfusion))</h3>\n<p>\(e(s.agreement(a.stanceAgreed, of: a.stanceLabelled, f))) \(e(s.trainedOnSameData))</p>\n"
            if let v = a.data.stanceValidation { h += "<p class=\"note\">\(e(s.crossValidated(v, names: s.stanceLabel, f)))</p>\n" }
            let codes = a.stanceCodes
            h += "<table class=\"matrix\">\n<thead><tr><th>\(e(s.rowsGold)) \\ \(e(s.colsModel))</th>"
            h += codes.map { "<th class=\"n\">\(e(s.stanceLabel($0)))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for (gi, g) in codes.enumerated() {
                h += "<tr><th scope=\"row\">\(e(s.stanceLabel(g)))</th>"
                h += codes.indices.map { mi in
                    let v = a.stanceConfusion[gi][mi]
                    return "<td class=\"n\(gi == mi ? " diag" : "")\">\(v == 0 ? "·" : e(f.integer(v)))</td>"
                }.joined() + "</tr>\n"
            }
            h += "</tbody>\n</table>\n" + dataLink("stance_confusion.csv")
        }
        return h + "</section>\n"
    }

    func stanceTable(rowHeader: String, rows: [String], counts: [[Int]]) -> String {
        var h = "<table class=\"stances\">\n<thead><tr><th>\(e(rowHeader))</th>"
        h += a.stances.map { "<th class=\"n\">\(e(s.stanceLabel($0)))</th>" }.joined() + "<th class=\"n\">\(e(s.total))</th></tr></thead>\n<tbody>\n"
        for (ri, row) in rows.enumerated() {
            let total = counts[ri].reduce(0, +)
            h += "<tr><th scope=\"row\">\(e(row))</th>"
            for v in counts[ri] {
                h += "<td class=\"n\">\(e(f.integer(v)))<br><small>\(e(f.percent(total == 0 ? 0 : Double(v) / Double(total))))</small></td>"
            }
            h += "<td class=\"n\"><b>\(e(f.integer(total)))</b></td></tr>\n"
        }
        return h + "</tbody>\n</table>\n"
    }

    // MARK: 7. quality

    func quality() -> String {
        var h = sectionOpen(6)
        h += "<h3>\(e(s.noThemeList)) (\(e(f.integer(a.noTheme.count))))</h3>\n<p>\(e(s.noThemeIntro))</p>\n"
        if a.noTheme.isEmpty { h += "<p>\(e(s.noneFound))</p>\n" } else {
            h += postulateTable(Array(a.noTheme.prefix(a.limits.noTheme)))
            if a.noTheme.count > a.limits.noTheme {
                h += "<p class=\"note\">\(e(s.truncatedNote(a.limits.noTheme, of: a.noTheme.count, file: "no_theme.csv", f)))</p>\n"
            }
        }
        h += dataLink("no_theme.csv")
        h += "<h3>\(e(s.themeAgreement))</h3>\n"
        if a.themeLabelled == 0 {
            h += "<p>\(e(a.data.themeSource == .model ? s.noGold : s.themeSourceGoldNote))</p>\n"
        } else {
            h += "<p class=\"note\">\(e(s.trainedOnSameData))</p>\n"
            if let v = a.data.themeValidation {
                h += "<p class=\"note\">\(e(s.crossValidated(v, names: { a.label(ofTheme: $0, a.language) }, f)))</p>\n"
            }
            h += "<table class=\"agree\">\n<thead><tr><th>\(e(s.theme))</th><th class=\"n\">\(e(s.analyst))</th><th class=\"n\">\(e(s.model))</th><th class=\"n\">\(e(s.agreed))</th><th class=\"n\">\(e(s.precision))</th><th class=\"n\">\(e(s.recall))</th></tr></thead>\n<tbody>\n"
            for (ti, t) in a.themes.enumerated() {
                let x = a.themeAgreement[ti]
                let p = x.model == 0 ? "—" : f.percent(Double(x.both) / Double(x.model))
                let r = x.analyst == 0 ? "—" : f.percent(Double(x.both) / Double(x.analyst))
                h += "<tr><th scope=\"row\">\(e(t.label(a.language)))</th><td class=\"n\">\(e(f.integer(x.analyst)))</td><td class=\"n\">\(e(f.integer(x.model)))</td><td class=\"n\">\(e(f.integer(x.both)))</td><td class=\"n\">\(e(p))</td><td class=\"n\">\(e(r))</td></tr>\n"
            }
            h += "</tbody>\n</table>\n" + dataLink("theme_agreement.csv")
            h += "<h3>\(e(s.themeDisagreements)) (\(e(f.integer(a.themeDisagreements.count))))</h3>\n"
            if a.themeDisagreements.isEmpty { h += "<p>\(e(s.noneFound))</p>\n" } else {
                h += "<table class=\"list\">\n<colgroup><col class=\"c-id\"><col class=\"c-text2\"><col class=\"c-lab\"><col class=\"c-lab\"></colgroup>\n"
                h += "<thead><tr><th>\(e(s.id))</th><th>\(e(s.postulate))</th><th>\(e(s.analyst))</th><th>\(e(s.model))</th></tr></thead>\n<tbody>\n"
                for i in a.themeDisagreements.prefix(a.limits.disagreements) {
                    let p = ps[i]
                    let goldSet = Set(p.goldThemes ?? [])
                    let gold = a.themes.map(\.code).filter { goldSet.contains($0) }
                    let model = a.shownThemes(i)
                    func labels(_ codes: [String], _ other: [String]) -> String {
                        if codes.isEmpty { return "<i>\(e(s.noTheme))</i>" }
                        return codes.map { c in
                            let l = e(a.label(ofTheme: c, a.language))
                            return other.contains(c) ? l : "<mark>\(l)</mark>"
                        }.joined(separator: ", ")
                    }
                    h += "<tr><td><code>\(e(p.id))</code><br>\(p.year.map(String.init) ?? "—")</td><td>\(e(Escape.shortened(p.text, limit: a.limits.textCharacters)))</td>"
                    h += "<td>\(labels(gold, model))</td><td>\(labels(model, gold))</td></tr>\n"
                }
                h += "</tbody>\n</table>\n"
                if a.themeDisagreements.count > a.limits.disagreements {
                    h += "<p class=\"note\">\(e(s.truncatedNote(a.limits.disagreements, of: a.themeDisagreements.count, file: "theme_disagreements.csv", f)))</p>\n"
                }
                h += dataLink("theme_disagreements.csv")
            }
        }
        if a.stanceLabelled > 0 {
            h += "<h3>\(e(s.stanceDisagreements)) (\(e(f.integer(a.stanceDisagreements.count))))</h3>\n"
            if a.stanceDisagreements.isEmpty { h += "<p>\(e(s.noneFound))</p>\n" } else {
                h += "<table class=\"list\">\n<colgroup><col class=\"c-id\"><col class=\"c-text2\"><col class=\"c-lab\"><col class=\"c-lab\"></colgroup>\n"
                h += "<thead><tr><th>\(e(s.id))</th><th>\(e(s.response))</th><th>\(e(s.analyst))</th><th>\(e(s.model))</th></tr></thead>\n<tbody>\n"
                for i in a.stanceDisagreements.prefix(a.limits.disagreements) {
                    let p = ps[i]
                    h += "<tr><td><code>\(e(p.id))</code><br>\(p.year.map(String.init) ?? "—")</td><td>\(e(Escape.shortened(p.response, limit: a.limits.textCharacters)))</td>"
                    h += "<td>\(badge(p.goldStance ?? Stance.none))</td><td>\(badge(p.predictedStance ?? Stance.none))</td></tr>\n"
                }
                h += "</tbody>\n</table>\n"
                if a.stanceDisagreements.count > a.limits.disagreements {
                    h += "<p class=\"note\">\(e(s.truncatedNote(a.limits.disagreements, of: a.stanceDisagreements.count, file: "stance_disagreements.csv", f)))</p>\n"
                }
                h += dataLink("stance_disagreements.csv")
            }
        }
        return h + "</section>\n"
    }

    // MARK: 8. data

    func dataFiles() -> String {
        var h = sectionOpen(7) + "<p>\(e(s.dataIntro(a.csv)))</p>\n<ul class=\"files\">\n"
        for t in tables {
            h += "<li><a href=\"\(e(t.file))\">\(e(t.file))</a> — \(e(a.language == .pl ? t.pl : t.en))</li>\n"
        }
        h += "<li><a href=\"columns.md\">columns.md</a> — \(e(s.columnsFile))</li>\n"
        return h + "</ul>\n</section>\n"
    }

    func dataLink(_ file: String) -> String {
        "<p class=\"data\">\(e(s.csvLink)): <a href=\"\(e(file))\">\(e(file))</a></p>\n"
    }

    func legend(_ items: [(String, String)]) -> String {
        "<ul class=\"legend\">" + items.map { "<li>\(SVGChart.swatch($0.1)) \(e($0.0))</li>" }.joined() + "</ul>\n"
    }

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
