import Corpus
import Foundation
import HTTPTypes
import Hummingbird
import Store
import Themes

/// The staff's form pages: sign-in, review queue, review form, adding postulates. A POST from a form passes three
/// checks before anything changes: its origin is this server's (`Origin`, `Sec-Fetch-Site`), the session cookie
/// is valid, and the form's CSRF token is the session's.
extension Handlers {
    /// Forms post here with their own origin: the pages that hold forms send `Referrer-Policy: same-origin`, as
    /// under `no-referrer` a browser sends `Origin: null` on a POST.
    static func formPage(_ html: String, status: HTTPResponse.Status = .ok, cookie: String? = nil) -> Response {
        var r = Reply.html(html, status: status)
        r.headers[.referrerPolicy] = "same-origin"
        r.headers[.cacheControl] = "no-store"
        if let cookie { r.headers[.setCookie] = cookie }
        return r
    }

    /// 403 unless the request comes from a page of this server: `Sec-Fetch-Site` (when sent) is same-origin, and
    /// `Origin` (when sent) is this host. A client that sends neither (not a browser) still needs the CSRF token.
    func checkSameOrigin(_ request: Request) throws {
        let forbidden = ServiceError(.forbidden, tr("formularz przysłany z innej strony: odrzucono", "a form sent from another site: refused"))
        if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!], site != "same-origin", site != "none" { throw forbidden }
        if let origin = request.headers[.origin] {
            let host = request.head.authority ?? ""
            guard !host.isEmpty, origin == "http://" + host || origin == "https://" + host else { throw forbidden }
        }
    }

    /// The signed-in session, or nil.
    func session(_ request: Request) -> Sessions.Session? {
        engine.sessions.session(cookieHeader: request.headers[.cookie])
    }

    /// The session of a form post whose CSRF token matches; 403 otherwise.
    func formSession(_ request: Request, _ form: MultipartForm) throws -> Sessions.Session {
        try checkSameOrigin(request)
        guard let s = session(request) else {
            throw ServiceError(.forbidden, tr("sesja wygasła albo nie zalogowano: zaloguj się ponownie (/login)", "no session or it expired: sign in again (/login)"))
        }
        let sent = form.part("csrf").map { Array($0.bytes) } ?? []
        guard AccessTokens.equal(sent, Array(s.csrf.utf8)) else {
            throw ServiceError(.forbidden, tr("brak albo zły token formularza (CSRF): odśwież stronę", "missing or wrong form token (CSRF): reload the page"))
        }
        return s
    }

    func form(_ request: Request) async throws -> MultipartForm {
        let type = request.headers[.contentType] ?? ""
        let body = try await collect(request)
        guard let boundary = MultipartForm.boundary(contentType: type) else {
            throw ServiceError(.unsupportedMediaType, tr("formularz wysyła się jako multipart/form-data", "the form is sent as multipart/form-data"))
        }
        return try MultipartForm(body, boundary: boundary)
    }

    static func loginRedirect(_ path: String) -> Response {
        Reply.redirect("/login?next=" + Pages.percentEncoded(path).replacingOccurrences(of: "%2F", with: "/"))
    }

    /// Only a path of this server (no scheme, no `//host`) is followed after sign-in.
    static func safeNext(_ s: String?) -> String {
        guard let s, s.hasPrefix("/"), !s.hasPrefix("//"), !s.contains("\\"), s.count < 500 else { return "/review" }
        return s
    }

    func loginPage(_ request: Request) throws -> Response {
        _ = try engine.requireStore()
        let next = Self.safeNext(try QueryParameters(request.uri.query)["next"])
        return Self.formPage(ReviewPages.login(next: next, writable: engine.tokens != nil))
    }

    func login(_ request: Request) async throws -> Response {
        _ = try engine.requireStore()
        try checkSameOrigin(request)
        let form = try await form(request)
        let next = Self.safeNext(form.part("next").map { String(decoding: $0.bytes, as: UTF8.self) })
        let token = form.part("token").map { String(decoding: $0.bytes, as: UTF8.self) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard let name = engine.tokens?.name(for: token) else {
            return Self.formPage(ReviewPages.login(next: next, error: tr("nieznany token", "unknown token"), writable: engine.tokens != nil), status: .forbidden)
        }
        let (id, _) = engine.sessions.create(name: name)
        var r = Reply.redirect(next)
        r.headers[.setCookie] = Sessions.setCookie(id)
        return r
    }

    func queuePage(_ request: Request) throws -> Response {
        let store = try engine.requireStore()
        let all = try ServiceEngine.mapped { try store.all() }
        let reviewed = all.filter { $0.review != nil }.count
        // `?year=2026`: this year's submissions only (the queue of a whole corpus starts with earlier years').
        let yearText = try QueryParameters(request.uri.query)["year"].flatMap { $0.isEmpty ? nil : $0 }
        let year = try yearText.map { text -> Int in
            guard let y = Int(text), (1900...2100).contains(y) else {
                throw ServiceError(.badRequest, tr("year: „\(text.prefix(40))” nie jest rokiem (1900–2100)", "year: \"\(text.prefix(40))\" is not a year (1900–2100)"), field: "year")
            }
            return y
        }
        var items: [ReviewPages.Queued] = []
        var waitingByYear: [Int: Int] = [:]
        for s in all where s.review == nil {
            guard let slot = engine.record(s.record.id) else { continue }
            if let y = s.record.year { waitingByYear[y, default: 0] += 1 }
            if let year, s.record.year != year { continue }
            let pred = engine.predictions[slot]
            items.append(.init(record: s.record, prediction: pred, margin: Self.margin(pred)))
        }
        items.sort { ($0.margin, $0.record.id) < ($1.margin, $1.record.id) }
        return Self.formPage(ReviewPages.queue(Array(items.prefix(ReviewPages.queueShown)), waiting: items.count, total: all.count,
                                               reviewed: reviewed, engine, signedIn: session(request)?.name,
                                               years: waitingByYear.sorted { $0.key > $1.key }.map { ($0.key, $0.value) }, year: year))
    }

    /// How uncertain the model is about a postulate: the smallest distance of a theme's score from its threshold.
    static func margin(_ p: ThemePrediction) -> Double {
        p.labels.map { abs($0.score - $0.threshold) }.min() ?? 1
    }

    func reviewPage(_ request: Request, _ context: ServiceApplication.Context, error: String? = nil) throws -> Response {
        _ = try engine.requireStore()
        let id = try Self.decodedParameter(context, "id")
        guard let s = session(request) else { return Self.loginRedirect(request.uri.path) }
        guard let a = engine.postulate(id, earlier: 8, spans: true) else { throw Self.unknown(id) }
        return Self.formPage(ReviewPages.review(a, review: try engine.storedReview(id), csrf: s.csrf, engine, error: error,
                                                 signedIn: s.name),
                             status: error == nil ? .ok : .badRequest)
    }

    func reviewForm(_ request: Request, _ context: ServiceApplication.Context) async throws -> Response {
        _ = try engine.requireStore()
        let id = try Self.decodedParameter(context, "id")
        let form = try await form(request)
        let s = try formSession(request, form)
        func text(_ name: String) -> String {
            form.part(name).map { String(decoding: $0.bytes, as: UTF8.self) }?.replacingOccurrences(of: "\r\n", with: "\n") ?? ""
        }
        func optional(_ name: String) -> ReviewChange.Part<String> {
            let t = text(name).trimmingCharacters(in: .whitespacesAndNewlines)
            return t.isEmpty ? .clear : .set(t)
        }
        var change = ReviewChange()
        change.themes = .set(form.parts.filter { $0.name == "theme" }.map { String(decoding: $0.bytes, as: UTF8.self) })
        change.sameAs = .set(form.parts.filter { $0.name == "same_as" }.map { String(decoding: $0.bytes, as: UTF8.self) })
        change.response = optional("response")
        change.stance = optional("stance")
        change.note = optional("note")
        do {
            _ = try engine.review(id, change, who: s.name)
        } catch let e as ServiceError where e.status == .badRequest {
            return try reviewPage(request, context, error: e.message)
        }
        return Reply.redirect("/review")
    }

    /// Sign-out: a form post (session, CSRF token, same origin, as every change) ends the session.
    func logout(_ request: Request) async throws -> Response {
        _ = try engine.requireStore()
        let form = try await form(request)
        _ = try formSession(request, form)
        engine.sessions.end(cookieHeader: request.headers[.cookie])
        var r = Reply.redirect("/login")
        r.headers[.setCookie] = Sessions.clearCookie
        return r
    }

    func addPage(_ request: Request) throws -> Response {
        _ = try engine.requireStore()
        guard let s = session(request) else { return Self.loginRedirect("/add") }
        let shown = try QueryParameters(request.uri.query)["added"] != nil ? s.added : []
        return Self.formPage(ReviewPages.add(csrf: s.csrf, added: shown, signedIn: s.name))
    }

    func addForm(_ request: Request) async throws -> Response {
        _ = try engine.requireStore()
        let form = try await form(request)
        let s = try formSession(request, form)
        let bytes: [UInt8]
        var csv = false
        var uploaded: String?
        if let file = form.part("file"), let name = file.fileName, !name.isEmpty, !file.bytes.isEmpty {
            bytes = Array(file.bytes)
            csv = name.lowercased().hasSuffix(".csv")
            let safe = TagUpload.safeName(name)
            uploaded = safe.isEmpty ? nil : safe   // errors name the clerk's file
        } else {
            bytes = Array(form.part("text")?.bytes ?? [])
        }
        do {
            let (records, origins) = csv ? try Self.csvRecords(bytes, file: uploaded ?? "upload.csv")
                                         : try Self.records(bytes, single: false, file: uploaded ?? "upload.jsonl")
            let ids = try engine.add(records, origins: origins, who: s.name)
            // 303 to a page listing them (a reload of it adds nothing); the API keeps its 201 JSON.
            engine.sessions.noteAdded(ids, cookieHeader: request.headers[.cookie])
            return Reply.redirect("/add?added")
        } catch let e as ServiceError where e.status == .badRequest {
            let pasted = String(decoding: form.part("text")?.bytes ?? [], as: UTF8.self)
            return Self.formPage(ReviewPages.add(csrf: s.csrf, error: e.message, text: pasted, signedIn: s.name), status: .badRequest)
        }
    }
}
