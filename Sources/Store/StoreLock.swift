import Corpus
import Foundation

/// Who may change a store beside SQLite's own locking. `serve --store` builds its index and pages from the store
/// at start and keeps them in step only through its own writes; so while it runs it holds this lock (a `FileLock`
/// on `.NAME.lock` beside the store), and `store import` and a restore (`store backup` onto a store) take it too.
/// They then refuse a store a running service holds — an import would leave the service out of step (records in
/// the store it never serves), a restore would replace the file under it and lose what it acknowledged — instead
/// of succeeding silently. The lock dies with its process (`flock`), so a killed service blocks nothing.
public enum StoreLock {
    public enum Purpose: Sendable { case serve, importing, restore }

    /// Takes the lock for the store at `path`, or throws naming what holds it and what to do instead.
    public static func take(_ path: String, for purpose: Purpose) throws(StoreError) -> FileLock {
        try requirePlace(path)
        if FileLock.isHeld(for: path) { throw busy(path, purpose) }
        do {
            return try FileLock(for: path, timeout: .seconds(2))
        } catch {
            throw FileLock.isHeld(for: path) ? busy(path, purpose) : StoreError(.database, error.description)
        }
    }

    /// A store path that names a folder, or a file in a folder that does not exist, is said as that — not as the
    /// lock file or SQLite failing to open.
    static func requirePlace(_ path: String) throws(StoreError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw StoreError(.database, tr("\(path): to folder, a magazyn jest plikiem (np. \(path.hasSuffix("/") ? path : path + "/")postulaty.sqlite)",
                                           "\(path): a folder, but the store is a file (e.g. \(path.hasSuffix("/") ? path : path + "/")postulaty.sqlite)"))
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) || !isFolder.boolValue {
            throw StoreError(.database, tr("\(path): nie ma folderu \(folder) (utwórz go: mkdir -p \(folder))",
                                           "\(path): no folder \(folder) (make it: mkdir -p \(folder))"))
        }
    }

    static func busy(_ path: String, _ purpose: Purpose) -> StoreError {
        switch purpose {
        case .serve:
            return StoreError(.database, tr("\(path): magazyn jest już w użyciu (inny postulaty serve, store import albo odtwarzanie kopii); zatrzymaj tamten proces albo podaj inny plik",
                                            "\(path): the store is already in use (another postulaty serve, store import or restore); stop that process or give another file"))
        case .importing:
            return StoreError(.database, tr("\(path): magazyn obsługuje działający postulaty serve; dodaj postulaty przez serwis (POST /api/postulates albo strona /add) albo najpierw go zatrzymaj — nic nie zapisano",
                                            "\(path): a running postulaty serve holds the store; add postulates through the service (POST /api/postulates or the /add page) or stop it first; nothing was stored"))
        case .restore:
            return StoreError(.database, tr("\(path): magazyn obsługuje działający postulaty serve; zatrzymaj go przed odtworzeniem kopii — nic nie zmieniono",
                                            "\(path): a running postulaty serve holds the store; stop it before restoring a copy; nothing was changed"))
        }
    }
}
