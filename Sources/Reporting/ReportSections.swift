/// The report's sections, in the order they appear: the HTML page (its `id`s, numbered headings and contents), the
/// Markdown and the CSV tables all read this one list, so they cannot disagree on an order, a number, a title or
/// which files hold a section's data.
enum ReportSection: String, CaseIterable, Sendable {
    case summary
    case themesByYear = "themes-by-year"
    case themesByOrganisation = "themes-by-organisation"
    case themes
    case recurring
    case answers
    case quality
    case data

    /// The anchor of the section in the HTML page.
    var id: String { rawValue }

    /// Its number in headings and the contents (1-based, the order of `allCases`).
    var number: Int { (Self.allCases.firstIndex(of: self) ?? 0) + 1 }

    func title(_ strings: ReportStrings) -> String {
        switch self {
        case .summary: strings.summary
        case .themesByYear: strings.sThemesByYear
        case .themesByOrganisation: strings.sThemesByOrg
        case .themes: strings.sThemeDetails
        case .recurring: strings.sRecurring
        case .answers: strings.sAnswers
        case .quality: strings.sQuality
        case .data: strings.sData
        }
    }

    /// The CSV files holding the section's data in full, in the order the section shows them. The report writes
    /// its tables in this order, section after section (`ReportAnalysis.tables()`).
    var files: [ReportCSVFile] {
        switch self {
        case .summary: []
        case .themesByYear: [.themesByYear]
        case .themesByOrganisation: [.themesByOrganisation]
        case .themes: [.themePostulates, .characteristicTerms]
        case .recurring: [.recurringDemands]
        case .answers: [.stanceByTheme, .stanceByYear, .stanceConfusion]
        case .quality: [.noTheme, .themeAgreement, .themeDisagreements, .stanceDisagreements]
        case .data: [.postulates]
        }
    }
}

/// The report's CSV files. Tables, the links under each section and the notes on cut lists name them only here.
enum ReportCSVFile: String, CaseIterable, Sendable {
    case themesByYear = "themes_by_year.csv"
    case themesByOrganisation = "themes_by_organisation.csv"
    case themePostulates = "theme_postulates.csv"
    case characteristicTerms = "characteristic_terms.csv"
    case recurringDemands = "recurring_demands.csv"
    case stanceByTheme = "stance_by_theme.csv"
    case stanceByYear = "stance_by_year.csv"
    case stanceConfusion = "stance_confusion.csv"
    case noTheme = "no_theme.csv"
    case themeAgreement = "theme_agreement.csv"
    case themeDisagreements = "theme_disagreements.csv"
    case stanceDisagreements = "stance_disagreements.csv"
    case postulates = "postulates.csv"

    var name: String { rawValue }

    /// Every file in the order the report writes them (the sections' files, section after section).
    static var inReportOrder: [ReportCSVFile] { ReportSection.allCases.flatMap(\.files) }
}

extension ReportAnalysis {
    /// The organisations listed by name (the first `limits.organisations`), then, when the list is cut, the rest
    /// summed into one row (`count` organisations). The HTML and the Markdown show both; the CSV holds every row.
    var shownOrganisations: ArraySlice<OrganisationRow> { organisations.prefix(limits.organisations) }

    var otherOrganisations: (count: Int, row: OrganisationRow)? {
        let rest = organisations.dropFirst(limits.organisations)
        guard !rest.isEmpty else { return nil }
        var row = OrganisationRow(name: "", total: 0, perTheme: [Int](repeating: 0, count: themes.count), noTheme: 0)
        for o in rest {
            row.total += o.total
            for i in row.perTheme.indices { row.perTheme[i] += o.perTheme[i] }
            row.noTheme += o.noTheme
        }
        return (rest.count, row)
    }

    /// The analyst's theme codes of postulate `i` in theme order (codes shown in the report only).
    func analystThemes(_ i: Int) -> [String] {
        let set = Set(data.postulates[i].goldThemes ?? [])
        return themes.map(\.code).filter { set.contains($0) }
    }
}
