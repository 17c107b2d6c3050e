/// The report's three charts, shared by the HTML (inline) and the Markdown (as .svg files beside it).
extension ReportAnalysis {
    var themeSeries: [SVGChart.Series] {
        themes.indices.map { SVGChart.Series(label: themes[$0].label(language), color: SVGChart.color($0), values: themeYearCounts[$0]) }
    }

    var stanceSegments: [(label: String, color: String)] {
        stances.map { (label: strings.stanceLabel($0), color: SVGChart.stanceColor($0)) }
    }

    func chartThemesByYear() -> String {
        SVGChart.groupedBars(categories: years.map(String.init), series: themeSeries, axisLabel: strings.chartCountsAxis,
                             title: strings.sThemesByYear, format: format)
    }

    func chartStanceByTheme() -> String {
        SVGChart.stackedShares(rows: themes.map { $0.label(language) }, segments: stanceSegments, counts: stanceByTheme,
                               title: strings.stanceByTheme, format: format)
    }

    func chartStanceByYear() -> String {
        SVGChart.stackedShares(rows: years.map(String.init), segments: stanceSegments, counts: stanceByYear,
                               title: strings.stanceByYear, format: format)
    }

    /// Chart files written beside report.md: (file name, SVG document).
    func chartFiles() -> [(String, String)] {
        [("themes_by_year.svg", chartThemesByYear()), ("stance_by_theme.svg", chartStanceByTheme()),
         ("stance_by_year.svg", chartStanceByYear())]
    }
}
