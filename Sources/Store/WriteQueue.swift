import Foundation
import GRDB

/// Group commit: the store's changes are run by one writer thread, which takes every change waiting, runs each in
/// its own savepoint inside one transaction and commits them with one fsync. Why: with `synchronous = FULL` a
/// commit costs an fsync (≈ 4 ms on this machine's disk, see Benchmarks/RESULTS.md), so 16 writers committing one
/// by one wait ≈ 16 fsyncs each; sharing the commit keeps every change durable when acknowledged and each change
/// still whole or absent (a change that fails rolls back its savepoint only; a failed commit fails them all).
final class WriteQueue: @unchecked Sendable {
    private let pool: DatabasePool
    private let condition = NSCondition()
    private var pending: [any WriteJob] = []
    private var stopped = false
    /// Signalled once when the writer thread ends.
    private let finished = DispatchSemaphore(value: 0)
    /// At most this many changes share a transaction (bounds how long one commit holds the others).
    static let maxBatch = 64

    init(pool: DatabasePool) {
        self.pool = pool
        let thread = Thread { [self] in loop() }
        thread.name = "postulaty-store-writer"
        thread.start()
    }

    /// Ends the writer thread once the waiting changes are done.
    func stop() {
        condition.lock()
        stopped = true
        condition.signal()
        condition.unlock()
    }

    /// Ends the writer thread and waits until it has (so no change is in flight when the store closes).
    func stopAndWait() {
        condition.lock()
        let already = stopped
        stopped = true
        condition.signal()
        condition.unlock()
        if !already { finished.wait() }
    }

    /// Runs `body` in the next group commit; returns once the commit is on disk.
    func perform<T>(_ body: @escaping (Database) throws -> T) throws -> T {
        let job = Job(body)
        condition.lock()
        pending.append(job)
        condition.signal()
        condition.unlock()
        job.done.wait()
        guard let result = job.result else { throw CancellationError() }
        return try result.get()
    }

    private func loop() {
        while true {
            condition.lock()
            while pending.isEmpty && !stopped { condition.wait() }
            if pending.isEmpty && stopped { condition.unlock(); finished.signal(); return }
            let batch = Array(pending.prefix(Self.maxBatch))
            pending.removeFirst(batch.count)
            condition.unlock()
            do {
                try pool.write { db in for job in batch { job.run(db) } }
            } catch {
                for job in batch { job.commitFailed(error) }
            }
            for job in batch { job.done.signal() }
        }
    }
}

protocol WriteJob: AnyObject {
    var done: DispatchSemaphore { get }
    func run(_ db: Database)
    func commitFailed(_ error: Error)
}

private final class Job<T>: WriteJob {
    let body: (Database) throws -> T
    var result: Result<T, Error>?
    let done = DispatchSemaphore(value: 0)

    init(_ body: @escaping (Database) throws -> T) { self.body = body }

    func run(_ db: Database) {
        do {
            var value: T?
            try db.inSavepoint {
                value = try body(db)
                return .commit
            }
            if let value { result = .success(value) }
        } catch {
            result = .failure(error)
        }
    }

    func commitFailed(_ error: Error) {
        if case .success = result { result = .failure(error) }
        if result == nil { result = .failure(error) }
    }
}
