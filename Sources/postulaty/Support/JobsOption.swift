import ArgumentParser
import Corpus
import Foundation

/// `--jobs N`: how many threads analyse (and, where it pays, compute). Default: the machine's active cores;
/// `--jobs 1` runs on one thread as before. Outputs are the same bytes for any N (per-worker analyzers, results
/// gathered in input order).
struct JobsOption: ParsableArguments {
    @Option(name: .customLong("jobs"),
            help: "Threads for analysis and computation (default: the machine's cores; 1: one thread). The output does not depend on it.")
    var jobs: Int?

    var count: Int { jobs ?? max(1, ProcessInfo.processInfo.activeProcessorCount) }

    func validate() throws {
        if let jobs, jobs < 1 {
            throw ValidationError(tr("--jobs: liczba wątków ≥ 1", "--jobs must be a number of threads ≥ 1"))
        }
    }
}
