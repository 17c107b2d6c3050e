#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An advisory lock around a read-modify-write of a shared file (`index add`, `index remove`, any future writer
/// that loads a file, changes it and saves it): two runs at once then take turns instead of both reporting success
/// with one's work lost.
///
/// The lock is `flock` on a lock file beside the target, `.NAME.lock` (the target itself cannot carry it: the atomic
/// rename that saves it gives it a new inode, so a second run would lock the old one). Symbolic links are followed
/// first, so two spellings of one file share one lock. Only cooperating runs are held back; readers need no lock
/// (they see the old file or the new one whole).
///
/// The lock file is removed on release (and by an interrupted run's signal handler), while still held; a run that got the lock checks that the path still names
/// the file it locked (same inode) and starts again otherwise, so a removed lock file never lets two runs in.
public final class FileLock {
    /// The lock file.
    public let lockPath: String
    /// The file the lock guards, as given.
    public let target: String
    private var fd: Int32
    private var slot: Int?

    /// The lock file for `target`: `.NAME.lock` in the folder of the file `target` leads to.
    public static func lockPath(for target: String) throws(CorpusError) -> String {
        let resolved = try OutputTarget.followLinks(target)
        let prefix = resolved.lastIndex(of: "/").map { String(resolved[...$0]) } ?? ""
        return prefix + "." + OutputTarget.name(of: resolved) + ".lock"
    }

    /// Takes the exclusive lock for `target`, waiting up to `timeout` while another run holds it (`waiting` is called
    /// once, when the lock is first found taken, e.g. to say so on stderr). Throws an `io` error naming the target and
    /// the lock file when the wait runs out or the lock file cannot be made.
    public init(for target: String, timeout: Duration, waiting: (() -> Void)? = nil) throws(CorpusError) {
        self.target = target
        lockPath = try Self.lockPath(for: target)
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var announced = false
        while true {
            let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            if fd < 0 {
                let reason = systemErrorText(errno)
                throw CorpusError(.io, file: target, tr("nie można utworzyć pliku blokady \(lockPath) (\(reason))",
                                                        "cannot create the lock file \(lockPath) (\(reason))"))
            }
            if flock(fd, LOCK_EX | LOCK_NB) == 0 {
                // Still the file at lockPath? (A holder releasing removes it; then we locked a file nobody sees.)
                var held = stat(), named = stat()
                if fstat(fd, &held) == 0, stat(lockPath, &named) == 0, held.st_dev == named.st_dev, held.st_ino == named.st_ino {
                    self.fd = fd
                    slot = TemporaryFiles.register(lockPath)  // a run killed by a signal removes it too
                    return
                }
                close(fd)
                continue
            }
            let busy = errno == EWOULDBLOCK || errno == EINTR
            let reason = systemErrorText(errno)
            close(fd)
            guard busy else {
                throw CorpusError(.io, file: target, tr("nie można zablokować pliku \(lockPath) (\(reason))",
                                                        "cannot lock \(lockPath) (\(reason))"))
            }
            if clock.now >= deadline {
                let s = Self.seconds(timeout)
                throw CorpusError(.io, file: target, tr(
                    "inny proces postulaty zmienia ten plik od ponad \(s) s (blokada \(lockPath)); nic nie zmieniono — spróbuj ponownie, gdy skończy",
                    "another postulaty run has been changing this file for over \(s) s (lock \(lockPath)); nothing changed — try again when it ends"))
            }
            if !announced { announced = true; waiting?() }
            usleep(20_000)
        }
    }

    /// Whether another process holds the lock for `target` now (a lock file nobody holds, or none, is free). For a
    /// clear refusal before waiting; `init` still decides.
    public static func isHeld(for target: String) -> Bool {
        guard let path = try? lockPath(for: target) else { return false }
        let fd = open(path, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        if flock(fd, LOCK_EX | LOCK_NB) == 0 { flock(fd, LOCK_UN); return false }
        return errno == EWOULDBLOCK
    }

    /// Runs `body` holding the lock for `target`; the lock is released however `body` ends.
    public static func withLock<T>(for target: String, timeout: Duration, waiting: (() -> Void)? = nil,
                                   _ body: () throws -> T) throws -> T {
        let lock = try FileLock(for: target, timeout: timeout, waiting: waiting)
        defer { lock.unlock() }
        return try body()
    }

    /// Releases the lock (and removes the lock file, while still holding it). Safe to call twice.
    public func unlock() {
        guard fd >= 0 else { return }
        unlink(lockPath)
        TemporaryFiles.unregister(slot)
        slot = nil
        close(fd)
        fd = -1
    }

    deinit { unlock() }

    static func seconds(_ d: Duration) -> String {
        let c = d.components
        let ms = c.seconds * 1000 + c.attoseconds / 1_000_000_000_000_000
        return ms % 1000 == 0 ? String(ms / 1000) : String(Double(ms) / 1000)
    }
}
