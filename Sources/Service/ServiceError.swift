import Hummingbird

/// An error a request ends with: its status and a message for people (Polish or English, as the run), never a
/// stack trace or a Swift type name. Rendered as an HTML page or, under /api/, as `{"error": {"status", "message"}}`
/// with, for a program to act on, the `field` (or query parameter) it is about and the `problems` of an upload
/// (each with its line and field) — the message alone says the same to people.
public struct ServiceError: Error, Sendable, CustomStringConvertible {
    /// One refused record's problem: the body's line (1-based; nil for a single JSON record), the field, why.
    public struct Problem: Sendable, Equatable {
        public var line: Int?
        public var field: String?
        public var message: String
        public init(line: Int?, field: String?, message: String) { self.line = line; self.field = field; self.message = message }
    }

    public var status: HTTPResponse.Status
    public var message: String
    /// The request's field or query parameter the error is about, when it is about one.
    public var field: String?
    /// Every problem of a refused upload (the message lists the first few).
    public var problems: [Problem] = []
    /// Extra headers (e.g. `Allow` for 405).
    public var headers: HTTPFields = [:]

    public init(_ status: HTTPResponse.Status, _ message: String, field: String? = nil, problems: [Problem] = [],
                headers: HTTPFields = [:]) {
        self.status = status; self.message = message; self.field = field; self.problems = problems; self.headers = headers
    }

    public var description: String { message }
}
