import Foundation

/// A computation started on another thread whose result is collected later: lets the report run the
/// near-duplicate join while the postulates are labelled (the two share nothing), on a machine with cores to spare.
final class BackgroundJob<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Value, Error>?

    init(_ work: @escaping @Sendable () throws -> Value) {
        Thread.detachNewThread { [self] in
            result = Result { try work() }   // written once, before the signal; read only after the wait
            done.signal()
        }
    }

    /// Blocks until the work has finished; rethrows its error.
    func wait() throws -> Value {
        done.wait()
        return try result!.get()
    }
}
