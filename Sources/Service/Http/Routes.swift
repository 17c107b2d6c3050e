import Corpus
import Foundation
import Hummingbird
import Logging
import Themes

/// Every route the service answers, in one table: the router is built from it, 405 answers come from it, and a
/// test checks it against the OpenAPI document (both ways).
public enum ServiceRoutes {
    public struct Route: Sendable, Equatable {
        public var method: HTTPRequest.Method
        /// The path as the OpenAPI document writes it (`/postulates/{id}`).
        public var path: String
    }

    public static let all: [Route] = [
        Route(method: .get, path: "/"),
        Route(method: .get, path: "/search"),
        Route(method: .get, path: "/postulates/{id}"),
        Route(method: .get, path: "/tag"),
        Route(method: .post, path: "/tag"),
        Route(method: .get, path: "/report/"),
        Route(method: .get, path: "/login"),
        Route(method: .post, path: "/login"),
        Route(method: .post, path: "/logout"),
        Route(method: .get, path: "/review"),
        Route(method: .get, path: "/postulates/{id}/review"),
        Route(method: .post, path: "/postulates/{id}/review"),
        Route(method: .get, path: "/add"),
        Route(method: .post, path: "/add"),
        Route(method: .get, path: "/report/{file}"),
        Route(method: .get, path: "/api/similar"),
        Route(method: .get, path: "/api/postulates/{id}"),
        Route(method: .post, path: "/api/tag"),
        Route(method: .post, path: "/api/postulates"),
        Route(method: .put, path: "/api/postulates/{id}/review"),
        Route(method: .post, path: "/api/postulates/{id}/review"),
        Route(method: .get, path: "/api/postulates/{id}/history"),
        Route(method: .get, path: "/api/export"),
        Route(method: .post, path: "/api/models/reload"),
        Route(method: .get, path: "/healthz"),
        Route(method: .get, path: "/openapi.json"),
        Route(method: .get, path: "/favicon.ico"),
    ]
}

/// Builds the Hummingbird application over a loaded engine: thin handlers that parse, ask the engine, render.
public enum ServiceApplication {
    public typealias Context = BasicRequestContext

    public static func router(_ engine: ServiceEngine, log: RequestLog = RequestLog()) -> Router<Context> {
        let router = Router(context: Context.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: RequestLogMiddleware(log: log))
        router.add(middleware: ErrorMiddleware(engine: engine))
        let h = Handlers(engine: engine)

        router.get("/") { request, _ in Reply.html(Pages.home(engine, signedIn: h.session(request)?.name)) }
        router.get("/search") { request, _ in try h.searchPage(request) }
        router.get("/postulates/{id}") { request, context in try h.postulatePage(request, context) }
        router.get("/tag") { request, _ in Reply.html(Pages.tagForm(engine, signedIn: h.session(request)?.name)) }
        router.post("/tag") { request, _ in try await h.tagForm(request) }
        router.get("/login") { request, _ in try h.loginPage(request) }
        router.post("/login") { request, _ in try await h.login(request) }
        router.post("/logout") { request, _ in try await h.logout(request) }
        router.get("/review") { request, _ in try h.queuePage(request) }
        router.get("/postulates/{id}/review") { request, context in try h.reviewPage(request, context) }
        router.post("/postulates/{id}/review") { request, context in try await h.reviewForm(request, context) }
        router.get("/add") { request, _ in try h.addPage(request) }
        router.post("/add") { request, _ in try await h.addForm(request) }
        router.get("/report/") { request, _ in
            // "/report" and "/report/" are one route; the report's relative links need the slash.
            request.uri.path.hasSuffix("/") ? try h.reportFile("index.html") : Reply.redirect("/report/")
        }
        router.get("/report/{file}") { _, context in try h.reportFile(Handlers.decodedParameter(context, "file")) }
        router.get("/api/similar") { request, _ in try h.similar(request) }
        router.get("/api/postulates/{id}") { _, context in try h.postulateJSON(context) }
        router.post("/api/tag") { request, _ in try await h.tagAPI(request) }
        router.post("/api/postulates") { request, _ in try await h.addAPI(request) }
        router.put("/api/postulates/{id}/review") { request, context in try await h.reviewAPI(request, context) }
        router.post("/api/postulates/{id}/review") { request, context in try await h.reviewAPI(request, context) }
        router.get("/api/postulates/{id}/history") { _, context in try h.historyAPI(context) }
        router.get("/api/export") { _, _ in try h.exportAPI() }
        router.post("/api/models/reload") { request, _ in try h.reloadAPI(request) }
        router.get("/healthz") { _, _ in Reply.json(ServiceJSON.health(engine.summary)) }
        // Browsers ask for it on every page; an icon (the brand's colour, "P") rather than a 404 in the log.
        router.get("/favicon.ico") { _, _ in
            Response(status: .ok, headers: [.contentType: "image/svg+xml", .cacheControl: "max-age=86400"],
                     body: .init(byteBuffer: ByteBuffer(string: Layout.icon)))
        }
        router.get("/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.text + "\n")))
        }

        // Any other method on a known path: 405 with the methods it has.
        let methods: [HTTPRequest.Method] = [.get, .post, .put, .delete, .patch, .options, .head]
        var byPath: [String: [HTTPRequest.Method]] = [:]
        for r in ServiceRoutes.all { byPath[r.path, default: []].append(r.method) }
        for (path, allowed) in byPath {
            let allow = allowed.map(\.rawValue).joined(separator: ", ")
            for m in methods where !allowed.contains(m) && !(m == .head && allowed.contains(.get)) {
                router.on(RouterPath(path), method: m) { _, _ -> Response in
                    throw ServiceError(.methodNotAllowed, tr("metoda \(m.rawValue) nie jest dozwolona pod tym adresem; dozwolone: \(allow)",
                                                             "method \(m.rawValue) is not allowed here; allowed: \(allow)"),
                                       headers: [.allow: allow])
                }
            }
        }
        return router
    }

    /// The application on `configuration.host:port`. `onListening` gets the port taken (useful with port 0).
    public static func application(_ engine: ServiceEngine, log: RequestLog = RequestLog(),
                                   onListening: @escaping @Sendable (Int) -> Void = { _ in }) -> some ApplicationProtocol {
        var logger = Logger(label: "postulaty-serve")
        logger.logLevel = .error
        return Application(router: router(engine, log: log),
                           configuration: .init(address: .hostname(engine.configuration.host, port: engine.configuration.port),
                                                serverName: "postulaty"),
                           onServerRunning: { channel in onListening(channel.localAddress?.port ?? engine.configuration.port) },
                           logger: logger)
    }
}

/// The handlers: each reads the request, asks the engine, renders a page or JSON.
struct Handlers: Sendable {
    let engine: ServiceEngine

    func searchPage(_ request: Request) throws -> Response {
        let params = try QueryParameters(request.uri.query)
        let q: SearchQuery?
        do { q = try params.search(engine, required: false) } catch let e as ServiceError where e.status == .badRequest {
            // The form again with what was typed, so a query refused (too long, a bad year) is corrected, not lost.
            let typed = SearchQuery(text: params["q"] ?? "", top: Int(params["top"] ?? "") ?? 10,
                                    before: Int(params["before"] ?? ""), theme: params["theme"])
            return Reply.html(Pages.error(e, staff: engine.store != nil, signedIn: session(request)?.name,
                                          form: Layout.searchForm(typed, themes: engine.taxonomy)), status: .badRequest)
        }
        guard let q else { return Reply.redirect("/") }
        return Reply.html(Pages.search(engine.search(q, spans: true), engine, signedIn: session(request)?.name))
    }

    func similar(_ request: Request) throws -> Response {
        let params = try QueryParameters(request.uri.query)
        guard let q = try params.search(engine, required: true) else { throw ServiceError(.badRequest, "q") }
        return Reply.json(ServiceJSON.similar(engine.search(q)))
    }

    func postulatePage(_ request: Request, _ context: ServiceApplication.Context) throws -> Response {
        let id = try Self.decodedParameter(context, "id")
        guard let a = engine.postulate(id, spans: true) else { throw Self.unknown(id) }
        return Reply.html(Pages.postulate(a, engine, signedIn: session(request)?.name))
    }

    func postulateJSON(_ context: ServiceApplication.Context) throws -> Response {
        let id = try Self.decodedParameter(context, "id")
        guard let a = engine.postulate(id) else { throw Self.unknown(id) }
        guard engine.store != nil else { return Reply.json(ServiceJSON.postulate(a)) }
        return Reply.json(ServiceJSON.postulate(a, review: try engine.storedReview(id)))
    }

    static func unknown(_ id: String) -> ServiceError {
        ServiceError(.notFound, tr("nie ma postulatu o identyfikatorze „\(id.prefix(200))”", "no postulate has the id \"\(id.prefix(200))\""))
    }

    func tagAPI(_ request: Request) async throws -> Response {
        let type = request.headers[.contentType] ?? ""
        guard let kind = TagUpload.kind(mediaType: type) else {
            throw ServiceError(.unsupportedMediaType, tr("wyślij JSONL (Content-Type: application/x-ndjson), CSV (text/csv) albo tekst (text/plain), nie „\(type.prefix(80))”",
                                                         "send JSONL (Content-Type: application/x-ndjson), CSV (text/csv) or text (text/plain), not \"\(type.prefix(80))\""))
        }
        let body = try await collect(request)
        let out = try engine.tag(TagUpload(bytes: body, kind: kind))
        return Response(status: .ok, headers: [.contentType: out.contentType], body: .init(byteBuffer: ByteBuffer(bytes: out.bytes)))
    }

    /// The `/tag` form: a file, or pasted text (one postulate a line); the tagged file comes back as a download.
    /// A bad upload shows the form again with the error naming the record.
    func tagForm(_ request: Request) async throws -> Response {
        let type = request.headers[.contentType] ?? ""
        let body = try await collect(request)
        guard let boundary = MultipartForm.boundary(contentType: type) else {
            throw ServiceError(.unsupportedMediaType, tr("formularz wysyła się jako multipart/form-data", "the form is sent as multipart/form-data"))
        }
        let form = try MultipartForm(body, boundary: boundary)
        let upload: TagUpload
        if let file = form.part("file"), let name = file.fileName, !name.isEmpty, !file.bytes.isEmpty {
            let lower = name.lowercased()
            let kind: TagInput.Kind = lower.hasSuffix(".csv") ? .csv : lower.hasSuffix(".txt") ? .text
                : (lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") || lower.hasSuffix(".json")) ? .jsonl : .sniff
            var sheet = TagUpload(bytes: Array(file.bytes), kind: kind, name: name)
            if kind == .csv { sheet.csvOptions = TagUpload.sheetDialect(sheet.bytes) }
            upload = sheet
        } else if let text = form.part("text"), !text.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            upload = TagUpload(bytes: Array(text.bytes), kind: .text, name: "tekst.txt")
        } else {
            return Reply.html(Pages.tagForm(engine, error: tr("wybierz plik albo wklej tekst", "choose a file or paste text"), signedIn: session(request)?.name), status: .badRequest)
        }
        do {
            let out = try engine.tag(upload)
            return Response(status: .ok, headers: [.contentType: out.contentType,
                                                   .contentDisposition: "attachment; filename=\"\(out.fileName)\""],
                            body: .init(byteBuffer: ByteBuffer(bytes: out.bytes)))
        } catch let e as ServiceError where e.status == .badRequest {
            return Reply.html(Pages.tagForm(engine, error: e.message, signedIn: session(request)?.name), status: .badRequest)
        }
    }

    func reportFile(_ name: String) throws -> Response {
        let files = try engine.report.get()
        guard let file = files[name] else {
            throw ServiceError(.notFound, tr("raport nie ma pliku „\(name.prefix(200))”", "the report has no file \"\(name.prefix(200))\""))
        }
        let type: String
        switch (name as NSString).pathExtension.lowercased() {
        case "html": type = "text/html; charset=utf-8"
        case "svg": type = "image/svg+xml"
        case "csv": type = "text/csv; charset=utf-8"
        default: type = "text/markdown; charset=utf-8"
        }
        var headers = Reply.pageHeaders()   // the policy on every report file (an SVG is a document too)
        headers[.contentType] = type
        let contents = type.hasPrefix("text/html") ? Layout.withServiceLink(file.contents) : file.contents
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: contents)))
    }

    /// The body, at most `maxBodyBytes` (413 beyond, before more is read).
    func collect(_ request: Request) async throws -> [UInt8] {
        let limit = engine.configuration.maxBodyBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { throw Self.tooLarge(limit) }
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch let e as HTTPError where e.status == .contentTooLarge {
            throw Self.tooLarge(limit)
        }
    }

    static func tooLarge(_ limit: Int) -> ServiceError {
        ServiceError(.contentTooLarge, tr("treść żądania jest większa niż \(limit / (1 << 20)) MB", "the request body is larger than \(limit / (1 << 20)) MB"))
    }

    /// A path parameter, percent-decoded (ids may hold any character).
    static func decodedParameter(_ context: ServiceApplication.Context, _ name: String) throws -> String {
        let raw = context.parameters.get(name) ?? ""
        guard let decoded = raw.removingPercentEncoding else {
            throw ServiceError(.badRequest, tr("adres nie jest poprawnie zakodowany", "the address is not correctly encoded"))
        }
        return decoded
    }
}
