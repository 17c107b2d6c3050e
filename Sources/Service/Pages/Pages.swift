import Corpus
import PolishText
import Similarity
import Themes

/// The server-rendered pages, each a function of an engine answer: every value goes through `HTML` (escaped in
/// one place); no page needs JavaScript.
enum Pages {
    static func home(_ e: ServiceEngine, signedIn: String? = nil) -> String {
        let s = e.summary
        let years = s.years.map { HTML.el("tr", .el("td", text: String($0.year)), .el("td", attrs: [("class", "n")], text: String($0.count))) }
        let themes = s.themes.map { t in
            HTML.el("tr", .el("td", text: e.taxonomy.labelPL(t.code)), .el("td", attrs: [("class", "n")], text: String(t.count)))
        }
        return Layout.page(title: "Czy ktoś już o to prosił?", [
            .el("p", text: "Wklej nowy postulat: zobaczysz wcześniejsze podobne postulaty, kto je zgłosił, w których latach i co miasto odpowiedziało — oraz tematy, do których należy, i dlaczego."),
            Layout.searchForm(nil, themes: e.taxonomy, big: true),
            .el("h2", text: "Korpus w skrócie"),
            .el("p", text: "\(counted(s.postulates, pl: ("postulat", "postulaty", "postulatów"), en: ("postulate", "postulates"))) z \(s.years.count == 1 ? "1 roku" : "\(s.years.count) lat") (\(s.years.first.map { String($0.year) } ?? "—")–\(s.years.last.map { String($0.year) } ?? "—")), \(s.indexed) w indeksie podobieństwa."),
            .el("div", attrs: [("class", "card")],
                .el("table", attrs: [],
                    [.el("tr", .el("th", text: "Rok"), .el("th", text: "Postulatów"))] + years)),
            .el("div", attrs: [("class", "card")],
                .el("table", attrs: [],
                    [.el("tr", .el("th", text: "Temat (oznaczony lub przewidziany)"), .el("th", text: "Postulatów"))] + themes)),
            .el("p", .el("a", attrs: [("href", "/report/")], text: "Raport tematyczny korpusu"), .text(" · "),
                .el("a", attrs: [("href", "/tag")], text: "Oznacz plik z nowymi wnioskami"), .text(" · "),
                .el("a", attrs: [("href", "/openapi.json")], text: "API (OpenAPI)")),
        ], staff: e.store != nil, signedIn: signedIn)
    }

    static func search(_ a: SearchAnswer, _ e: ServiceEngine, signedIn: String? = nil) -> String {
        var body: [HTML] = [Layout.searchForm(a.query, themes: e.taxonomy)]
        body.append(.el("h2", text: "Tematy zapytania"))
        body.append(themes(a.themes, e, labels: a.themeLabels))
        body.append(.el("p", attrs: [("class", "terms")], text: "Terminy zapytania: " + (a.terms.isEmpty ? "brak" : a.themeLabels.labels(a.terms).joined(separator: ", "))))
        // "Earlier" only when the search asked for earlier years; otherwise any year may come first.
        let heading = a.query.before.map { "Podobne postulaty sprzed \($0) r. (najbardziej podobne najpierw)" }
            ?? "Podobne postulaty z wszystkich lat (najbardziej podobne najpierw)"
        body.append(.el("h2", text: a.results.isEmpty ? "Brak podobnych postulatów" : heading))
        body += a.results.map { hit($0, e) }
        return Layout.page(title: "Podobne postulaty", body, staff: e.store != nil, signedIn: signedIn)
    }

    /// Polish names of the fields real files add (a participatory-budget sheet's city and district, `--same`'s
    /// usual fields); any other field is shown by its own name.
    static let extraFieldLabels = ["city": "Miasto", "district": "Dzielnica", "group": "Grupa powtórzeń", "source": "Źródło",
                                   "authored": "Tekst napisany przez projekt", "date": "Data spotkania", "row": "Wiersz tabeli w dokumencie",
                                   "same_as": "Powtarza (z recenzji)", "review_note": "Notatka z recenzji"]

    static func postulate(_ a: PostulateAnswer, _ e: ServiceEngine, signedIn: String? = nil) -> String {
        let p = a.record
        var fields: [HTML] = []
        func field(_ name: String, _ value: String) {
            fields.append(.el("dt", text: name))
            fields.append(.el("dd", attrs: [("dir", "auto")], text: value.isEmpty ? "—" : value))
        }
        field("Identyfikator", p.id); field("Rok", Layout.year(p.year)); field("Spotkanie", p.meeting)
        field("Organizacja", p.organisation); field("Postulat", p.text); field("Uzasadnienie", p.justification)
        field("Odpowiedź miasta", p.response); field("Jednostka odpowiadająca", p.respondent)
        field("Stanowisko", Layout.stanceLabel(a.stance))
        let reviewer = p.value(of: "reviewed_by")?.stringValue
        if let reviewer {
            // The response, stance and themes above come from a staff review (`StoredPostulate.reviewed`).
            field("Z recenzji", "\(reviewer), \(Layout.timestamp(p.value(of: "reviewed_at")?.stringValue ?? ""))")
        }
        for (name, value) in p.extra where name != "response_stance" && (reviewer == nil || (name != "reviewed_by" && name != "reviewed_at")) {
            let label = Self.extraFieldLabels[name] ?? name
            if name == "same_as", let ids = value.arrayValue?.compactMap(\.stringValue), !ids.isEmpty {
                // the earlier postulates a reviewer linked: links, not a JSON list
                fields.append(.el("dt", text: label))
                fields.append(.el("dd", attrs: [], Array(ids.map { id -> [HTML] in
                    [.el("a", attrs: [("href", "/postulates/" + percentEncoded(id))], text: id), .text(" ")]
                }.joined())))
                continue
            }
            let shown: String
            if case .bool(let b) = value { shown = b ? "tak" : "nie" } else if value.isNull { shown = "" } else { shown = value.stringValue ?? value.jsonText }
            field(label, shown)
        }
        var body: [HTML] = [.el("dl", attrs: [("class", "fields")], fields)]
        if e.store != nil {
            // With a store: the way to this postulate's review form and its audit trail.
            body.append(.el("p", .el("a", attrs: [("href", "/postulates/" + percentEncoded(p.id) + "/review")], text: "Recenzuj"), .text(" · "),
                            .el("a", attrs: [("href", "/api/postulates/" + percentEncoded(p.id) + "/history")], text: "Historia zmian (JSON)")))
        }
        body.append(.el("h2", text: "Tematy"))
        body.append(.el("p", attrs: [], [.text(reviewer == nil ? "Oznaczone przez analityków: " : "Oznaczone w recenzji (\(reviewer ?? "")): ")]
                        + (p.themes.isEmpty ? [.text("brak")] : p.themes.map { .el("span", attrs: [("class", "theme")], text: e.taxonomy.labelPL($0)) })))
        body.append(themes(a.themes, e, labels: a.themeLabels))
        body.append(.el("h2", text: "Powracający postulat"))
        let linked = p.value(of: "same_as")?.arrayValue?.compactMap(\.stringValue) ?? []
        if a.cluster.isEmpty {
            // The model's clusters only; a reviewer's links say more, so the sentence does not contradict them.
            body.append(.el("p", text: linked.isEmpty
                ? "Nie powraca w innych latach (brak bardzo podobnych postulatów z innych spotkań)."
                : "Model nie znalazł bardzo podobnych postulatów z innych spotkań; recenzja łączy go z: " + linked.joined(separator: ", ") + "."))
        } else {
            body.append(.el("ol", attrs: [("class", "timeline")], a.cluster.map { m in
                let r = m.record
                return .el("li", attrs: [("class", r.id == p.id ? "current" : nil)],
                    .el("span", attrs: [("class", "year")], text: Layout.year(r.year)), .text(" · " + (PlaceLabel.text(r).map { $0 + " · " } ?? "")),
                    .el("a", attrs: [("href", "/postulates/" + percentEncoded(r.id))], text: r.organisation.isEmpty ? r.id : r.organisation),
                    .text(" "), Layout.stanceBadge(m.stance),
                    .el("div", attrs: [("dir", "auto")], text: r.text),
                    .el("blockquote", attrs: [("class", "response"), ("dir", "auto")], text: r.response.isEmpty ? "(brak odpowiedzi)" : r.response))
            }))
        }
        body.append(.el("h2", text: "Najbliższe wcześniejsze postulaty"))
        if a.earlier.isEmpty { body.append(.el("p", text: "Brak.")) }
        body += a.earlier.map { hit($0, e) }
        return Layout.page(title: p.text.isEmpty ? p.id : Escape.shortenedTitle(p.text), body, staff: e.store != nil, signedIn: signedIn)
    }

    static func tagForm(_ e: ServiceEngine, error: String? = nil, signedIn: String? = nil) -> String {
        var body: [HTML] = []
        if let error { body.append(.el("div", attrs: [("class", "error"), ("role", "alert")], text: error)) }
        body += [
            .el("p", text: "Wyślij plik CSV lub JSONL z nowymi wnioskami (albo wklej tekst: jeden postulat w wierszu). Dostaniesz ten sam plik z tematami, ich wynikami i terminami, które o nich zdecydowały — tak jak z polecenia postulaty tag."),
            .el("form", attrs: [("action", "/tag"), ("method", "post"), ("enctype", "multipart/form-data"), ("class", "search")],
                .el("p", .el("label", attrs: [("for", "file")], text: "Plik (CSV, JSONL, TXT): "),
                    .void("input", [("type", "file"), ("id", "file"), ("name", "file"), ("accept", ".csv,.jsonl,.ndjson,.txt")])),
                .el("p", .el("label", attrs: [("for", "text")], text: "albo tekst, jeden postulat w wierszu:"),
                    .el("textarea", attrs: [("id", "text"), ("name", "text"), ("rows", "6"), ("dir", "auto")], text: "")),
                .el("button", attrs: [("type", "submit")], text: "Oznacz i pobierz")),
            .el("p", attrs: [("class", "meta")], text: "Limit: \(e.configuration.maxBodyBytes / (1 << 20)) MB. Błędny rekord jest wskazany z nazwą pliku, numerem wiersza i polem; wtedy nic nie jest oznaczane."),
        ]
        return Layout.page(title: "Oznacz plik tematami", body, staff: e.store != nil, signedIn: signedIn)
    }

    /// `form`: shown under the error (the search form with the refused query in it).
    static func error(_ err: ServiceError, staff: Bool = false, signedIn: String? = nil, form: HTML? = nil) -> String {
        let title: String
        switch err.status.code {
        case 404: title = "Nie znaleziono"
        case 405: title = "Niedozwolona metoda"
        case 413: title = "Za duże żądanie"
        case 400: title = "Błędne żądanie"
        case 401: title = "Wymagane logowanie"
        case 403: title = "Odmowa dostępu"
        case 415: title = "Nieobsługiwany typ danych"
        case 500...: title = "Błąd serwera"
        default: title = "Błąd"
        }
        // A refused form (an expired session: the service was restarted) offers the sign-in at once.
        let signIn: [HTML] = err.status.code == 403 || err.status.code == 401
            ? [.text(" · "), .el("a", attrs: [("href", "/login")], text: "Zaloguj się")] : []
        return Layout.page(title: "\(title) (\(err.status.code))", [
            .el("div", attrs: [("class", "error"), ("role", "alert")], text: err.message),
        ] + (form.map { [$0] } ?? []) + [
            .el("p", [.el("a", attrs: [("href", "/")], text: "Strona główna")] + signIn),
        ], staff: staff, signedIn: signedIn)
    }

    // MARK: parts

    /// The predicted themes with their scores and the terms behind each.
    static func themes(_ p: ThemePrediction, _ e: ServiceEngine, labels: TermLabels = TermLabels()) -> HTML {
        let assigned = p.labels.filter(\.assigned)
        guard !assigned.isEmpty else { return .el("p", text: "Model nie przypisał żadnego tematu.") }
        return .el("ul", attrs: [], assigned.map { l in
            let because: String = l.terms.isEmpty ? "" : " — bo: " + l.terms.map { t -> String in
                labels.label(t.term) + " " + Layout.decimal(l.share(t), places: 0) + "%"
            }.joined(separator: ", ")
            return .el("li",
                .el("span", attrs: [("class", "theme")], text: e.taxonomy.labelPL(l.label)),
                .text(" wynik " + Layout.decimal(l.score) + " (próg " + Layout.decimal(l.threshold) + ")"),
                .el("span", attrs: [("class", "terms")], text: because))
        })
    }

    static func hit(_ f: FoundPostulate, _ e: ServiceEngine) -> HTML {
        let p = f.hit.postulate
        let title: HTML = f.inCorpus
            ? .el("a", attrs: [("href", "/postulates/" + percentEncoded(p.id))], text: p.organisation.isEmpty ? p.id : p.organisation)
            : .text(p.organisation.isEmpty ? p.id : p.organisation)
        return .el("div", attrs: [("class", "card")],
            .el("span", attrs: [("class", "score"), ("title", "podobieństwo (cosinus)")], text: Layout.decimal(f.hit.score)),
            // the place (city, district) only when the record has one, as `similar` prints it
            .el("div", attrs: [("class", "meta")], .text("\(f.rank). " + Layout.year(p.year) + " · " + (PlaceLabel.text(p.record).map { $0 + " · " } ?? "")), title,
                .text(p.meeting.isEmpty ? "" : " · " + p.meeting)),
            .el("p", attrs: [("dir", "auto")], [HTML.marked(p.text, f.textSpans)]),
            .el("blockquote", attrs: [("class", "response"), ("dir", "auto")],
                .el("strong", text: "Odpowiedź miasta: "), .text(p.response.isEmpty ? "(brak)" : p.response),
                .text(Self.reviewNote(p.record))),
            .el("p", attrs: [("class", "terms")], Layout.stanceBadge(f.stance),
                .text(" · wspólne terminy: " + (f.hit.sharedTerms.isEmpty ? "brak" : f.labels.labels(f.hit.sharedTerms).joined(separator: ", ")))))
    }

    /// " (z recenzji: KTO, KIEDY)" for a reviewed record (its response and stance are the review's), else "".
    static func reviewNote(_ p: Postulate) -> String {
        guard let who = p.value(of: "reviewed_by")?.stringValue else { return "" }
        return " (z recenzji: \(who), \(Layout.timestamp(p.value(of: "reviewed_at")?.stringValue ?? "")))"
    }

    /// A path segment: everything but unreserved characters percent-encoded (ids may hold anything).
    static func percentEncoded(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"), UInt8(ascii: ":"):
                out.append(Character(UnicodeScalar(b)))
            default:
                out += "%" + String(b, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

extension String {
    fileprivate func leftPadded(to n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}

import Reporting

extension Escape {
    /// A page title from a postulate's text: one line, at most 90 characters.
    static func shortenedTitle(_ s: String) -> String { shortened(oneLine(s), limit: 90) }
}
