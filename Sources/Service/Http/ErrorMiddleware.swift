import Corpus
import Hummingbird

/// What an error page's frame shows besides the error: the staff's links, who is signed in.
struct PageFrame: Sendable {
    var staff = false
    var signedIn: String?
}

/// Turns every failure into an answer for people: `ServiceError` keeps its status and message; Hummingbird's own
/// errors (404 for an unknown path, 413…) get a message of ours; anything else is a 500 with a plain sentence
/// (the error itself goes to stderr, never into a response). Under /api/ (and /healthz, /openapi.json) the body is
/// JSON `{"error": {"status", "message"}}`, elsewhere an HTML page. Pages get the Content-Security-Policy.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// For the pages' navigation (the staff's links with a store, who is signed in), as every other page has it.
    var engine: ServiceEngine?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let response: Response
        let page = PageFrame(staff: engine?.store != nil,
                             signedIn: engine?.sessions.session(cookieHeader: request.headers[.cookie])?.name)
        do {
            response = try await next(request, context)
        } catch let e as ServiceError {
            return Self.render(e, path: request.uri.path, page: page)
        } catch let e as HTTPError {
            return Self.render(Self.translate(e.status), path: request.uri.path, page: page)
        } catch let e as any HTTPResponseError {
            return Self.render(Self.translate(e.status), path: request.uri.path, page: page)
        } catch {
            RequestLog.printError("\(request.method.rawValue) \(request.uri.path): \(error)")
            return Self.render(ServiceError(.internalServerError, tr("wewnętrzny błąd serwera; szczegóły są w dzienniku serwera",
                                                                      "internal server error; the details are in the server's log")),
                               path: request.uri.path, page: page)
        }
        // The router's own "not found" is a response, not an error.
        if response.status == .notFound, response.headers[.contentType] == nil {
            return Self.render(Self.translate(.notFound), path: request.uri.path, page: page)
        }
        return response
    }

    static func translate(_ status: HTTPResponse.Status) -> ServiceError {
        switch status.code {
        case 404: return ServiceError(status, tr("nie ma takiej strony", "no such page"))
        case 405: return ServiceError(status, tr("ta metoda nie jest tu dozwolona", "this method is not allowed here"))
        case 413: return ServiceError(status, tr("treść żądania jest za duża", "the request body is too large"))
        case 400..<500: return ServiceError(status, tr("błędne żądanie", "bad request"))
        default: return ServiceError(.internalServerError, tr("wewnętrzny błąd serwera", "internal server error"))
        }
    }

    static func isAPI(_ path: String) -> Bool {
        path.hasPrefix("/api/") || path == "/api" || path == "/healthz" || path == "/openapi.json"
    }

    static func render(_ e: ServiceError, path: String, page: PageFrame = PageFrame()) -> Response {
        var response = isAPI(path) ? Reply.json(ServiceJSON.error(e), status: e.status)
            : Reply.html(Pages.error(e, staff: page.staff, signedIn: page.signedIn), status: e.status)
        for field in e.headers { response.headers.append(field) }
        return response
    }
}
