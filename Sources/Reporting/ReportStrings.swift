import Corpus
/// Every sentence of the report in Polish and English. Kept in one place so the two languages stay in step and a
/// clerk can correct the Polish without reading the renderers.
struct ReportStrings: Sendable {
    let lang: ReportLanguage

    init(_ lang: ReportLanguage) { self.lang = lang }

    private func t(_ pl: String, _ en: String) -> String { lang == .pl ? pl : en }

    var title: String { t("Raport tematyczny", "Thematic report") }
    /// "Raport tematyczny: Kraków", or the bare title when the report has no subject.
    func heading(_ subject: String) -> String { subject.isEmpty ? title : title + ": " + subject }
    var sources: String { t("Źródła", "Sources") }
    var contents: String { t("Spis treści", "Contents") }
    var summary: String { t("W skrócie", "Summary") }
    var postulates: String { t("Postulaty", "Postulates") }
    var postulate: String { t("Postulat", "Postulate") }
    var organisation: String { t("Organizacja", "Organisation") }
    var organisations: String { t("Organizacje", "Organisations") }
    var year: String { t("Rok", "Year") }
    var years: String { t("Lata", "Years") }
    var theme: String { t("Temat", "Theme") }
    var themes: String { t("Tematy", "Themes") }
    var response: String { t("Odpowiedź miasta", "The city's response") }
    var stance: String { t("Stanowisko", "Stance") }
    var total: String { t("Razem", "Total") }
    var noTheme: String { t("bez tematu", "no theme") }
    /// Follows a full stop in the summary line, so it starts a sentence.
    var unknownYear: String { t("Rok nieznany", "Year unknown") }
    var id: String { "ID" }
    var analyst: String { t("Analityk", "Analyst") }
    var model: String { t("Model", "Model") }
    var agreed: String { t("Zgodne", "Agreed") }
    var precision: String { t("Precyzja", "Precision") }
    var recall: String { t("Pełność", "Recall") }
    var csvLink: String { t("dane", "data") }
    var columnsFile: String { t("objaśnienie kolumn", "column descriptions") }

    // Section titles.
    var sThemesByYear: String { t("Tematy w kolejnych latach", "Themes by year") }
    var sThemesByOrg: String { t("Tematy według organizacji", "Themes by organisation") }
    var sThemeDetails: String { t("Tematy: postulaty i odpowiedzi", "Themes: postulates and responses") }
    var sRecurring: String { t("Postulaty powracające", "Recurring demands") }
    var sAnswers: String { t("Odpowiedzi miasta", "The city's answers") }
    var sQuality: String { t("Jakość: do przejrzenia", "Quality: for review") }
    var sData: String { t("Dane w plikach CSV", "Data in CSV files") }

    var stanceByTheme: String { t("Stanowisko miasta według tematu", "The city's stance by theme") }
    var stanceByYear: String { t("Stanowisko miasta według roku", "The city's stance by year") }
    var stanceConfusion: String { t("Stanowisko: analityk a model", "Stance: analyst versus model") }
    var noThemeList: String { t("Postulaty bez tematu", "Postulates with no theme") }
    var themeAgreement: String { t("Tematy: zgodność modelu z etykietami analityków", "Themes: model versus analyst labels") }
    var themeDisagreements: String { t("Postulaty, w których model i analityk się różnią", "Postulates where the model and the analyst differ") }
    var stanceDisagreements: String { t("Odpowiedzi, w których stanowisko modelu i analityka się różni", "Responses where the model's and the analyst's stance differ") }
    var characteristicTerms: String { t("Terminy charakterystyczne (z modelu)", "Characteristic terms (from the model)") }
    var representative: String { t("Postulaty reprezentatywne", "Representative postulates") }
    var allOfTheme: String { t("Postulaty tematu", "Postulates of the theme") }
    func analystSaid(_ label: String) -> String { t("analityk: \(label)", "analyst: \(label)") }
    var postulatesInYear: String { t("Postulaty w roku", "Postulates in the year") }
    var others: String { t("Pozostałe organizacje", "Other organisations") }

    func stanceLabel(_ code: String) -> String {
        switch code {
        case "accepted": return t("uwzględniony", "accepted")
        case "already_done": return t("już realizowany", "already done")
        case "budget_dependent": return t("zależny od budżetu", "budget-dependent")
        case "referred": return t("przekazany dalej", "referred")
        case "rejected": return t("nieuwzględniony", "rejected")
        case Stance.none: return t("brak odpowiedzi", "no response")
        default: return code
        }
    }

    func labelSource(_ s: LabelSource) -> String {
        switch s {
        case .model: return t("model", "model")
        case .analyst: return t("etykiety analityków", "analyst labels")
        case .none: return t("brak", "none")
        }
    }

    /// "1 postulat", "3 postulaty", "5 postulatów" — Polish plural rules (one, few, many).
    func postulatesCount(_ n: Int, _ f: NumberFormat) -> String {
        let num = f.integer(n)
        if lang == .en { return num + (n == 1 ? " postulate" : " postulates") }
        return num + " " + polishPlural(n, one: "postulat", few: "postulaty", many: "postulatów")
    }

    func organisationsCount(_ n: Int, _ f: NumberFormat) -> String {
        let num = f.integer(n)
        if lang == .en { return num + (n == 1 ? " organisation" : " organisations") }
        return num + " " + polishPlural(n, one: "organizacja", few: "organizacje", many: "organizacji")
    }

    func polishPlural(_ n: Int, one: String, few: String, many: String) -> String {
        if n == 1 { return one }
        let d = n % 10, h = n % 100
        if (2...4).contains(d) && !(12...14).contains(h) { return few }
        return many
    }

    /// "14 postulatów od 3 organizacji, lata 2022–2025." — after "od" the genitive ("od 1 organizacji"); one year is
    /// "rok 2025"; data naming no organisation says nothing about organisations.
    func summaryLine(postulates: Int, organisations: Int, years: [Int], f: NumberFormat) -> String {
        let from: String
        if organisations == 0 { from = "" } else if lang == .en { from = " from " + organisationsCount(organisations, f) } else {
            from = " od \(f.integer(organisations)) organizacji"
        }
        let span: String
        switch years.count {
        case 0: span = t("lata –", "years –")
        case 1: span = t("rok \(years[0])", "year \(years[0])")
        default: span = t("lata \(years.first!)–\(years.last!)", "years \(years.first!)–\(years.last!)")
        }
        return "\(postulatesCount(postulates, f))\(from), \(span)."
    }

    /// `stances` nil: no record has a response, so nothing assigned stances (no claim that a model did).
    /// `reviewed`: postulates whose labels the staff decided in the store (they replace the models' there).
    func sourcesOfLabels(themes: LabelSource, stances: LabelSource?, reviewed: Int = 0) -> String {
        let staff = reviewed == 0 ? "" : t(" Recenzja personelu zastępuje je w \(reviewed) \(reviewed == 1 ? "postulacie" : "postulatach").",
                                          " The staff's review replaces them for \(reviewed) postulate\(reviewed == 1 ? "" : "s").")
        guard let stances else { return t("Tematy przypisał: \(labelSource(themes)).", "Themes assigned by: \(labelSource(themes)).") + staff }
        return t("Tematy przypisał: \(labelSource(themes)). Stanowiska odpowiedzi: \(labelSource(stances)).",
          "Themes assigned by: \(labelSource(themes)). Response stances: \(labelSource(stances)).") + staff
    }

    func yearFilter(_ r: ClosedRange<Int>) -> String {
        let span = r.lowerBound == r.upperBound ? "\(r.lowerBound)" : "\(r.lowerBound)–\(r.upperBound)"
        return t("Wybrane lata: \(span).", "Selected years: \(span).")
    }

    var themesByYearIntro: String {
        t("Liczba postulatów z danym tematem w każdym roku, jego udział wśród postulatów tego roku i zmiana wobec poprzedniego roku w danych. Postulat może mieć kilka tematów, więc udziały nie sumują się do 100%.",
          "The number of postulates with each theme in each year, its share of that year's postulates and the change against the previous year in the data. A postulate may have several themes, so shares do not add up to 100%.")
    }
    var themesByOrgIntro: String {
        t("Ile postulatów każdej organizacji dotyczy danego tematu; im ciemniejsze pole, tym więcej postulatów.",
          "How many of each organisation's postulates concern each theme; the darker the cell, the more postulates.")
    }
    func othersRow(_ n: Int, _ f: NumberFormat) -> String { "\(others) (\(f.integer(n)))" }
    var recurringIntro: String {
        t("Grupy niemal identycznych postulatów zgłaszanych w więcej niż jednym roku, z odpowiedzią miasta w każdym roku.",
          "Groups of near-identical postulates filed in more than one year, with the city's response each year.")
    }
    var recurringUnavailable: String {
        t("Wyszukiwanie powtórzeń nie było dostępne przy tworzeniu raportu.", "Duplicate detection was not available when this report was written.")
    }
    var recurringNone: String { t("Nie znaleziono postulatów powracających w kolejnych latach.", "No demands recur across years.") }
    func recurringTitle(_ n: Int, years: [Int], orgs: Int, f: NumberFormat) -> String {
        let ys = years.map(String.init).joined(separator: ", ")
        // no organisation named: nothing to count ("1 organizacja" would be the blank one)
        if orgs == 0 { return t("Postulat powracający \(n): lata \(ys)", "Recurring demand \(n): years \(ys)") }
        return t("Postulat powracający \(n): lata \(ys); \(organisationsCount(orgs, f))",
                 "Recurring demand \(n): years \(ys); \(organisationsCount(orgs, f))")
    }
    var noResponses: String {
        t("Żaden rekord nie ma odpowiedzi miasta, więc nie ma stanowisk do policzenia.",
          "No record has the city's response, so there are no stances to count.")
    }
    var noOrganisations: String {
        t("Żaden rekord nie podaje organizacji, więc nie ma tematów według organizacji.",
          "No record names an organisation, so there are no themes by organisation.")
    }
    var answersIntro: String {
        t("Stanowisko miasta w odpowiedzi na postulaty, rozpoznane przez model stanowisk na podstawie treści odpowiedzi.",
          "The stance of the city's response to the postulates, recognised by the stance model from the response text.")
    }
    var answersIntroGold: String {
        t("Stanowisko miasta według etykiet analityków (model stanowisk nie był dostępny).",
          "The city's stance as labelled by analysts (the stance model was not available).")
    }
    func agreement(_ agreed: Int, of n: Int, _ f: NumberFormat) -> String {
        let share = n == 0 ? 0 : Double(agreed) / Double(n)
        return t("Model zgadza się z analitykiem w \(f.integer(agreed)) z \(f.integer(n)) oznaczonych odpowiedzi (\(f.percent(share))).",
                 "The model agrees with the analyst on \(f.integer(agreed)) of \(f.integer(n)) labelled responses (\(f.percent(share))).")
    }
    var trainedOnSameData: String {
        t("Jeśli model uczono na tych samych danych, zgodność jest zawyżona; rzetelną miarą jest walidacja krzyżowa (polecenie „postulaty eval”).",
          "If the model was trained on these same data, agreement is optimistic; cross-validation is the honest measure (the command “postulaty eval”).")
    }
    /// The model's own cross-validated F1 per label, `names` giving each label as shown.
    func crossValidated(_ v: ModelValidation, names: (String) -> String, _ f: NumberFormat) -> String {
        let list = v.labels.map { "\(names($0.code)) \(f.decimal($0.f1, digits: 2))" }.joined(separator: ", ")
        let docs = polishPlural(v.documents, one: "dokument uczący", few: "dokumenty uczące", many: "dokumentów uczących")
        let parts = polishPlural(v.folds, one: "część", few: "części", many: "części")
        return t("Walidacja krzyżowa zapisana w pliku modelu (\(f.integer(v.folds)) \(parts), \(f.integer(v.documents)) \(docs)), F1: \(list).",
                 "Cross-validation recorded in the model file (\(f.integer(v.folds)) folds, \(f.integer(v.documents)) training documents), F1: \(list).")
    }
    var rowsGold: String { t("wiersze: analityk", "rows: analyst") }
    var colsModel: String { t("kolumny: model", "columns: model") }
    var noThemeIntro: String {
        t("Postulaty, którym nie przypisano żadnego tematu — do przejrzenia: mogą dotyczyć spraw spoza taksonomii albo wskazywać nowy temat.",
          "Postulates that received no theme — for review: they may concern matters outside the taxonomy or point to a new theme.")
    }
    var noneFound: String { t("Brak.", "None.") }
    var noGold: String { t("Dane nie zawierają etykiet analityków.", "The data carry no analyst labels.") }
    func truncatedNote(_ shown: Int, of n: Int, file: String, _ f: NumberFormat) -> String {
        t("Pokazano \(f.integer(shown)) z \(f.integer(n)); pełna lista w pliku \(file).",
          "Showing \(f.integer(shown)) of \(f.integer(n)); the full list is in \(file).")
    }
    func themeHeading(_ label: String, count: Int, share: Double, f: NumberFormat) -> String {
        "\(label) — \(postulatesCount(count, f)) (\(f.percent(share)))"
    }
    var noTerms: String { t("Model nie podaje terminów dla tego tematu.", "The model gives no terms for this theme.") }
    /// "UTF-8 ze znacznikiem BOM, średnik jako separator, przecinek dziesiętny" for the CSV options.
    func csvShape(_ o: CSVOptions) -> String {
        let comma = ReportCSV.decimalComma(o)
        let bom = o.byteOrderMark ? t("UTF-8 ze znacznikiem BOM", "UTF-8 with a byte-order mark") : "UTF-8"
        let sep: String
        switch o.delimiter {
        case ";": sep = t("średnik jako separator", "semicolon-separated")
        case "\t": sep = t("tabulator jako separator", "tab-separated")
        default: sep = t("przecinek jako separator", "comma-separated")
        }
        return "\(bom), \(sep), " + (comma ? t("przecinek dziesiętny", "decimal comma") : t("kropka dziesiętna", "decimal point"))
    }
    func dataIntro(_ o: CSVOptions) -> String {
        t("Każdy wykres i tabela raportu ma swój plik CSV (\(csvShape(o))). Znaczenie kolumn opisuje plik columns.md.",
          "Every chart and table of the report has its CSV file (\(csvShape(o))). columns.md describes every column.")
    }
    /// The first paragraph of columns.md: how every CSV file is written.
    func csvFormat(_ o: CSVOptions) -> String {
        let excel = o == ReportCSV.spreadsheet
        return t("Wszystkie pliki: \(csvShape(o)), nagłówek w pierwszym wierszu, cudzysłowy według RFC 4180, bez separatora tysięcy"
                 + (excel ? " (tak otwiera je poprawnie polski Excel; zwykły CSV według RFC 4180: `postulaty report --delimiter , --no-bom`)" : "")
                 + ". Listy w jednej komórce (kody tematów, lata) rozdziela znak |. Pole tekstowe zaczynające się od =, +, -, @, tabulatora lub CR ma dopisany apostrof na początku, aby arkusz nie wykonał go jako formuły (postulaty usuwa go przy odczycie); liczby są zapisane bez zmian. Pliki zawierają pełne listy (raport HTML może je skracać). Kody tematów i stanowisk są zawsze angielskie.",
                 "All files: \(csvShape(o)), a header row, RFC 4180 quoting, no thousands separator"
                 + (excel ? " (what a Polish-locale Excel opens correctly; plain RFC 4180 CSV: `postulaty report --delimiter , --no-bom`)" : "")
                 + ". A list in one cell (theme codes, years) is separated by |. A text field starting with =, +, -, @, a tab or CR gets a leading apostrophe so that a spreadsheet does not run it as a formula (postulaty removes it when reading); numbers are written as they are. The files hold the full lists (the HTML report may shorten them). Theme and stance codes are always English.")
    }
    var chartCountsAxis: String { t("liczba postulatów", "postulates") }
    var cellLegend: String {
        t("W komórce: liczba postulatów · udział w roku · zmiana wobec poprzedniego roku (liczba; punkty procentowe).",
          "In a cell: postulates · share of the year · change against the previous year (count; percentage points).")
    }
    var themeSourceModelNote: String {
        t("Tematy postulatów przypisał model tematów.", "The themes of the postulates were assigned by the theme model.")
    }
    var themeSourceGoldNote: String {
        t("Model tematów nie był dostępny: raport używa etykiet analityków.", "The theme model was not available: the report uses the analysts' labels.")
    }
}
