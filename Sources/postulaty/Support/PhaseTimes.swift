#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wall, process CPU and this thread's CPU seconds per phase, on stderr when `POSTULATY_PHASES` is set (never
/// otherwise). Why: on a shared machine the wall clock says more about the neighbours than about the program; the
/// CPU of the calling thread (the serial part) and of the process (all cores) per phase give the critical path,
/// so what an idle machine would take can be estimated: per phase, max(this thread's CPU, process CPU / cores).
struct PhaseTimes {
    let enabled = getenv("POSTULATY_PHASES") != nil
    private var last: [Double]
    private var laps: [String] = []

    init() { last = Self.now() }

    static func now() -> [Double] {
        [CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID].map { clock in
            var t = timespec()
            clock_gettime(clock, &t)
            return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
        }
    }

    /// Ends the phase `name`.
    mutating func lap(_ name: String) {
        guard enabled else { return }
        let t = Self.now()
        func s(_ i: Int) -> String { String(Double(Int((t[i] - last[i]) * 1000)) / 1000) }
        laps.append("\(name) wall \(s(0)) cpu \(s(1)) thread \(s(2))")
        last = Self.now()
    }

    /// Prints the phases as one line (seconds).
    func report(_ command: String) {
        guard enabled else { return }
        printError("\(command) phases (s): " + laps.joined(separator: "; "))
    }
}
