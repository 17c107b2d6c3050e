import Corpus

/// The frame of every page: Polish, one inline style sheet, no script (the pages work without JavaScript), a
/// navigation bar (with the staff's pages when the service has a store: `staff`). `signedIn`: the account of the
/// page's session, shown in place of the sign-in link, so staff see whose name their reviews will carry.
enum Layout {
    static func page(title: String, _ body: [HTML], staff: Bool = false, signedIn: String? = nil) -> String {
        let account: HTML = signedIn.map { .el("span", attrs: [("class", "account")], text: "Zalogowano: " + $0) }
            ?? .el("a", attrs: [("href", "/login")], text: "Logowanie")
        let staffLinks: [HTML] = staff ? [.el("a", attrs: [("href", "/review")], text: "Recenzje"),
                                          .el("a", attrs: [("href", "/add")], text: "Dodaj postulaty"),
                                          account] : []
        let doc = HTML.el("html", attrs: [("lang", "pl")],
            .el("head",
                .void("meta", [("charset", "utf-8")]),
                .void("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
                .el("title", text: title + " · Postulaty"),
                .el("style", .trusted(style))),
            .el("body",
                .el("header", attrs: [("class", "top")],
                    .el("a", attrs: [("href", "/"), ("class", "brand")], text: "Postulaty"),
                    .el("nav", attrs: [], [
                        .el("a", attrs: [("href", "/")], text: "Szukaj"),
                        .el("a", attrs: [("href", "/tag")], text: "Oznacz plik"),
                        .el("a", attrs: [("href", "/report/")], text: "Raport"),
                        .el("a", attrs: [("href", "/openapi.json")], text: "API")] + staffLinks)),
                .el("main", attrs: [], [.el("h1", attrs: [("dir", "auto")], text: title)] + body)))
        return "<!doctype html>\n" + doc.rendered + "\n"
    }

    /// The pages' icon, served at /favicon.ico (SVG, which browsers accept there).
    static let icon = ##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#0b3d6e"/><text x="8" y="12.5" font-family="sans-serif" font-size="12" font-weight="700" fill="#fff" text-anchor="middle">P</text></svg>"## + "\n"

    /// A served report page with a line back to the service at its top. The report's own files stay as
    /// `postulaty report` writes them (they are also opened from disk, where no service is behind them); only what
    /// the service sends gains the link.
    static func withServiceLink(_ html: String) -> String {
        guard let body = html.range(of: "<body>\n") else { return html }
        let link = #"<p style="margin:0;padding:.4rem 1rem;background:#0b3d6e"><a href="/" style="color:#fff">← Postulaty: wyszukiwanie</a></p>"#
        return html.replacingCharacters(in: body, with: "<body>\n" + link + "\n")
    }

    /// The search form (GET /search), filled with the current query.
    static func searchForm(_ q: SearchQuery?, themes: Taxonomy, big: Bool = false) -> HTML {
        let themeOptions = [HTML.el("option", attrs: [("value", "")], text: "wszystkie tematy")] + themes.themes.map { t in
            HTML.el("option", attrs: [("value", t.code), ("selected", q?.theme == t.code ? "selected" : nil)], text: t.labelPL)
        }
        return .el("form", attrs: [("action", "/search"), ("method", "get"), ("class", big ? "search big" : "search")],
            .el("label", attrs: [("for", "q")], text: "Treść postulatu (można bez polskich liter):"),
            .el("textarea", attrs: [("id", "q"), ("name", "q"), ("rows", big ? "4" : "2"), ("maxlength", "5000"), ("dir", "auto"),
                             ("required", "required")], text: q?.text ?? ""),
            .el("div", attrs: [("class", "filters")],
                .el("label", text: "Temat:"), .el("select", attrs: [("name", "theme")], themeOptions),
                .el("label", text: "Sprzed roku:"),
                .void("input", [("type", "number"), ("name", "before"), ("min", "1900"), ("max", "2100"),
                                ("value", q?.before.map(String.init))]),
                .el("label", text: "Wyników:"),
                .void("input", [("type", "number"), ("name", "top"), ("min", "1"), ("max", "100"),
                                ("value", String(q?.top ?? 10))]),
                .el("button", attrs: [("type", "submit")], text: "Szukaj")))
    }

    static func stanceLabel(_ stance: String?) -> String {
        guard let stance else { return "brak" }
        return ResponseStance(rawValue: stance)?.labelPL ?? stance
    }

    static func stanceBadge(_ stance: String?) -> HTML {
        .el("span", attrs: [("class", "stance stance-" + (stance ?? "none"))], text: "stanowisko: " + stanceLabel(stance))
    }

    static func year(_ y: Int?) -> String { y.map(String.init) ?? "—" }

    /// 0,734 (a decimal comma, as a Polish reader writes it).
    /// Always `places` decimals (0,320 beside 0,789, not 0,32), so a column of scores lines up.
    static func decimal(_ s: Double, places: Int = 3) -> String {
        guard s.isFinite else { return "—" }
        return fixed(s, places).replacingOccurrences(of: ".", with: ",")
    }

    /// "2026-12-07T14:06:15.159Z" (the store's UTC time) as a reader writes it: "2026-12-07 14:06 UTC"; anything
    /// else as it is.
    static func timestamp(_ s: String) -> String {
        let u = Array(s.utf8)
        guard u.count >= 17, u[10] == UInt8(ascii: "T"), s.hasSuffix("Z") else { return s }
        return String(decoding: u[0..<10], as: UTF8.self) + " " + String(decoding: u[11..<16], as: UTF8.self) + " UTC"
    }

    static let style: StaticString = """
    *{box-sizing:border-box}
    body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1f24;background:#f6f7f9}
    header.top{display:flex;gap:1.5rem;align-items:center;padding:.6rem 1.5rem;background:#0b3d6e;color:#fff}
    header.top a{color:#fff;text-decoration:none}
    header.top .brand{font-weight:700;font-size:1.2rem}
    header.top nav{display:flex;gap:1rem}
    header.top .account{opacity:.85}
    main{max-width:60rem;margin:0 auto;padding:1rem 1.5rem 3rem}
    h1{font-size:1.6rem;margin:.8rem 0;overflow-wrap:anywhere}
    h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
    p,li,td,th,dd,blockquote,div{overflow-wrap:anywhere}
    form.search{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:1rem;margin:1rem 0}
    form.search textarea,form textarea{width:100%;font:inherit;padding:.4rem;margin:.3rem 0}
    form.search .filters{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
    form.search input[type=number]{width:6rem}
    button{font:inherit;padding:.3rem 1rem;background:#0b3d6e;color:#fff;border:0;border-radius:4px;cursor:pointer}
    .card{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:.8rem 1rem;margin:.8rem 0}
    .meta{color:#57606a;font-size:.9rem}
    .score{float:right;font-variant-numeric:tabular-nums;background:#eef2f7;border-radius:4px;padding:0 .4rem}
    .response{border-left:3px solid #8aa4c2;margin:.5rem 0 0;padding:.2rem .8rem;background:#f6f8fb}
    .stance{display:inline-block;border-radius:4px;padding:0 .4rem;font-size:.85rem;background:#eee}
    .stance-accepted{background:#dcf5e3}.stance-rejected{background:#fbe0e0}.stance-already_done{background:#e3ecfb}
    .stance-budget_dependent{background:#fff3d6}.stance-referred{background:#efe6fb}
    mark{background:#ffe58f;padding:0 .1rem}
    .theme{display:inline-block;background:#e6f0fa;border-radius:4px;padding:0 .4rem;margin:0 .2rem .2rem 0}
    .terms{color:#57606a;font-size:.9rem}
    dl.fields{display:grid;grid-template-columns:10rem 1fr;gap:.3rem 1rem}
    dl.fields dt{font-weight:600;color:#57606a}
    dl.fields dd{margin:0}
    ol.timeline{list-style:none;padding-left:0;border-left:3px solid #0b3d6e;margin-left:.5rem}
    ol.timeline li{padding:.3rem 0 .6rem 1rem}
    ol.timeline li .year{font-weight:700}
    ol.timeline li.current{background:#fffbe6}
    table{border-collapse:collapse}td,th{padding:.2rem .6rem;text-align:left;border-bottom:1px solid #e1e4e8}
    td.n{text-align:right;font-variant-numeric:tabular-nums}
    .error{background:#fff0f0;border:1px solid #e5a0a0;border-radius:6px;padding:1rem;white-space:pre-wrap}
    """
}
