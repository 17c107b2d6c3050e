/// Counts over a corpus for `postulaty corpus stats`: records by year, theme, organisation and response stance,
/// and the resubmission groups (`group` field) with their sizes and the years they span. Accumulates record
/// by record, so it works on a stream.
public struct CorpusStats: Sendable {
    public private(set) var records = 0
    public private(set) var byYear: [Int: Int] = [:]
    public private(set) var withoutYear = 0
    public private(set) var byTheme: [String: Int] = [:]
    public private(set) var withoutTheme = 0
    public private(set) var withSeveralThemes = 0
    /// Postulates per organisation as spelled in the records (see `organisations` for spellings merged).
    public private(set) var byOrganisation: [String: Int] = [:]
    public private(set) var byStance: [String: Int] = [:]
    public private(set) var withoutStance = 0
    public private(set) var authored = 0
    /// group id → (size, years seen)
    public private(set) var groups: [String: (size: Int, years: Set<Int>)] = [:]

    public init() {}

    public mutating func add(_ p: Postulate) {
        records += 1
        if let y = p.year { byYear[y, default: 0] += 1 } else { withoutYear += 1 }
        let themes = p.themes.count < 2 ? p.themes : Array(Set(p.themes))
        if themes.isEmpty { withoutTheme += 1 }
        if themes.count >= 2 { withSeveralThemes += 1 }
        for t in themes { byTheme[t, default: 0] += 1 }
        byOrganisation[p.organisation, default: 0] += 1
        if let s = p.responseStance, !s.isEmpty { byStance[s, default: 0] += 1 } else { withoutStance += 1 }
        if p.value(of: "authored")?.boolValue == true { authored += 1 }
        if let g = p.group, !g.isEmpty {
            var e = groups[g] ?? (0, [])
            e.size += 1
            if let y = p.year { e.years.insert(y) }
            groups[g] = e
        }
    }

    /// Postulates per organisation, the spellings of one organisation merged (`OrganisationNames`): most first.
    public var organisations: [(name: String, count: Int)] { OrganisationNames.grouped(byOrganisation) }

    /// Group sizes → how many groups have that size.
    public var groupSizeHistogram: [(size: Int, groups: Int)] {
        Dictionary(grouping: groups.values, by: \.size).map { ($0.key, $0.value.count) }.sorted { $0.size < $1.size }
    }
    /// Number of distinct years a group spans → how many groups.
    public var groupYearSpanHistogram: [(years: Int, groups: Int)] {
        Dictionary(grouping: groups.values, by: { $0.years.count }).map { ($0.key, $0.value.count) }.sorted { $0.years < $1.years }
    }

    /// The report a clerk reads, in the run's message language (labels in words, codes in parentheses). Sorted, so
    /// it is the same on every run.
    public func report(taxonomy: Taxonomy?, files: [String], topOrganisations: Int = 20) -> String {
        var s = ""
        /// Percent of all records with one decimal (a decimal comma in Polish), computed in integers.
        func pct(_ n: Int) -> String {
            guard records > 0 else { return "" }
            let permille = (n * 1000 + records / 2) / records
            return "  (\(permille / 10)\(tr(",", "."))\(permille % 10)%)"
        }
        func row(_ label: String, _ n: Int, width: Int = 44) -> String {
            let count = String(n)
            let pad = max(1, width - label.count) + max(0, 6 - count.count)
            return "  " + label + String(repeating: " ", count: pad) + count + pct(n) + "\n"
        }
        let postulates = counted(records, pl: ("postulat", "postulaty", "postulatów"), en: ("postulate", "postulates"))
        let fileCount = counted(files.count, pl: ("plik", "pliki", "plików"), en: ("file", "files"))
        s += tr("Korpus — postulaty: \(records), pliki: \(files.count)", "Corpus: \(postulates) in \(fileCount)")
        if authored > 0 {
            s += tr(", w tym napisane przez projekt (authored): \(authored)", ", of which written by the project (authored): \(authored)")
        }
        s += "\n"
        for f in files { s += "  - \(f)\n" }

        s += tr("\nLata spotkań:\n", "\nMeeting years:\n")
        for y in byYear.keys.sorted() { s += row(String(y), byYear[y]!) }
        if withoutYear > 0 { s += row(tr("(brak roku)", "(no year)"), withoutYear) }

        s += tr("\nTematy (postulat może mieć kilka):\n", "\nThemes (a postulate may have several):\n")
        var codes = taxonomy?.codes ?? []
        codes += byTheme.keys.filter { !codes.contains($0) }.sorted()
        for c in codes {
            let label = taxonomy?.theme(c).map { "\(tr($0.labelPL, $0.labelEN)) (\(c))" }
                ?? tr("\(c) (spoza taksonomii)", "\(c) (not in the taxonomy)")
            s += row(label, byTheme[c] ?? 0)
        }
        s += row(tr("bez tematu", "no theme"), withoutTheme)
        s += row(tr("z dwoma lub więcej tematami", "two or more themes"), withSeveralThemes)

        s += tr("\nStanowisko miasta (response_stance):\n", "\nThe city's position (response_stance):\n")
        for st in ResponseStance.allCases { s += row("\(tr(st.labelPL, st.labelEN)) (\(st.rawValue))", byStance[st.rawValue] ?? 0) }
        for other in byStance.keys.filter({ ResponseStance(rawValue: $0) == nil }).sorted() {
            s += row(tr("\(other) (niedozwolone)", "\(other) (not allowed)"), byStance[other]!)
        }
        if withoutStance > 0 { s += row(tr("bez oznaczenia", "not labelled"), withoutStance) }

        let orgs = organisations
        let shown = min(topOrganisations, orgs.count)
        if orgs.allSatisfy({ $0.name.isEmpty }) {
            // a participatory-budget export names none: not "1 organisation" called "(no organisation)"
            s += tr("\nOrganizacje: żaden rekord nie podaje organizacji.\n", "\nOrganisations: no record names an organisation.\n")
        } else {
            s += tr("\nOrganizacje (\(orgs.count), najczęstsze \(shown)):\n", "\nOrganisations (\(orgs.count), the \(shown) most frequent):\n")
            for (o, n) in orgs.prefix(topOrganisations) { s += row(o.isEmpty ? tr("(brak organizacji)", "(no organisation)") : o, n, width: 60) }
        }

        s += tr("\nGrupy powtórzonych postulatów (pole group):\n", "\nGroups of resubmitted postulates (group):\n")
        let inGroups = groups.values.reduce(0) { $0 + $1.size }
        s += tr("  grup: \(groups.count), postulatów w grupach: \(inGroups)", "  groups: \(groups.count), postulates in groups: \(inGroups)")
            + "\(pct(inGroups))\n"
        if !groups.isEmpty {
            s += tr("  postulatów w grupie → liczba grup: ", "  postulates in a group → groups: ")
                + groupSizeHistogram.map { "\($0.size) → \($0.groups)" }.joined(separator: ", ") + "\n"
            s += tr("  różnych lat w grupie → liczba grup: ", "  distinct years in a group → groups: ")
                + groupYearSpanHistogram.map { "\($0.years) → \($0.groups)" }.joined(separator: ", ") + "\n"
            let multi = groups.values.filter { $0.years.count >= 2 }.count
            s += tr("  grup obejmujących więcej niż jeden rok: \(multi)\n", "  groups spanning more than one year: \(multi)\n")
        }
        return s
    }
}
