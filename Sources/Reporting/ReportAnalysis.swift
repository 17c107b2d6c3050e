import Corpus

/// How much of each list the HTML and Markdown show; the CSV files always hold everything. Keeps a report on
/// 100k postulates readable and quick to render.
public struct ReportLimits: Sendable {
    public var postulatesPerTheme = 200
    public var representative = 3
    public var organisations = 30
    public var clusters = 40
    public var noTheme = 150
    public var disagreements = 150
    public var characteristicTerms = 15
    public var textCharacters = 260
    public var responseCharacters = 150

    public init() {}
}

/// How the report's CSV files are written. The default is what a Polish-locale Excel opens correctly on a double
/// click: UTF-8 with a byte-order mark, `;` between cells and a decimal comma. `rfc` is plain RFC 4180 CSV (`,`,
/// no byte-order mark, decimal point). The decimal mark follows the delimiter: a comma with `;`, a point otherwise.
/// Text cells always get the formula guard (`CSVFormulaGuard`); numbers never do.
public enum ReportCSV {
    public static let spreadsheet = CSVOptions(delimiter: ";", byteOrderMark: true)
    public static let rfc = CSVOptions(delimiter: ",", byteOrderMark: false)
    /// The separator inside a cell that holds a list (theme codes, years), as in every CSV of the project.
    public static let listSeparator = "|"

    static func decimalComma(_ o: CSVOptions) -> Bool { o.delimiter == ";" }
}

/// The numbers and lists every output is rendered from, computed once from `ReportData`. All orders are explicit
/// (never dictionary order), so the outputs are deterministic.
struct ReportAnalysis: Sendable {
    let data: ReportData
    let limits: ReportLimits
    let language: ReportLanguage
    /// How the CSV files are written (`ReportCSV.spreadsheet` unless asked otherwise).
    let csv: CSVOptions
    var strings: ReportStrings { ReportStrings(language) }
    var format: NumberFormat { NumberFormat(language) }

    /// Themes shown: the taxonomy's, then any other code found in labels (sorted), so nothing is silently dropped.
    let themes: [ReportTheme]
    /// Distinct known years, ascending.
    let years: [Int]
    /// Postulates per year (index parallel to `years`).
    let yearTotals: [Int]
    /// Postulates without a year.
    let unknownYearCount: Int
    /// [theme][year] number of postulates carrying the theme.
    let themeYearCounts: [[Int]]
    /// Postulates per theme (all years, unknown year included).
    let themeTotals: [Int]
    /// Organisations, most postulates first (ties by name); the spellings of one organisation count as one
    /// (`OrganisationNames`).
    let organisations: [OrganisationRow]
    /// Organisations with a name (postulates filed by none are one row of the tables, but no organisation).
    var namedOrganisationCount: Int { organisations.count { !$0.name.isEmpty } }
    /// Per theme, indices of its postulates ordered by year, then id.
    let themeMembers: [[Int]]
    /// Per theme, indices of its representative postulates (highest model score, distinct organisations first).
    let representatives: [[Int]]
    /// Stance columns shown (the five, then others found, then `Stance.none` when some postulate has no response).
    let stances: [String]
    /// Stance codes a response can be labelled with (the five, then others found): rows and columns of the
    /// analyst-versus-model matrix.
    let stanceCodes: [String]
    /// [theme][stance] counts of shown stances.
    let stanceByTheme: [[Int]]
    /// [year][stance] counts (index parallel to `years`).
    let stanceByYear: [[Int]]
    /// [analyst stance][model stance] over responses carrying both (codes of `stances` without `Stance.none`).
    let stanceConfusion: [[Int]]
    let stanceLabelled: Int
    let stanceAgreed: Int
    /// Clusters spanning two or more years: member indices ordered by year then id.
    let recurring: [RecurringDemand]
    /// Indices of postulates without a (shown) theme.
    let noTheme: [Int]
    /// Per theme: analyst count, model count, both (over postulates with analyst labels).
    let themeAgreement: [(analyst: Int, model: Int, both: Int)]
    let themeLabelled: Int
    /// Postulates with analyst labels whose model themes differ.
    let themeDisagreements: [Int]
    /// Postulates whose model stance differs from the analyst's.
    let stanceDisagreements: [Int]
    /// Shown stance of each postulate (index parallel to `data.postulates`); `Stance.none` when there is none.
    let shownStance: [String]

    struct OrganisationRow: Sendable {
        var name: String
        var total: Int
        var perTheme: [Int]
        var noTheme: Int
    }

    struct RecurringDemand: Sendable {
        var members: [Int]
        var years: [Int]
        var organisations: [String]
    }

    init(_ data: ReportData, language: ReportLanguage = .pl, limits: ReportLimits = ReportLimits(),
                csv: CSVOptions = ReportCSV.spreadsheet) {
        self.data = data
        self.limits = limits
        self.language = language
        self.csv = csv
        let ps = data.postulates

        // Themes: taxonomy order, then unknown codes found in the labels.
        var themes = data.themes
        let known = Set(themes.map(\.code))
        var extra = Set<String>()
        for p in ps {
            for c in p.shownThemes where !known.contains(c) { extra.insert(c) }
            for c in p.goldThemes ?? [] where !known.contains(c) { extra.insert(c) }
        }
        for c in extra.sorted() { themes.append(ReportTheme(code: c, labelPL: c, labelEN: c)) }
        self.themes = themes
        var themeIndex: [String: Int] = [:]
        for (i, t) in themes.enumerated() where themeIndex[t.code] == nil { themeIndex[t.code] = i }

        // Years.
        let years = Set(ps.compactMap(\.year)).sorted()
        self.years = years
        var yearIndex: [Int: Int] = [:]
        for (i, y) in years.enumerated() { yearIndex[y] = i }

        // Stances: the five, then other codes found, then "none".
        var stances = Stance.all
        let knownStances = Set(stances)
        var otherStances = Set<String>()
        for p in ps {
            if let s = p.predictedStance, !s.isEmpty, !knownStances.contains(s) { otherStances.insert(s) }
            if let s = p.goldStance, !s.isEmpty, !knownStances.contains(s) { otherStances.insert(s) }
        }
        otherStances.remove(Stance.none)
        stances += otherStances.sorted()
        stances.append(Stance.none)
        var stanceIndex: [String: Int] = [:]
        for (i, s) in stances.enumerated() { stanceIndex[s] = i }

        let nT = themes.count, nY = years.count, nS = stances.count
        var yearTotals = [Int](repeating: 0, count: nY)
        var unknownYear = 0
        var themeYear = [[Int]](repeating: [Int](repeating: 0, count: nY), count: nT)
        var themeTotals = [Int](repeating: 0, count: nT)
        var members = [[Int]](repeating: [], count: nT)
        var stanceTheme = [[Int]](repeating: [Int](repeating: 0, count: nS), count: nT)
        var stanceYear = [[Int]](repeating: [Int](repeating: 0, count: nS), count: nY)
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: nS - 1), count: nS - 1)
        var stanceLabelled = 0, stanceAgreed = 0
        var noTheme: [Int] = []
        var agreement = [(analyst: Int, model: Int, both: Int)](repeating: (0, 0, 0), count: nT)
        var themeLabelled = 0
        var themeDis: [Int] = []
        var stanceDis: [Int] = []
        var shown = [String](repeating: Stance.none, count: ps.count)
        var orgIndex: [String: Int] = [:]
        var orgs: [OrganisationRow] = []
        // Each postulate's organisation as shown: its spelling merged with the organisation's other spellings.
        let spelled = ps.map { Escape.oneLine($0.organisation) }
        let orgNames = OrganisationNames(spelled)
        // Each spelling's key computed once (organisations are few, postulates many).
        var shownBySpelling: [String: String] = [:]
        let organisation = spelled.map { spelling in
            if let shown = shownBySpelling[spelling] { return shown }
            let shown = orgNames.display(spelling)
            shownBySpelling[spelling] = shown
            return shown
        }

        // Fields read in place (`ps[i].…`): binding the postulate copied it (a dozen retains and releases) per row.
        for i in ps.indices {
            let yi = ps[i].year.flatMap { yearIndex[$0] }
            if let yi { yearTotals[yi] += 1 } else { unknownYear += 1 }

            // Themes shown: distinct codes in theme order.
            let tis = Array(Set(ps[i].shownThemes.compactMap { themeIndex[$0] })).sorted()
            if tis.isEmpty { noTheme.append(i) }
            for ti in tis {
                themeTotals[ti] += 1
                members[ti].append(i)
                if let yi { themeYear[ti][yi] += 1 }
            }

            // Stance shown: the model's, or the analyst's when the report runs on analyst labels.
            var s = Stance.none
            if data.stanceSource == .model, let m = ps[i].predictedStance, !m.isEmpty { s = m }
            if data.stanceSource == .analyst, let g = ps[i].goldStance, !g.isEmpty { s = g }
            if ps[i].reviewed, let g = ps[i].goldStance, !g.isEmpty { s = g }   // the staff's decision
            if Escape.isBlank(ps[i].response) { s = Stance.none }
            shown[i] = s
            let si = stanceIndex[s] ?? (nS - 1)
            for ti in tis { stanceTheme[ti][si] += 1 }
            if let yi { stanceYear[yi][si] += 1 }
            if data.stanceSource == .model, let g = ps[i].goldStance, let m = ps[i].predictedStance,
               let gi = stanceIndex[g], let mi = stanceIndex[m], gi < nS - 1, mi < nS - 1 {
                confusion[gi][mi] += 1
                stanceLabelled += 1
                if gi == mi { stanceAgreed += 1 } else { stanceDis.append(i) }
            }

            // Agreement with analyst themes.
            if data.themeSource == .model, let gold = ps[i].goldThemes {
                themeLabelled += 1
                let g = Set(gold.compactMap { themeIndex[$0] })
                let m = Set(tis)
                for ti in g { agreement[ti].analyst += 1 }
                for ti in m { agreement[ti].model += 1; if g.contains(ti) { agreement[ti].both += 1 } }
                if g != m { themeDis.append(i) }
            }

            // Organisations, under one spelling per organisation.
            let name = organisation[i]
            let oi: Int
            if let k = orgIndex[name] { oi = k } else {
                oi = orgs.count; orgIndex[name] = oi
                orgs.append(OrganisationRow(name: name, total: 0, perTheme: [Int](repeating: 0, count: nT), noTheme: 0))
            }
            orgs[oi].total += 1
            if tis.isEmpty { orgs[oi].noTheme += 1 }
            for ti in tis { orgs[oi].perTheme[ti] += 1 }
        }

        // One sort by (year, id, input position); every later order compares these ranks (ints, not strings).
        // (The keys read once: a comparison read them through the postulate's key paths.)
        let yearKeys = ps.map { $0.record.year ?? Int.max }, idKeys = ps.map { $0.record.id }
        let order = ps.indices.sorted { a, b in
            let ya = yearKeys[a], yb = yearKeys[b]
            if ya != yb { return ya < yb }
            if idKeys[a] != idKeys[b] { return idKeys[a] < idKeys[b] }
            return a < b
        }
        var rank = [Int](repeating: 0, count: ps.count)
        for (k, i) in order.enumerated() { rank[i] = k }
        func byYearThenId(_ a: Int, _ b: Int) -> Bool { rank[a] < rank[b] }
        members = members.map { $0.sorted(by: byYearThenId) }

        // Representatives: highest score for the theme; distinct organisations first; ties by id.
        var reps: [[Int]] = []
        for (ti, t) in themes.enumerated() {
            // Each member's score looked up once (a lookup per comparison hashed the code and copied the
            // postulate: most of this analysis on 100k postulates); the same order.
            let scores = members[ti].map { ps[$0].themeScores[t.code] ?? 0 }
            let ranked = members[ti].indices.sorted { a, b in
                let sa = scores[a], sb = scores[b]
                if sa != sb { return sa > sb }
                return byYearThenId(members[ti][b], members[ti][a])
            }.map { members[ti][$0] }
            var chosen: [Int] = []
            var seen = Set<String>()
            for i in ranked where chosen.count < limits.representative {
                if seen.insert(organisation[i]).inserted { chosen.append(i) }
            }
            for i in ranked where chosen.count < limits.representative && !chosen.contains(i) { chosen.append(i) }
            reps.append(chosen)
        }

        // Recurring demands: clusters over two or more years.
        var idIndex: [String: Int] = [:]
        for (i, p) in ps.enumerated() where idIndex[p.id] == nil { idIndex[p.id] = i }
        var recurring: [RecurringDemand] = []
        for cluster in data.clusters {
            let m = Array(Set(cluster.compactMap { idIndex[$0] })).sorted(by: byYearThenId)
            let ys = Set(m.compactMap { ps[$0].year }).sorted()
            guard ys.count >= 2 else { continue }
            let os = Set(m.map { organisation[$0] }).sorted()
            recurring.append(RecurringDemand(members: m, years: ys, organisations: os))
        }
        recurring.sort { a, b in
            if a.years.count != b.years.count { return a.years.count > b.years.count }
            if a.members.count != b.members.count { return a.members.count > b.members.count }
            return byYearThenId(a.members[0], b.members[0])
        }

        orgs.sort { a, b in a.total != b.total ? a.total > b.total : a.name < b.name }

        self.yearTotals = yearTotals
        self.unknownYearCount = unknownYear
        self.themeYearCounts = themeYear
        self.themeTotals = themeTotals
        self.organisations = orgs
        self.themeMembers = members
        self.representatives = reps
        // The "no response" column only when some postulate has no response.
        self.stanceCodes = Array(stances.dropLast())
        if shown.contains(Stance.none) {
            self.stances = stances
            self.stanceByTheme = stanceTheme
            self.stanceByYear = stanceYear
        } else {
            self.stances = Array(stances.dropLast())
            self.stanceByTheme = stanceTheme.map { Array($0.dropLast()) }
            self.stanceByYear = stanceYear.map { Array($0.dropLast()) }
        }
        self.stanceConfusion = confusion
        self.stanceLabelled = stanceLabelled
        self.stanceAgreed = stanceAgreed
        self.recurring = recurring
        self.noTheme = noTheme.sorted(by: byYearThenId)
        self.themeAgreement = agreement
        self.themeLabelled = themeLabelled
        self.themeDisagreements = themeDis.sorted(by: byYearThenId)
        self.stanceDisagreements = stanceDis.sorted(by: byYearThenId)
        self.shownStance = shown
    }

    /// The analyst's stance of postulate `i` when the shown stance is the model's and differs from it (the report
    /// shows both there), else nil.
    func differingAnalystStance(_ i: Int) -> String? {
        guard data.stanceSource == .model, let g = data.postulates[i].goldStance, !g.isEmpty, shownStance[i] != Stance.none,
              g != shownStance[i] else { return nil }
        return g
    }

    /// Share of the year's postulates carrying theme `t` (0 when the year is empty).
    func share(theme t: Int, year y: Int) -> Double {
        yearTotals[y] == 0 ? 0 : Double(themeYearCounts[t][y]) / Double(yearTotals[y])
    }

    /// How many postulates the staff reviewed (their labels are counted instead of the models').
    var reviewedCount: Int { data.postulates.reduce(0) { $0 + ($1.reviewed ? 1 : 0) } }

    /// Theme codes of postulate `i` as shown (theme order, known codes only).
    func shownThemes(_ i: Int) -> [String] { shownThemes(i, codes: themes.map(\.code)) }

    /// The same with the theme codes given (`themes.map(\.code)`, made once for a table of every postulate).
    func shownThemes(_ i: Int, codes: [String]) -> [String] {
        let shown = data.postulates[i].shownThemes
        // A postulate has a few themes: a linear search, not a set per row.
        return codes.filter { shown.contains($0) }
    }

    func label(ofTheme code: String, _ lang: ReportLanguage) -> String {
        themes.first { $0.code == code }?.label(lang) ?? code
    }
}
