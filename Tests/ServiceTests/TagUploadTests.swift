import Corpus
import Foundation
import Hummingbird
import HummingbirdTesting
@testable import Service
import XCTest

/// `POST /api/tag` and the `/tag` form: tagged records as `postulaty tag` writes them; a malformed upload is a
/// 400 naming the record (file, line, field), never a 500; bodies over the limit are 413.
final class TagUploadTests: XCTestCase {
    func post(_ uri: String, type: String, _ body: String, _ check: @escaping @Sendable (TestResponse) throws -> Void) async throws {
        try await Fixture.app().test(.router) { client in
            try await client.execute(uri: uri, method: .post, headers: [.contentType: type], body: ByteBuffer(string: body)) { try check($0) }
        }
    }

    func testJSONLAndCSVAreTaggedWithTheCLIsFields() async throws {
        try await post("/api/tag", type: "application/x-ndjson", "{\"id\":\"n1\",\"text\":\"Kluby seniora w dzielnicach\",\"extra\":1}\n") { r in
            XCTAssertEqual(r.status, .ok)
            XCTAssertEqual(r.headers[.contentType], "application/x-ndjson; charset=utf-8")
            let line = try JSONValue.parse(r.text.trimmingCharacters(in: .newlines))
            XCTAssertEqual(line.objectValue?.map(\.0), ["id", "text", "extra", "predicted", "scores", "evidence", "why", "no_theme"])
            XCTAssertEqual(line["predicted"]?.arrayValue?.compactMap(\.stringValue), ["seniors"])
        }
        try await post("/api/tag", type: "text/csv", "id;text\nn1;Kluby seniora\n") { r in
            XCTAssertEqual(r.status, .ok)
            XCTAssertTrue(r.text.hasPrefix("id,text,predicted,scores,evidence,why,no_theme\r\n"), r.text)
        }
        try await post("/api/tag", type: "text/plain", "Kluby seniora\n\nBezpieczeństwo na osiedlach\n") { r in
            XCTAssertEqual(r.status, .ok)
            XCTAssertEqual(r.text.split(separator: "\n").count, 2)
            XCTAssertTrue(r.text.hasPrefix("{\"line\":1,\"text\":\"Kluby seniora\""))
        }
    }

    func testAMalformedUploadIsA400NamingTheRecord() async throws {
        try await post("/api/tag", type: "application/x-ndjson", "{\"id\":\"ok\",\"text\":\"Kluby\"}\n{\"id\":\"b\",\"text\":\"x\",\"text\":\"y\"}\n{oops\n") { r in
            XCTAssertEqual(r.status, .badRequest)
            let message = try JSONValue.parse(r.text)["error"]?["message"]?.stringValue ?? ""
            XCTAssertTrue(message.contains("upload.jsonl:2: pole „text”"), message)
            XCTAssertTrue(message.contains("upload.jsonl:3:"), message)
            XCTAssertTrue(message.contains("2 błędne rekordy (poprawnych: 1)"), message)
            XCTAssertFalse(message.contains("/tmp"), "no server path in the message")
        }
        try await post("/api/tag", type: "text/csv", "id,tresc_bez_kolumny\n1,x\n") { r in
            XCTAssertEqual(r.status, .badRequest)
            XCTAssertTrue(r.text.contains("upload.csv:1: brak kolumny z treścią postulatu"), r.text)
        }
        try await post("/api/tag", type: "text/csv", "text\n\"never closed\n") { r in XCTAssertEqual(r.status, .badRequest) }
        try await post("/api/tag", type: "application/x-ndjson", "") { r in XCTAssertEqual(r.status, .badRequest) }
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("{\"text\":\"x\"}".utf8).flatMap { [$0, 0] }
        try await Fixture.app().test(.router) { client in
            try await client.execute(uri: "/api/tag", method: .post, headers: [.contentType: "application/x-ndjson"],
                                     body: ByteBuffer(bytes: utf16)) { r in
                XCTAssertEqual(r.status, .badRequest)
                XCTAssertTrue(r.text.contains("UTF-16"), r.text)
            }
        }
        try await post("/api/tag", type: "application/pdf", "x") { r in XCTAssertEqual(r.status, .unsupportedMediaType) }
    }

    func testBodiesOverTheLimitAre413() async throws {
        let limit = Fixture.configuration.maxBodyBytes
        XCTAssertEqual(limit, 20 << 20)
        let body = ByteBuffer(repeating: UInt8(ascii: "a"), count: limit + 1)
        try await Fixture.app().test(.router) { client in
            try await client.execute(uri: "/api/tag", method: .post, headers: [.contentType: "text/plain"], body: body) { r in
                XCTAssertEqual(r.status, .contentTooLarge)
                XCTAssertTrue(try JSONValue.parse(r.text)["error"]?["message"]?.stringValue?.contains("20 MB") ?? false)
            }
            try await client.execute(uri: "/tag", method: .post, headers: [.contentType: "multipart/form-data; boundary=x"], body: body) { r in
                XCTAssertEqual(r.status, .contentTooLarge)
                XCTAssertTrue(r.text.contains("Za duże żądanie"))
            }
        }
    }

    func testTheFormTagsAFileOrPastedTextAndShowsErrorsOnTheForm() async throws {
        func form(_ parts: [(name: String, file: String?, content: String)]) -> String {
            var s = ""
            for p in parts {
                s += "--XyZ\r\nContent-Disposition: form-data; name=\"\(p.name)\"" + (p.file.map { "; filename=\"\($0)\"" } ?? "") + "\r\n"
                if p.file != nil { s += "Content-Type: application/octet-stream\r\n" }
                s += "\r\n" + p.content + "\r\n"
            }
            return s + "--XyZ--\r\n"
        }
        let type = "multipart/form-data; boundary=XyZ"
        try await post("/tag", type: type, form([("file", "nowe wnioski.csv", "id,text\n1,Kluby seniora\n"), ("text", nil, "")])) { r in
            XCTAssertEqual(r.status, .ok)
            XCTAssertEqual(r.headers[.contentDisposition], "attachment; filename=\"nowe_wnioski-tagged.csv\"", "spaces as _, as the clerk named the file")
            XCTAssertTrue(r.text.hasPrefix("id,text,predicted,"))
        }
        // A Polish-locale sheet (`;`) comes back as that spreadsheet opens it: `;` and a byte-order mark.
        try await post("/tag", type: type, form([("file", "wnioski.csv", "Identyfikator;Treść postulatu\n1;Kluby seniora, świetlice\n"), ("text", nil, "")])) { r in
            XCTAssertEqual(r.status, .ok)
            XCTAssertTrue(r.text.hasPrefix("\u{FEFF}id;text;predicted;"), r.text)
            XCTAssertTrue(r.text.contains("1;Kluby seniora, świetlice;seniors;"), r.text)
        }
        try await post("/tag", type: type, form([("file", "", ""), ("text", nil, "Kluby seniora\r\nMłodzież")])) { r in
            XCTAssertEqual(r.status, .ok)
            XCTAssertEqual(r.text.split(separator: "\n").count, 2)
        }
        try await post("/tag", type: type, form([("file", "../../<b>zle.jsonl", "{\"text\": \"a\", \"text\": \"b\"}\n")])) { r in
            XCTAssertEqual(r.status, .badRequest)
            XCTAssertEqual(r.headers[.contentType], "text/html; charset=utf-8")
            XCTAssertTrue(r.text.contains("bzle.jsonl:1: pole „text”"), r.text)
            XCTAssertFalse(r.text.contains("<b>"))
        }
        try await post("/tag", type: type, form([("text", nil, "  ")])) { r in XCTAssertEqual(r.status, .badRequest) }
        try await post("/tag", type: type, "--XyZ\r\nbroken") { r in XCTAssertEqual(r.status, .badRequest) }
    }
}
