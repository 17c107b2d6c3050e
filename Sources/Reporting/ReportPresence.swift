/// What the data has at all: a participatory-budget export has no city responses and no organisations, and a
/// report of it must not show a stance section of zeros, a heat map of one "—" row or a column of blanks. Both
/// renderers ask here, so Markdown and HTML leave out the same parts.
extension ReportAnalysis {
    /// Some record carries the city's response.
    var hasResponses: Bool { data.postulates.contains { !$0.response.isEmpty } }
    /// Some record names an organisation.
    var hasOrganisations: Bool { namedOrganisationCount > 0 }
    /// A recurring demand's named organisations (a record without one is not "1 organisation").
    func namedOrganisations(_ c: RecurringDemand) -> Int { c.organisations.count { !$0.isEmpty } }
}
