import Corpus
import Foundation
import Hummingbird
import Store

/// The handlers that change the store: each first finds who is writing (`Authorization: Bearer TOKEN`).
extension Handlers {
    /// The name the request's bearer token belongs to: 401 without a token, 403 with one nobody holds. A service
    /// that cannot write at all says why first (no store: 404 as for any store route; no tokens file: 403 saying
    /// writes are disabled), rather than calling a good token unknown.
    func writer(_ request: Request) throws -> String {
        _ = try engine.requireStore()
        return try holder(request)
    }

    /// `writer` without the store: a model reload changes no stored record (SIGHUP does the same without one), so
    /// it needs only a known token (`--tokens` works without `--store`); no tokens file: 403.
    func holder(_ request: Request) throws -> String {
        guard engine.tokens != nil else {
            throw ServiceError(.forbidden, tr("zapis wyłączony: serwis uruchomiono bez pliku tokenów (--tokens PLIK)",
                                              "writes are disabled: the service was started without a tokens file (--tokens FILE)"))
        }
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer "),
              case let token = header.dropFirst(7).trimmingCharacters(in: .whitespaces), !token.isEmpty else {
            throw ServiceError(.unauthorized, tr("zmiany wymagają nagłówka Authorization: Bearer TOKEN", "changes need an Authorization: Bearer TOKEN header"),
                               headers: [.wwwAuthenticate: "Bearer realm=\"postulaty\""])
        }
        guard let name = engine.tokens?.name(for: token) else {
            throw ServiceError(.forbidden, tr("nieznany token", "unknown token"))
        }
        return name
    }

    /// `POST /api/postulates`: one JSON record (`application/json`), JSONL (`application/x-ndjson`) or a spreadsheet
    /// (`text/csv`, read as `store import` reads it) → 201 `{"ids": […]}`; any bad record: 400 naming each, nothing
    /// stored.
    func addAPI(_ request: Request) async throws -> Response {
        let who = try writer(request)
        _ = try engine.requireStore()
        let type = (request.headers[.contentType] ?? "").lowercased()
        let single: Bool, csv: Bool
        if type.hasPrefix("application/json") {
            (single, csv) = (true, false)
        } else if type.hasPrefix("application/x-ndjson") || type.hasPrefix("application/jsonl") {
            (single, csv) = (false, false)
        } else if type.hasPrefix("text/csv") {
            (single, csv) = (false, true)
        } else {
            throw ServiceError(.unsupportedMediaType, tr("wyślij rekord JSON (Content-Type: application/json), JSONL (application/x-ndjson) albo arkusz CSV (text/csv), nie „\(type.prefix(80))”",
                                                         "send a JSON record (Content-Type: application/json), JSONL (application/x-ndjson) or a CSV sheet (text/csv), not \"\(type.prefix(80))\""))
        }
        let body = try await collect(request)
        let (records, origins) = csv ? try Self.csvRecords(body, file: "upload.csv")
                                     : try Self.records(body, single: single, file: single ? "upload.json" : "upload.jsonl")
        let ids = try engine.add(records, origins: origins, who: who)
        return Reply.json(.object([("ids", .array(ids.map { .string($0) }))]), status: .created)
    }

    /// Records from a spreadsheet upload, read as the CLI reads a .csv file (header names in Polish or English, `;`
    /// or `,`, quoted line breaks, a BOM), through `PrivateUploadFile`. The first unreadable row is named (400),
    /// nothing is kept.
    static func csvRecords(_ body: [UInt8], file: String) throws -> ([Postulate], [ReviewStore.Origin]) {
        let rows: [(record: Postulate, line: Int)] = try PrivateUploadFile.with(body, name: file) { path, named in
            do { return try CorpusReader.readNumbered(path: path, format: .csv) } catch let e as CorpusError {
                throw ServiceError(.badRequest, named(e.description),
                                   problems: [.init(line: e.line > 0 ? e.line : nil, field: e.field, message: e.message)])
            }
        }
        guard !rows.isEmpty else { throw ServiceError(.badRequest, tr("brak postulatów (puste wejście)", "no postulates (empty input)")) }
        return (rows.map(\.record), rows.map { .init(file: file, line: $0.line) })
    }

    /// Records from an upload, each with its line; every unreadable record is named (400), none is kept.
    static func records(_ body: [UInt8], single: Bool, file: String) throws -> ([Postulate], [ReviewStore.Origin]) {
        // A UTF-8 byte-order mark (Notepad's) starts the text, as in any file the readers take.
        let body = body.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(body.dropFirst(3)) : body
        var records: [Postulate] = [], origins: [ReviewStore.Origin] = [], bad: [String] = []
        var problems: [ServiceError.Problem] = []
        var lines: [(Int, [UInt8])] = []
        if single {
            lines = [(1, body)]
        } else {
            var n = 0
            for raw in body.split(separator: 0x0A, omittingEmptySubsequences: false) {
                n += 1
                var line = Array(raw)
                if line.last == 0x0D { line.removeLast() }
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                lines.append((n, line))
            }
        }
        for (n, line) in lines {
            guard let text = String(validating: line, as: UTF8.self) else {
                let e = CorpusError(.encoding, file: file, line: n, tr("tekst nie jest w UTF-8", "the text is not UTF-8"))
                bad.append(e.description)
                problems.append(.init(line: n, field: nil, message: e.message))
                continue
            }
            do {
                records.append(try CorpusReader.record(jsonLine: text, file: file, line: n))
                origins.append(.init(file: file, line: n))
            } catch let e as CorpusError {
                bad.append(e.description)
                problems.append(.init(line: n, field: e.field, message: e.message))
            } catch {
                bad.append("\(error)")
                problems.append(.init(line: n, field: nil, message: "\(error)"))
            }
        }
        if !bad.isEmpty {
            let n = counted(bad.count, pl: ("błędny rekord", "błędne rekordy", "błędnych rekordów"), en: ("bad record", "bad records"))
            throw ServiceError(.badRequest, ([tr("nic nie zapisano: \(n)", "nothing stored: \(n)")] + bad.prefix(BadRecords.listed)).joined(separator: "\n"),
                               problems: problems)
        }
        if records.isEmpty {
            throw ServiceError(.badRequest, tr("brak postulatów (puste wejście)", "no postulates (empty input)"))
        }
        return (records, origins)
    }

    /// `PUT` (or `POST`) `/api/postulates/{id}/review` → 200 with the stored review.
    func reviewAPI(_ request: Request, _ context: ServiceApplication.Context) async throws -> Response {
        let who = try writer(request)
        let id = try Self.decodedParameter(context, "id")
        _ = try engine.requireStore()
        // The same rule as for added postulates: a body is read only as what it says it is.
        let type = (request.headers[.contentType] ?? "").lowercased()
        guard type.hasPrefix("application/json") else {
            throw ServiceError(.unsupportedMediaType, tr("recenzję wysyła się jako JSON (Content-Type: application/json), nie „\(type.prefix(80))”",
                                                         "a review is sent as JSON (Content-Type: application/json), not \"\(type.prefix(80))\""))
        }
        let body = try await collect(request)
        let change: ReviewChange
        do {
            let text = String(decoding: body, as: UTF8.self)
            change = try ReviewChange(json: try JSONValue.parse(text))
        } catch let e as StoreError {
            throw ServiceError(.badRequest, e.message, field: e.field)
        } catch {
            throw ServiceError(.badRequest, tr("recenzja nie jest poprawnym JSON-em: \(error)", "the review is not valid JSON: \(error)"))
        }
        return Reply.json(try engine.review(id, change, who: who).json)
    }

    /// `GET /api/postulates/{id}/history` → `{"id", "entries": […]}`, oldest first.
    func historyAPI(_ context: ServiceApplication.Context) throws -> Response {
        let id = try Self.decodedParameter(context, "id")
        let entries = try engine.history(id)
        return Reply.json(.object([("id", .string(id)), ("entries", .array(entries.map(\.json)))]))
    }

    /// `GET /api/export` → the store as JSONL, as `postulaty store export` writes it.
    func exportAPI() throws -> Response {
        let bytes = try engine.export()
        return Response(status: .ok, headers: [.contentType: "application/x-ndjson; charset=utf-8", .xContentTypeOptions: "nosniff"],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// `POST /api/models/reload` → 200 `{"model", "labels", "seconds"}` once the new theme model serves; a model that
    /// cannot be loaded: 500 naming the file, and the old one keeps serving. Works with or without a store.
    func reloadAPI(_ request: Request) throws -> Response {
        _ = try holder(request)
        let r: ServiceEngine.ReloadSummary
        do { r = try engine.reloadModels() } catch {
            throw ServiceError(.internalServerError, tr("nie wczytano modelu (działa dotychczasowy): \(error)", "the model was not loaded (the previous one still serves): \(error)"))
        }
        return Reply.json(.object([("model", .string(r.path)), ("labels", .number(String(r.labels))), ("seconds", .number(fixed(r.seconds, 3)))]))
    }
}
