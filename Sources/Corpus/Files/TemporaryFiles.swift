#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The temporary files `AtomicFile` has open, so that an interrupted run (SIGINT, SIGTERM, SIGHUP) removes them
/// before it dies: without this a Ctrl-C during `tag -o` leaves a hidden `.NAME.tmp-PID-N` file of any size.
///
/// A signal handler may only call async-signal-safe functions, so it touches nothing Swift allocates: each path is
/// copied, when its file is created, into one of `slotCount` preallocated C-string buffers, and a bit in an atomic
/// mask marks the buffer live. The handler reads the mask, `unlink`s the live paths, restores the signal's
/// default action and raises the signal again, so the run ends with the signal's own status (130 in a shell for
/// SIGINT) and the target file is never touched. A path too long for a buffer, or a writer beyond `slotCount` open
/// at once, is simply not registered (it is still removed on every other failure path).
///
/// Registering always happens; the handlers are installed only by a program that asks (`removeOnSignals`), so a
/// library user keeps its own signal handling.
public enum TemporaryFiles {
    static let slotCount = 64
    static let slotSize = 4096

    /// Installs the handlers for `signals` (default SIGINT, SIGTERM, SIGHUP). A signal the process was started
    /// with ignored (`nohup`, a background job) stays ignored. Call once, at start.
    public static func removeOnSignals(_ signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]) {
        guard #available(macOS 15, *) else { return }
        // the globals are initialised here, never first inside the handler
        _ = reservedSlots.load(ordering: .relaxed); _ = liveSlots.load(ordering: .relaxed); _ = slotBuffers
        _ = deferring.load(ordering: .relaxed); _ = pendingSignal.load(ordering: .relaxed)
        for sig in signals {
            let previous = signal(sig, SIG_IGN)
            if unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
            signal(sig) { s in TemporaryFiles.handle(s) }
        }
    }

    /// Records `path` for removal on a signal; returns its slot (nil when it could not be recorded).
    static func register(_ path: String) -> Int? {
        guard #available(macOS 15, *) else { return nil }
        return registerTemporary(path)
    }

    /// Forgets a path recorded by `register` (after it was renamed or removed).
    static func unregister(_ slot: Int?) {
        guard let slot, #available(macOS 15, *) else { return }
        unregisterTemporary(slot)
    }

    /// The paths recorded now (for tests).
    static var registered: [String] {
        guard #available(macOS 15, *) else { return [] }
        return liveTemporaries()
    }

    /// Runs `body` (a few renames that must all happen or none) with the signals held back: a signal arriving
    /// meanwhile is remembered by the handler and acted on once `body` returns. Blocking the signal with a mask
    /// would not do: it is delivered to whichever thread does not block it, e.g. a worker of the run.
    public static func deferringSignals(_ body: () -> Void) {
        guard #available(macOS 15, *) else { body(); return }
        deferring.store(true, ordering: .sequentiallyConsistent)
        body()
        deferring.store(false, ordering: .sequentiallyConsistent)
        let sig = pendingSignal.exchange(0, ordering: .sequentiallyConsistent)
        if sig != 0 { handle(sig) }
    }

    private static func handle(_ sig: Int32) {
        if #available(macOS 15, *) {
            if deferring.load(ordering: .sequentiallyConsistent) {
                pendingSignal.store(sig, ordering: .sequentiallyConsistent)
                return
            }
            unlinkTemporaries()
        }
        signal(sig, SIG_DFL)
        raise(sig)  // delivered with the default action once this handler returns
    }
}

/// Set while `deferringSignals` runs its body; the signal that arrived meanwhile (0: none).
@available(macOS 15, *)
private let deferring = Atomic<Bool>(false)
@available(macOS 15, *)
private let pendingSignal = Atomic<Int32>(0)

// Globals, not a class: the handler then touches no reference count.

/// Buffers reserved by a writer (claimed with compare-and-swap, so concurrent writers never share one).
@available(macOS 15, *)
private let reservedSlots = Atomic<UInt64>(0)
/// Buffers holding a complete path the handler must remove.
@available(macOS 15, *)
private let liveSlots = Atomic<UInt64>(0)
nonisolated(unsafe) private let slotBuffers = UnsafeMutablePointer<CChar>.allocate(
    capacity: TemporaryFiles.slotCount * TemporaryFiles.slotSize)

@available(macOS 15, *)
private func registerTemporary(_ path: String) -> Int? {
    let utf8 = Array(path.utf8)
    guard utf8.count < TemporaryFiles.slotSize, !utf8.contains(0) else { return nil }
    var slot = -1
    var current = reservedSlots.load(ordering: .relaxed)
    while true {
        let free = ~current
        if free == 0 { return nil }
        slot = free.trailingZeroBitCount
        let (exchanged, original) = reservedSlots.compareExchange(
            expected: current, desired: current | (1 << UInt64(slot)), ordering: .acquiringAndReleasing)
        if exchanged { break }
        current = original
    }
    let base = slotBuffers + slot * TemporaryFiles.slotSize
    for (i, b) in utf8.enumerated() { base[i] = CChar(bitPattern: b) }
    base[utf8.count] = 0
    liveSlots.bitwiseOr(1 << UInt64(slot), ordering: .releasing)  // the path is whole before the handler can see it
    return slot
}

@available(macOS 15, *)
private func unregisterTemporary(_ slot: Int) {
    liveSlots.bitwiseAnd(~(1 << UInt64(slot)), ordering: .releasing)
    reservedSlots.bitwiseAnd(~(1 << UInt64(slot)), ordering: .releasing)
}

@available(macOS 15, *)
private func liveTemporaries() -> [String] {
    let mask = liveSlots.load(ordering: .acquiring)
    return (0..<TemporaryFiles.slotCount).filter { mask & (1 << UInt64($0)) != 0 }
        .map { String(cString: slotBuffers + $0 * TemporaryFiles.slotSize) }
}

/// Async-signal-safe: an atomic load and `unlink` on preallocated buffers; no allocation, no lock, no retain.
@available(macOS 15, *)
private func unlinkTemporaries() {
    var mask = liveSlots.load(ordering: .acquiring)
    while mask != 0 {
        let slot = mask.trailingZeroBitCount
        unlink(slotBuffers + slot * TemporaryFiles.slotSize)
        mask &= mask - 1
    }
}
