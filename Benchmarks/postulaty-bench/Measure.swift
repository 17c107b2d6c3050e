import Foundation

/// Shared measuring helpers of the benchmarks. CPU time of the calling thread (CLOCK_THREAD_CPUTIME_ID): on the
/// shared 2-core machine wall time also counts the time other processes hold the core.
func cpu() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// The same clock as a `Duration`.
func cpuNow() -> Duration {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return .seconds(ts.tv_sec) + .nanoseconds(ts.tv_nsec)
}

/// Peak resident memory of the process so far, in MiB.
func peakMiB() -> Double {
    var u = rusage()
    getrusage(RUSAGE_SELF.rawValue, &u)
    return Double(u.ru_maxrss) / 1024
}
