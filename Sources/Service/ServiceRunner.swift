import Foundation
import Hummingbird

/// Runs the application until SIGINT or SIGTERM, from synchronous code (the CLI's commands are synchronous):
/// Hummingbird's `runService` stops accepting connections on either signal and lets the requests in progress
/// finish (ServiceLifecycle's graceful shutdown, which takes the two signals over from any handler installed
/// earlier — the CLI's temporary-file cleanup — while it runs).
public enum ServiceRunner {
    public static func run(_ engine: ServiceEngine, log: RequestLog = RequestLog(),
                           onListening: @escaping @Sendable (Int) -> Void) throws {
        engine.report.warmUp()
        let app = ServiceApplication.application(engine, log: log, onListening: onListening)
        let done = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        Task.detached {
            do { try await app.runService() } catch { outcome.error = error }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }

    private final class Outcome: @unchecked Sendable {
        var error: Error?   // written before the semaphore's signal, read after its wait
    }
}
