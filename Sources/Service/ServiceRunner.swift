import Corpus
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
        // SIGHUP reloads the theme model (as POST /api/models/reload does) instead of ending the process.
        signal(SIGHUP, SIG_IGN)
        let hangup = DispatchSource.makeSignalSource(signal: SIGHUP, queue: .global())
        hangup.setEventHandler {
            do {
                let r = try engine.reloadModels()
                // the decimal comma in a Polish run, as in the start-up line
                let t = fixed(r.seconds, 1)
                RequestLog.printError(tr("SIGHUP: wczytano model \(r.path) w \(t.replacingOccurrences(of: ".", with: ",")) s", "SIGHUP: loaded the model \(r.path) in \(t) s"))
            } catch {
                RequestLog.printError(tr("SIGHUP: nie wczytano modelu (działa dotychczasowy): \(error)", "SIGHUP: the model was not loaded (the previous one still serves): \(error)"))
            }
        }
        hangup.resume()
        defer { hangup.cancel() }
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
