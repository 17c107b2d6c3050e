import Corpus
import PolishText
import Similarity

/// The CSV files behind the report's charts and tables: full lists (never cut like the HTML), machine-readable
/// numbers, and a description of every column in both languages, from which `columns.md` is written.
struct ReportTable: Sendable {
    struct Column: Sendable {
        var name: String
        var pl: String
        var en: String
    }

    enum Cell: Sendable, Equatable {
        case text(String), int(Int), decimal(Double), empty
    }

    var file: String
    var pl: String
    var en: String
    var columns: [Column]
    var rows: [[Cell]]

    /// The CSV text: a byte-order mark when asked for, a header row, "\n" line ends, RFC 4180 quoting with the
    /// options' delimiter, the formula guard on text cells, numbers with a decimal comma when the delimiter is `;`.
    func csv(_ options: CSVOptions = ReportCSV.spreadsheet) -> String {
        // Built as bytes: appending cell after cell to a String cost the 100k-postulate report a second.
        let d = options.delimiter
        let sep = Array(String(d).utf8)
        let comma = ReportCSV.decimalComma(options)
        var out: [UInt8] = []
        out.reserveCapacity(256 + 96 * rows.count)
        if options.byteOrderMark { out += [0xEF, 0xBB, 0xBF] }
        for (k, c) in columns.enumerated() {
            if k > 0 { out += sep }
            out.append(contentsOf: Escape.csvText(c.name, delimiter: d).utf8)
        }
        out.append(0x0A)
        for row in rows {
            var first = true
            for cell in row {
                if !first { out += sep }
                first = false
                switch cell {
                case .text(let s): out.append(contentsOf: Escape.csvText(s, delimiter: d).utf8)
                case .int(let i): out.append(contentsOf: String(i).utf8)
                case .decimal(let x):
                    for u in CSVNumber.decimal(x).utf8 { out.append(comma && u == UInt8(ascii: ".") ? UInt8(ascii: ",") : u) }
                case .empty: break
                }
            }
            out.append(0x0A)
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension ReportAnalysis {
    /// Every table, in the order of the sections showing them (`ReportSection.files`); `columns.md` lists them so.
    /// `threads`: the tables with a row per postulate (all postulates, per theme, recurring demands, theme
    /// disagreements: most of the work on a 100k corpus) are built on that many threads, rows in the same order.
    func tables(threads: Int = 1) -> [ReportTable] {
        typealias C = ReportTable.Column
        let ps = data.postulates
        func yearCell(_ y: Int?) -> ReportTable.Cell { y.map { .int($0) } ?? .empty }
        func col(_ n: String, _ pl: String, _ en: String) -> C { C(name: n, pl: pl, en: en) }
        let themeCol = col("theme", "kod tematu z taksonomii", "theme code from the taxonomy")
        let themeLabelCol = col("theme_label", "nazwa tematu w języku raportu", "theme name in the report's language")
        let idCol = col("id", "identyfikator postulatu w korpusie", "postulate id in the corpus")
        let yearCol = col("year", "rok spotkania (puste, gdy nieznany)", "meeting year (empty when unknown)")
        let orgCol = col("organisation", "organizacja zgłaszająca", "organisation that filed the postulate")
        let textCol = col("text", "treść postulatu", "text of the postulate")
        let responseCol = col("response", "odpowiedź (stanowisko) miasta", "the city's response")
        let stanceCol = col("stance", "stanowisko odpowiedzi pokazane w raporcie (kod; none = brak odpowiedzi)", "stance of the response shown in the report (code; none = no response)")
        var tables: [ReportTable] = []

        // 1. Themes by year.
        var rows: [[ReportTable.Cell]] = []
        for (ti, t) in themes.enumerated() {
            for (yi, y) in years.enumerated() {
                var row: [ReportTable.Cell] = [.text(t.code), .text(t.label(language)), .int(y), .int(yearTotals[yi]),
                                               .int(themeYearCounts[ti][yi]), .decimal(share(theme: ti, year: yi))]
                if yi > 0 {
                    row += [.int(themeYearCounts[ti][yi] - themeYearCounts[ti][yi - 1]),
                            .decimal((share(theme: ti, year: yi) - share(theme: ti, year: yi - 1)) * 100)]
                } else { row += [.empty, .empty] }
                rows.append(row)
            }
        }
        tables.append(ReportTable(file: ReportCSVFile.themesByYear.name, pl: "Tematy w kolejnych latach (wykres i tabela)",
                                  en: "Themes by year (chart and table)", columns: [
            themeCol, themeLabelCol, yearCol,
            col("year_postulates", "liczba wszystkich postulatów w tym roku", "all postulates of that year"),
            col("count", "postulaty z tym tematem w tym roku", "postulates with the theme in that year"),
            col("share", "count / year_postulates (0–1; postulat może mieć kilka tematów)", "count / year_postulates (0–1; a postulate may have several themes)"),
            col("change_count", "zmiana count wobec poprzedniego roku w danych (puste dla pierwszego roku)", "change of count against the previous year in the data (empty for the first year)"),
            col("change_share_pp", "zmiana udziału w punktach procentowych", "change of share in percentage points"),
        ], rows: rows))

        // 2. Themes by organisation (wide, like the heat map).
        rows = organisations.map { o in
            [.text(o.name), .int(o.total)] + o.perTheme.map { .int($0) } + [.int(o.noTheme)]
        }
        tables.append(ReportTable(file: ReportCSVFile.themesByOrganisation.name, pl: "Tematy według organizacji (mapa cieplna)",
                                  en: "Themes by organisation (heat map)", columns: [
            orgCol, col("postulates", "wszystkie postulaty organizacji", "all postulates of the organisation"),
        ] + themes.map { col($0.code, "postulaty organizacji z tematem „\($0.labelPL)”", "the organisation's postulates with the theme \"\($0.labelEN)\"") }
          + [col("no_theme", "postulaty organizacji bez tematu", "the organisation's postulates with no theme")], rows: rows))

        // 3. Postulates per theme.
        let reps = representatives.map(Set.init)
        let themed = themes.indices.flatMap { ti in themeMembers[ti].map { (ti, $0) } }
        rows = ParallelAnalysis.orderedMap(themed.indices, workers: threads) { _, k in
            let (ti, i) = themed[k], code = themes[ti].code
            // Fields read in place (`ps[i].…`): binding the postulate copied it per row.
            return [.text(code), .text(ps[i].id), yearCell(ps[i].year), .text(ps[i].organisation),
                    ps[i].themeScores[code].map { .decimal($0) } ?? .empty, .int(reps[ti].contains(i) ? 1 : 0),
                    .text(ps[i].text), .text(ps[i].response), .text(shownStance[i])]
        }
        tables.append(ReportTable(file: ReportCSVFile.themePostulates.name, pl: "Postulaty każdego tematu z odpowiedziami",
                                  en: "Postulates of each theme with responses", columns: [
            themeCol, idCol, yearCol, orgCol,
            col("score", "wynik modelu tematów dla tego tematu (0–1; puste bez modelu)", "theme model score for the theme (0–1; empty without a model)"),
            col("representative", "1, gdy postulat jest pokazany jako reprezentatywny", "1 when the postulate is shown as representative"),
            textCol, responseCol, stanceCol,
        ], rows: rows))

        // 4. Characteristic terms.
        rows = []
        for t in themes {
            for (r, w) in (data.characteristicTerms[t.code] ?? []).prefix(limits.characteristicTerms).enumerated() {
                rows.append([.text(t.code), .int(r + 1), .text(w.label), .decimal(w.weight)])
            }
        }
        tables.append(ReportTable(file: ReportCSVFile.characteristicTerms.name, pl: "Terminy charakterystyczne tematów (z modelu)",
                                  en: "Characteristic terms of the themes (from the model)", columns: [
            themeCol, col("rank", "pozycja terminu (1 = najsilniejszy)", "rank of the term (1 = strongest)"),
            col("term", "termin (forma podstawowa z analizatora; nazwa tak, jak ją piszą teksty; dwa słowa = bigram)", "term (base form from the analyzer; a name as the texts write it; two words = a bigram)"),
            col("weight", "waga terminu w modelu (im wyższa, tym bardziej typowy dla tematu)", "weight of the term in the model (higher = more typical of the theme)"),
        ], rows: rows))

        // 5. Recurring demands.
        let clusterYears = recurring.map { $0.years.map(String.init).joined(separator: ReportCSV.listSeparator) }
        let clustered = recurring.indices.flatMap { ci in recurring[ci].members.map { (ci, $0) } }
        rows = ParallelAnalysis.orderedMap(clustered.indices, workers: threads) { _, k in
            let (ci, i) = clustered[k]
            return [.int(ci + 1), .text(clusterYears[ci]), .text(ps[i].id), yearCell(ps[i].year), .text(ps[i].organisation),
                    .text(ps[i].text), .text(ps[i].response), .text(shownStance[i])]
        }
        tables.append(ReportTable(file: ReportCSVFile.recurringDemands.name, pl: "Postulaty powracające w kolejnych latach",
                                  en: "Demands recurring across years", columns: [
            col("cluster", "numer grupy postulatów powracających (jak w raporcie)", "number of the recurring group (as in the report)"),
            col("years", "lata, w których grupa wystąpiła (rosnąco, rozdzielone znakiem |)", "years in which the group occurs (ascending, separated by |)"),
            idCol, yearCol, orgCol, textCol, responseCol, stanceCol,
        ], rows: rows))

        // 6–7. Stances by theme and by year.
        rows = []
        for (ti, t) in themes.enumerated() {
            let total = stanceByTheme[ti].reduce(0, +)
            for (si, s) in stances.enumerated() {
                let c = stanceByTheme[ti][si]
                rows.append([.text(t.code), .text(t.label(language)), .text(s), .text(strings.stanceLabel(s)), .int(c),
                             .decimal(total == 0 ? 0 : Double(c) / Double(total))])
            }
        }
        let stanceCodeCol = col("stance", "kod stanowiska: accepted, already_done, budget_dependent, referred, rejected; none = brak odpowiedzi", "stance code: accepted, already_done, budget_dependent, referred, rejected; none = no response")
        let stanceLabelCol = col("stance_label", "nazwa stanowiska w języku raportu", "stance name in the report's language")
        tables.append(ReportTable(file: ReportCSVFile.stanceByTheme.name, pl: "Stanowisko miasta według tematu", en: "The city's stance by theme", columns: [
            themeCol, themeLabelCol, stanceCodeCol, stanceLabelCol,
            col("count", "postulaty tematu z tym stanowiskiem", "postulates of the theme with this stance"),
            col("share", "count / wszystkie postulaty tematu (0–1)", "count / all postulates of the theme (0–1)"),
        ], rows: rows))
        rows = []
        for (yi, y) in years.enumerated() {
            let total = stanceByYear[yi].reduce(0, +)
            for (si, s) in stances.enumerated() {
                let c = stanceByYear[yi][si]
                rows.append([.int(y), .text(s), .text(strings.stanceLabel(s)), .int(c), .decimal(total == 0 ? 0 : Double(c) / Double(total))])
            }
        }
        tables.append(ReportTable(file: ReportCSVFile.stanceByYear.name, pl: "Stanowisko miasta według roku", en: "The city's stance by year", columns: [
            yearCol, stanceCodeCol, stanceLabelCol,
            col("count", "postulaty z tego roku z tym stanowiskiem", "postulates of the year with this stance"),
            col("share", "count / wszystkie postulaty roku (0–1)", "count / all postulates of the year (0–1)"),
        ], rows: rows))

        // 8. Stance: analyst versus model.
        rows = []
        let labelled = stanceCodes
        for (gi, g) in labelled.enumerated() {
            for (mi, m) in labelled.enumerated() where stanceConfusion[gi][mi] > 0 {
                rows.append([.text(g), .text(m), .int(stanceConfusion[gi][mi])])
            }
        }
        tables.append(ReportTable(file: ReportCSVFile.stanceConfusion.name, pl: "Stanowisko: analityk a model (tylko niezerowe pary)",
                                  en: "Stance: analyst versus model (non-zero pairs only)", columns: [
            col("analyst_stance", "stanowisko według analityka (pole response_stance)", "stance labelled by the analyst (field response_stance)"),
            col("model_stance", "stanowisko według modelu", "stance predicted by the model"),
            col("count", "liczba odpowiedzi z tą parą", "responses with this pair"),
        ], rows: rows))

        // 9. No theme.
        rows = noTheme.map { i in let p = ps[i]; return [.text(p.id), yearCell(p.year), .text(p.organisation), .text(p.text), .text(p.response)] }
        tables.append(ReportTable(file: ReportCSVFile.noTheme.name, pl: "Postulaty bez tematu", en: "Postulates with no theme",
                                  columns: [idCol, yearCol, orgCol, textCol, responseCol], rows: rows))

        // 10. Theme agreement.
        rows = []
        for (ti, t) in themes.enumerated() {
            let a = themeAgreement[ti]
            rows.append([.text(t.code), .int(a.analyst), .int(a.model), .int(a.both),
                         a.model == 0 ? .empty : .decimal(Double(a.both) / Double(a.model)),
                         a.analyst == 0 ? .empty : .decimal(Double(a.both) / Double(a.analyst))])
        }
        tables.append(ReportTable(file: ReportCSVFile.themeAgreement.name, pl: "Tematy: zgodność modelu z etykietami analityków",
                                  en: "Themes: model versus analyst labels", columns: [
            themeCol,
            col("analyst", "postulaty, którym analityk nadał temat", "postulates the analyst gave the theme"),
            col("model", "spośród oznaczonych: postulaty, którym temat nadał model", "among the labelled: postulates the model gave the theme"),
            col("both", "postulaty z tematem od obu", "postulates given the theme by both"),
            col("precision", "both / model (puste, gdy model = 0)", "both / model (empty when model = 0)"),
            col("recall", "both / analyst (puste, gdy analyst = 0)", "both / analyst (empty when analyst = 0)"),
        ], rows: rows))

        // 11. Theme disagreements.
        let themeCodes = themes.map(\.code)
        rows = ParallelAnalysis.orderedMap(themeDisagreements.indices, workers: threads) { _, k in
            let i = themeDisagreements[k], gold = ps[i].goldThemes ?? []
            return [.text(ps[i].id), yearCell(ps[i].year), .text(ps[i].organisation),
                    .text(themeCodes.filter { gold.contains($0) }.joined(separator: ReportCSV.listSeparator)),
                    .text(shownThemes(i, codes: themeCodes).joined(separator: ReportCSV.listSeparator)), .text(ps[i].text)]
        }
        tables.append(ReportTable(file: ReportCSVFile.themeDisagreements.name, pl: "Postulaty, w których model i analityk się różnią",
                                  en: "Postulates where the model and the analyst differ", columns: [
            idCol, yearCol, orgCol,
            col("analyst_themes", "tematy według analityka (kody rozdzielone znakiem |)", "themes labelled by the analyst (codes separated by |)"),
            col("model_themes", "tematy według modelu (kody rozdzielone znakiem |)", "themes predicted by the model (codes separated by |)"),
            textCol,
        ], rows: rows))

        // 12. Stance disagreements.
        rows = stanceDisagreements.map { i in
            let p = ps[i]
            return [.text(p.id), yearCell(p.year), .text(p.goldStance ?? ""), .text(p.predictedStance ?? ""), .text(p.response)]
        }
        tables.append(ReportTable(file: ReportCSVFile.stanceDisagreements.name, pl: "Odpowiedzi, w których stanowisko modelu i analityka się różni",
                                  en: "Responses where the model's and the analyst's stance differ", columns: [
            idCol, yearCol,
            col("analyst_stance", "stanowisko według analityka", "stance labelled by the analyst"),
            col("model_stance", "stanowisko według modelu", "stance predicted by the model"),
            responseCol,
        ], rows: rows))

        // 13. All postulates as the report sees them; `city` and `district` after the meeting when some record has
        // them (participatory-budget data), so a file without them keeps its columns.
        let places = PlaceLabel.fields.filter { f in ps.contains { PlaceLabel.raw($0.record, f) != nil } }
        rows = ParallelAnalysis.orderedMap(ps.indices, workers: threads) { _, i in
            var row: [ReportTable.Cell] = [.text(ps[i].id), yearCell(ps[i].year), .text(ps[i].meeting)]
            row.reserveCapacity(8 + places.count)
            for f in places { row.append(.text(PlaceLabel.raw(ps[i].record, f) ?? "")) }
            row += [.text(ps[i].organisation), .text(shownThemes(i, codes: themeCodes).joined(separator: ReportCSV.listSeparator)),
                    .text(shownStance[i]), .text(ps[i].text), .text(ps[i].response)]
            return row
        }
        tables.append(ReportTable(file: ReportCSVFile.postulates.name, pl: "Wszystkie postulaty z tematami i stanowiskiem",
                                  en: "All postulates with their themes and stance", columns: [
            idCol, yearCol, col("meeting", "spotkanie (źródło)", "meeting (source)"),
        ] + places.map { $0 == "city"
            ? col("city", "miasto (puste, gdy rekord go nie podaje)", "city (empty when the record has none)")
            : col("district", "dzielnica (puste, gdy rekord jej nie podaje)", "district (empty when the record has none)")
        } + [
            orgCol,
            col("themes", "tematy pokazane w raporcie (kody rozdzielone znakiem |; puste = bez tematu)", "themes shown in the report (codes separated by |; empty = no theme)"),
            stanceCol, textCol, responseCol,
        ], rows: rows))
        // Written and listed section after section, as `ReportSection` orders the files.
        let byName = Dictionary(tables.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        return ReportCSVFile.inReportOrder.compactMap { byName[$0.name] }
    }

    /// `columns.md`: what every file and column means, in the report's language.
    func columnsDocument(_ tables: [ReportTable]) -> String {
        let pl = language == .pl
        var out = pl ? "# Pliki CSV raportu — objaśnienie kolumn\n\n" : "# The report's CSV files — column descriptions\n\n"
        out += strings.csvFormat(csv) + "\n"
        for t in tables {
            out += "\n## \(t.file)\n\n\(Escape.markdown(pl ? t.pl : t.en)).\n\n"
            out += pl ? "| kolumna | znaczenie |\n|---|---|\n" : "| column | meaning |\n|---|---|\n"
            for c in t.columns { out += "| `\(c.name.replacingPipes())` | \(Escape.markdown(pl ? c.pl : c.en)) |\n" }
        }
        return out
    }
}

private extension String {
    /// A column name inside a Markdown code span: "|" would end the table cell, "`" the span.
    func replacingPipes() -> String {
        String(unicodeScalars.map { $0 == "|" || $0 == "`" ? "_" : Character($0) })
    }
}
