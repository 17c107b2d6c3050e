import Corpus
import Foundation

/// Sign-in for the pages that change the store: after the login form takes a bearer token, the browser holds a
/// session cookie (HttpOnly, SameSite=Strict) and every form carries the session's CSRF token. A forged form from
/// another site has neither the cookie (SameSite) nor the token, and its Origin differs (checked too).
///
/// With a store the sessions are also kept in a file beside it (`STORE.sessions`, mode 0600, written atomically on
/// each sign-in and sign-out), so restarting the service (an upgrade, a new model) does not sign the staff out and
/// lose the text of a form they were filling in. A session whose name is no longer in the tokens file is not
/// brought back: taking a token away signs its holder out at the next restart.
final class Sessions: @unchecked Sendable {
    struct Session: Sendable {
        var name: String
        var csrf: String
        var expires: Date
        /// The ids of this session's latest addition by form, shown by `GET /add?added` after the redirect.
        var added: [String] = []
    }
    static let cookieName = "postulaty_session"
    /// A working day and a bit: staff sign in once a day.
    static let lifetime: TimeInterval = 12 * 3600
    private let lock = NSLock()
    private var sessions: [String: Session] = [:]
    /// Where the sessions are kept between runs, or nil (in memory only).
    let file: String?
    private let notice: (String) -> Void

    /// `file`: the sessions kept by an earlier run are read from it (expired ones and those of names not in
    /// `names` dropped; a line that cannot be read is skipped with a notice naming the file and line — its holder
    /// signs in again). A missing file is no sessions.
    init(file: String? = nil, names: Set<String> = [], notice: @escaping (String) -> Void = { _ in }) {
        self.file = file
        self.notice = notice
        guard let file, let data = FileManager.default.contents(atPath: file) else { return }
        let now = Date()
        for (i, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.isEmpty && !line.hasPrefix("#") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count == 4, let seconds = Int(f[3]), Self.isToken(f[0]), Self.isToken(f[2]), !f[1].isEmpty else {
                notice(tr("\(file):\(i + 1): wiersz sesji nieczytelny, pominięto (ta osoba zaloguje się ponownie)",
                          "\(file):\(i + 1): an unreadable session line, skipped (that person signs in again)"))
                continue
            }
            let s = Session(name: String(f[1]), csrf: String(f[2]), expires: Date(timeIntervalSince1970: TimeInterval(seconds)))
            if s.expires > now && names.contains(s.name) { sessions[String(f[0])] = s }
        }
    }

    /// 64 lowercase hex digits, as `randomToken()` makes them.
    static func isToken(_ s: Substring) -> Bool {
        s.utf8.count == 64 && s.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// Writes the live sessions to `file` (under `lock`). A failure is said and the sessions go on in memory: a
    /// sign-in is not refused because the folder is full; only a restart would sign that person out.
    private func save() {
        guard let file else { return }
        let now = Date()
        var text = "# postulaty serve: sign-in sessions (id, name, CSRF token, expiry); deleting this file signs everyone out\n"
        for (id, s) in sessions.sorted(by: { $0.key < $1.key }) where s.expires > now && !s.name.contains("\t") && !s.name.contains("\n") {
            text += "\(id)\t\(s.name)\t\(s.csrf)\t\(Int(s.expires.timeIntervalSince1970))\n"
        }
        do { try AtomicFile.write(Array(text.utf8), to: file, mode: 0o600) } catch {
            notice(tr("sesje nie zostały zapisane (\(error)); po ponownym uruchomieniu trzeba będzie zalogować się znowu",
                      "the sessions were not saved (\(error)); after a restart staff will have to sign in again"))
        }
    }

    /// A new session for `name`: its id (the cookie's value) and CSRF token.
    func create(name: String) -> (id: String, session: Session) {
        let id = Self.randomToken(), s = Session(name: name, csrf: Self.randomToken(), expires: Date().addingTimeInterval(Self.lifetime))
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        sessions = sessions.filter { $0.value.expires > now }
        sessions[id] = s
        save()
        return (id, s)
    }

    /// The session of a `Cookie` header, or nil.
    func session(cookieHeader: String?) -> Session? {
        guard let header = cookieHeader else { return nil }
        for piece in header.split(separator: ";") {
            let kv = piece.trimmingCharacters(in: .whitespaces)
            guard kv.hasPrefix(Self.cookieName + "=") else { continue }
            let id = String(kv.dropFirst(Self.cookieName.count + 1))
            lock.lock(); defer { lock.unlock() }
            guard let s = sessions[id], s.expires > Date() else { return nil }
            return s
        }
        return nil
    }

    /// Ends the session of a `Cookie` header (sign-out): its cookie no longer opens anything.
    func end(cookieHeader: String?) {
        guard let header = cookieHeader else { return }
        lock.lock(); defer { lock.unlock() }
        for piece in header.split(separator: ";") {
            let kv = piece.trimmingCharacters(in: .whitespaces)
            if kv.hasPrefix(Self.cookieName + "=") { sessions[String(kv.dropFirst(Self.cookieName.count + 1))] = nil }
        }
        save()
    }

    /// Notes the ids a form addition stored, for the page the browser is redirected to (post/redirect/get: a
    /// reload does not post the records again).
    func noteAdded(_ ids: [String], cookieHeader: String?) {
        guard let header = cookieHeader else { return }
        lock.lock(); defer { lock.unlock() }
        for piece in header.split(separator: ";") {
            let kv = piece.trimmingCharacters(in: .whitespaces)
            let id = String(kv.dropFirst(Self.cookieName.count + 1))
            if kv.hasPrefix(Self.cookieName + "="), sessions[id] != nil { sessions[id]?.added = ids }
        }
    }

    /// Tells the browser to drop the session cookie.
    static let clearCookie = "\(cookieName)=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"

    /// 32 random bytes as hex (the system's cryptographic generator).
    static func randomToken() -> String {
        var g = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &g)) }.joined()
    }

    static func setCookie(_ id: String) -> String {
        "\(cookieName)=\(id); Path=/; HttpOnly; SameSite=Strict; Max-Age=\(Int(lifetime))"
    }
}
