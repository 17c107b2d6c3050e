import Corpus
import Foundation
import PolishText
import Reporting

/// The served corpus's report (Reporting's `ReportJob`, the same run as `postulaty report`), rendered in memory on
/// the first request and kept until the served records change. Files are served by exact name only: the report
/// is a dictionary of names, so no path (`../`, encoded or not) can reach anything else.
final class ReportCache: @unchecked Sendable {
    private var job: ReportJob
    /// With a store: its records as served now (reviews applied), read when the report is rendered.
    private let records: (() throws -> CorpusLoad)?
    private let lemmatizer: PolishLemmatizer
    private let lock = NSLock()
    private var files: [String: ReportFile]?
    private var failure: String?

    init(job: ReportJob, lemmatizer: PolishLemmatizer, records: (() throws -> CorpusLoad)? = nil) {
        self.job = job
        self.records = records
        self.lemmatizer = lemmatizer
    }

    /// The served records changed (an addition, a review): the next reader gets a report rendered again.
    func invalidate() {
        lock.lock()
        files = nil
        failure = nil
        lock.unlock()
    }

    /// The report's files by name; the first caller renders it (the others wait for it).
    func get() throws -> [String: ReportFile] {
        lock.lock()
        defer { lock.unlock() }
        if let files { return files }
        if let failure { throw ServiceError(.internalServerError, failure) }
        do {
            var job = self.job
            job.load = try records?()
            let (_, rendered) = try job.run(analyzer: try Analyzer(lemmatizer: lemmatizer))
            let byName = Dictionary(rendered.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            files = byName
            return byName
        } catch {
            let message = tr("nie udało się przygotować raportu: \(error)", "the report could not be made: \(error)")
            failure = message
            throw ServiceError(.internalServerError, message)
        }
    }

    /// A new theme model is serving (`POST /api/models/reload`, SIGHUP): the report labels with it from now on, so
    /// the next reader gets it rendered again rather than the old model's labels.
    func useThemeModel(path: String) {
        lock.lock()
        job.themeModelPath = path
        files = nil
        failure = nil
        lock.unlock()
    }

    /// Starts rendering in the background, so the first reader does not wait for it.
    func warmUp() {
        Thread.detachNewThread { [self] in _ = try? get() }
    }
}
