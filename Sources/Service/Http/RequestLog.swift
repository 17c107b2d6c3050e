import Foundation
import Hummingbird
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One line per request on stderr: `GET /search 200 3.2 ms` (the path without its query, which may hold a
/// resident's text). `sink` is replaceable for tests.
public struct RequestLog: Sendable {
    public var sink: @Sendable (String) -> Void

    public init(sink: @escaping @Sendable (String) -> Void = { RequestLog.printError($0) }) { self.sink = sink }

    /// A whole line to stderr in one write (lines of concurrent requests never interleave).
    public static func printError(_ line: String) {
        var bytes = Array((line + "\n").utf8)
        bytes.withUnsafeMutableBytes { b in _ = write(2, b.baseAddress, b.count) }
    }
}

struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let log: RequestLog

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        log.sink("\(request.method.rawValue) \(request.uri.path) \(response.status.code) \(String(format: "%.1f", ms)) ms")
        return response
    }
}
