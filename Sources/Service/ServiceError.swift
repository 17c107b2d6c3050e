import Hummingbird

/// An error a request ends with: its status and a message for people (Polish or English, as the run), never a
/// stack trace or a Swift type name. Rendered as an HTML page or, under /api/, as `{"error": {"status", "message"}}`.
public struct ServiceError: Error, Sendable, CustomStringConvertible {
    public var status: HTTPResponse.Status
    public var message: String
    /// Extra headers (e.g. `Allow` for 405).
    public var headers: HTTPFields = [:]

    public init(_ status: HTTPResponse.Status, _ message: String, headers: HTTPFields = [:]) {
        self.status = status; self.message = message; self.headers = headers
    }

    public var description: String { message }
}
