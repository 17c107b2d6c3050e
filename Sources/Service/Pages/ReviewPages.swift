import Corpus
import Reporting
import Store
import Themes

/// The staff's pages over the store: sign-in, the review queue, a review form per postulate, adding postulates.
/// Forms are multipart (one parser for every form) and carry the session's CSRF token; no JavaScript.
enum ReviewPages {
    /// `<input type name value [checked]>` (typed apart: literal attribute lists with values from variables
    /// defeat the type checker).
    static func input(_ type: String, _ name: String, _ value: String, checked: Bool = false) -> HTML {
        let attrs: [(StaticString, String?)] = [("type", type), ("name", name), ("value", value), ("checked", checked ? "checked" : nil)]
        return .void("input", attrs)
    }

    static func option(_ value: String, _ label: String, selected: Bool) -> HTML {
        let attrs: [(StaticString, String?)] = [("value", value), ("selected", selected ? "selected" : nil)]
        return .el("option", attrs: attrs, text: label)
    }

    /// `writable` false: the service runs without a tokens file, so no token can be accepted — said first.
    static func login(next: String, error: String? = nil, writable: Bool = true) -> String {
        var body: [HTML] = []
        if !writable { body.append(.el("div", attrs: [("class", "error"), ("role", "alert")], text: writesDisabled)) }
        if let error { body.append(.el("div", attrs: [("class", "error"), ("role", "alert")], text: error)) }
        body += [
            .el("p", text: "Zmiany w magazynie (recenzje, nowe postulaty) wymagają tokenu z pliku tokenów serwisu. Po zalogowaniu przeglądarka trzyma sesję przez 12 godzin."),
            .el("form", attrs: [("action", "/login"), ("method", "post"), ("enctype", "multipart/form-data"), ("class", "search")],
                input("hidden", "next", next),
                .el("p", .el("label", attrs: [("for", "token")], text: "Token: "),
                    .void("input", [("type", "password"), ("id", "token"), ("name", "token"), ("autocomplete", "current-password"), ("required", "required")])),
                .el("button", attrs: [("type", "submit")], text: "Zaloguj")),
        ]
        return Layout.page(title: "Logowanie", body, staff: true)
    }

    /// The sign-out button (a form post with the session's CSRF token, so another site cannot sign staff out).
    static func logoutForm(_ csrf: String) -> HTML {
        .el("form", attrs: [("action", "/logout"), ("method", "post"), ("enctype", "multipart/form-data")],
            input("hidden", "csrf", csrf), .el("button", attrs: [("type", "submit")], text: "Wyloguj"))
    }

    /// Why no write can succeed (pages and the start-up line say the same).
    static let writesDisabled = "Zapis jest wyłączony: serwis uruchomiono bez pliku tokenów (--tokens PLIK), więc żaden token nie zostanie przyjęty; recenzje i dodawanie postulatów są niedostępne."

    /// One queued postulate: unreviewed, with how close its least certain theme is to the threshold.
    struct Queued {
        var record: Postulate
        var prediction: ThemePrediction
        var margin: Double
    }

    /// The queue page lists this many: the least certain first, the rest after these are reviewed.
    static let queueShown = 100

    /// `years`: (year, postulates waiting), newest first, as links that narrow the queue to one year (`year`).
    static func queue(_ items: [Queued], waiting: Int, total: Int, reviewed: Int, _ e: ServiceEngine, signedIn: String? = nil,
                      years: [(Int, Int)] = [], year: Int? = nil) -> String {
        var body: [HTML] = [
            .el("p", text: "Postulaty bez recenzji, najpierw te, przy których model jest najmniej pewny (wynik tematu najbliżej progu): każda recenzja uczy model najwięcej. Zrecenzowano \(reviewed) z \(total)."),
            .el("p", .el("a", attrs: [("href", "/add")], text: "Dodaj nowe postulaty")),
        ]
        if years.count > 1 || year != nil {
            var links: [HTML] = [.text("Rok: "), year == nil ? .el("strong", text: "wszystkie") : .el("a", attrs: [("href", "/review")], text: "wszystkie")]
            for (y, n) in years {
                links.append(.text(" · "))
                links.append(y == year ? .el("strong", text: "\(y) (\(n))") : .el("a", attrs: [("href", "/review?year=\(y)")], text: "\(y) (\(n))"))
            }
            body.append(.el("p", attrs: [("class", "meta")], links))
        }
        if waiting > items.count {
            body.append(.el("p", attrs: [("class", "note")],
                            text: "Pokazano \(items.count) pierwszych z \(waiting) czekających na recenzję; następne pojawią się, gdy te zostaną zrecenzowane."))
        }
        if items.isEmpty { body.append(.el("p", text: "Kolejka jest pusta: wszystkie postulaty mają recenzję.")) }
        body += items.map { q in
            .el("div", attrs: [("class", "card")],
                .el("span", attrs: [("class", "score"), ("title", "odległość od progu")], text: Layout.decimal(q.margin)),
                .el("div", attrs: [("class", "meta")], .text(Layout.year(q.record.year) + " · " + q.record.organisation + " · "),
                    .el("a", attrs: [("href", "/postulates/" + Pages.percentEncoded(q.record.id) + "/review")], text: "recenzuj " + q.record.id)),
                .el("p", attrs: [("dir", "auto")], text: q.record.text),
                .el("p", attrs: [("class", "terms")], text: "Model: " + (q.prediction.predicted.isEmpty ? "brak tematu" : q.prediction.predicted.map { e.taxonomy.labelPL($0) }.joined(separator: ", "))))
        }
        return Layout.page(title: "Kolejka recenzji", body, staff: true, signedIn: signedIn)
    }

    static func review(_ a: PostulateAnswer, review: Review?, csrf: String, _ e: ServiceEngine, error: String? = nil,
                       signedIn: String? = nil) -> String {
        let p = a.record
        var body: [HTML] = []
        if let error { body.append(.el("div", attrs: [("class", "error"), ("role", "alert")], text: error)) }
        body.append(.el("p", attrs: [("dir", "auto")], .el("strong", text: p.id + ": "), .text(p.text)))
        if !p.justification.isEmpty { body.append(.el("p", attrs: [("dir", "auto"), ("class", "meta")], text: "Uzasadnienie: " + p.justification)) }
        if let review {
            body.append(.el("p", attrs: [("class", "meta")], text: "Ostatnia recenzja: \(review.reviewer), \(review.reviewedAt)."))
        }
        let chosen = Set(review?.themes ?? (p.themes.isEmpty ? a.themes.predicted : p.themes))
        let byLabel = Dictionary(a.themes.labels.map { ($0.label, $0) }, uniquingKeysWith: { x, _ in x })
        let themeBoxes: [HTML] = e.taxonomy.themes.map { t in
            let l = byLabel[t.code]
            var why = ""
            if let l {
                why = " — model: wynik \(Layout.decimal(l.score)) (próg \(Layout.decimal(l.threshold)))" + (l.assigned ? ", przypisany" : "")
                if !l.terms.isEmpty {
                    why += "; bo: " + l.terms.map { a.themeLabels.label($0.term) + " " + Layout.decimal(l.share($0), places: 0) + "%" }.joined(separator: ", ")
                }
            }
            let box = input("checkbox", "theme", t.code, checked: chosen.contains(t.code))
            let label: HTML = .el("label", box, .text(" " + t.labelPL), .el("span", attrs: [("class", "terms")], text: why))
            return .el("p", label)
        }
        let linked = Set(review?.sameAs ?? [])
        // id, what the reviewer reads (year, organisation, text), similarity
        var candidates = a.earlier.map { f -> (String, String, String) in
            let p = f.hit.postulate
            let org = p.organisation.isEmpty ? "" : p.organisation + " · "
            return (p.id, Layout.year(p.year) + " · " + org + p.text, Layout.decimal(f.hit.score))
        }
        for id in linked where !candidates.contains(where: { $0.0 == id }) { candidates.append((id, "", "")) }
        let dupBoxes: [HTML] = candidates.map { c in
            let box = input("checkbox", "same_as", c.0, checked: linked.contains(c.0))
            let caption = " " + c.0 + (c.2.isEmpty ? "" : " (podobieństwo \(c.2))") + ": "
            let label: HTML = .el("label", box, .text(caption), .el("span", attrs: [("dir", "auto")], text: c.1))
            return .el("p", label)
        }
        let stance = review?.stance ?? p.responseStance ?? ""
        // An empty choice is "no override": the record's own stance (or the stance model's reading of the
        // response) stays; the label says which, so "—" is not read as "no stance".
        let keep = p.responseStance.map { "— (bez zmiany: z rekordu, " + Layout.stanceLabel($0) + ")" }
            ?? (p.response.isEmpty ? "— (brak stanowiska)" : "— (bez zmiany: stanowisko odczytane z odpowiedzi przez model)")
        var options: [HTML] = [option("", keep, selected: stance.isEmpty)]
        for s in ResponseStance.allCases { options.append(option(s.rawValue, s.labelPL, selected: stance == s.rawValue)) }
        let action: String = "/postulates/" + Pages.percentEncoded(p.id) + "/review"
        let formAttrs: [(StaticString, String?)] = [("action", action), ("method", "post"), ("enctype", "multipart/form-data")]
        body.append(.el("form", attrs: formAttrs,
            input("hidden", "csrf", csrf),
            .el("h2", text: "Tematy (zaznaczone: recenzja, a bez niej propozycja modelu)"),
            .group(themeBoxes),
            .el("h2", text: "Wcześniejsze postulaty, które powtarza"),
            candidates.isEmpty ? .el("p", text: "Brak kandydatów.") : .group(dupBoxes),
            .el("h2", text: "Odpowiedź miasta"),
            .el("p", attrs: [("class", "meta")], text: "Puste pole zostawia odpowiedź z rekordu (pusty tekst nie kasuje odpowiedzi miasta)."),
            .el("p", .el("textarea", attrs: [("name", "response"), ("rows", "4"), ("dir", "auto")], text: review?.response ?? p.response)),
            .el("p", .el("label", text: "Stanowisko: "), .el("select", attrs: [("name", "stance")], options)),
            .el("p", .el("label", text: "Notatka: "), .el("textarea", attrs: [("name", "note"), ("rows", "2"), ("dir", "auto")], text: review?.note ?? "")),
            .el("button", attrs: [("type", "submit")], text: "Zapisz recenzję")))
        body.append(.el("p", .el("a", attrs: [("href", "/review")], text: "Kolejka recenzji"), .text(" · "),
                        .el("a", attrs: [("href", "/postulates/" + Pages.percentEncoded(p.id))], text: "Karta postulatu")))
        body.append(logoutForm(csrf))
        return Layout.page(title: "Recenzja: " + Escape.shortenedTitle(p.text), body, staff: true, signedIn: signedIn)
    }

    /// `text`: what was pasted, given back after a refusal so it can be corrected rather than pasted again.
    static func add(csrf: String, added: [String] = [], error: String? = nil, text: String = "", signedIn: String? = nil) -> String {
        var body: [HTML] = []
        if let error { body.append(.el("div", attrs: [("class", "error"), ("role", "alert")], text: error)) }
        if !added.isEmpty {
            body.append(.el("p", text: "Dodano \(counted(added.count, pl: ("postulat", "postulaty", "postulatów"), en: ("postulate", "postulates"))); od razu \(added.count == 1 ? "jest" : "są") w wyszukiwaniu:"))
            body.append(.el("ul", attrs: [], added.map { id in
                .el("li", .el("a", attrs: [("href", "/postulates/" + Pages.percentEncoded(id) + "/review")], text: id))
            }))
        }
        body += [
            .el("p", text: "Wklej rekordy JSONL (jeden postulat w wierszu, pola jak w korpusie: id, year, organisation, text, …) albo wyślij plik .jsonl lub arkusz .csv (nagłówek jak w korpusie albo po polsku: identyfikator, rok, organizacja, treść, uzasadnienie…; separator ; lub ,). Każdy rekord jest sprawdzany jak przez postulaty corpus validate; przy błędzie nic nie jest zapisywane."),
            .el("form", attrs: [("action", "/add"), ("method", "post"), ("enctype", "multipart/form-data"), ("class", "search")],
                input("hidden", "csrf", csrf),
                .el("p", .el("label", attrs: [("for", "file")], text: "Plik JSONL albo CSV: "),
                    .void("input", [("type", "file"), ("id", "file"), ("name", "file"), ("accept", ".jsonl,.ndjson,.json,.csv")])),
                .el("p", .el("label", attrs: [("for", "text")], text: "albo rekordy JSONL:"),
                    .el("textarea", attrs: [("id", "text"), ("name", "text"), ("rows", "8"), ("dir", "auto")], text: text)),
                .el("button", attrs: [("type", "submit")], text: "Dodaj")),
        ]
        body.append(logoutForm(csrf))
        return Layout.page(title: "Dodaj postulaty", body, staff: true, signedIn: signedIn)
    }
}
