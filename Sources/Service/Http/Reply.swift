import Corpus
import HTTPTypes
import Hummingbird

/// Responses with the headers every page or API answer carries.
enum Reply {
    /// Pages: no script may run, styles only inline (the report's too), forms post only here, no framing.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: pageHeaders(), body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    static func pageHeaders() -> HTTPFields {
        [.contentType: "text/html; charset=utf-8", .contentSecurityPolicy: contentSecurityPolicy,
         .xContentTypeOptions: "nosniff", .referrerPolicy: "no-referrer"]
    }

    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .xContentTypeOptions: "nosniff"],
                 body: .init(byteBuffer: ByteBuffer(string: value.jsonText + "\n")))
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}

extension HTTPField.Name {
    static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}
