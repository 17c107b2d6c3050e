import Foundation

/// Sign-in for the pages that change the store: after the login form takes a bearer token, the browser holds a
/// session cookie (HttpOnly, SameSite=Strict) and every form carries the session's CSRF token. A forged form from
/// another site has neither the cookie (SameSite) nor the token, and its Origin differs (checked too).
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

    /// A new session for `name`: its id (the cookie's value) and CSRF token.
    func create(name: String) -> (id: String, session: Session) {
        let id = Self.randomToken(), s = Session(name: name, csrf: Self.randomToken(), expires: Date().addingTimeInterval(Self.lifetime))
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        sessions = sessions.filter { $0.value.expires > now }
        sessions[id] = s
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
