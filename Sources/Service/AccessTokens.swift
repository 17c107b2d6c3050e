import Corpus
import Foundation

/// Who may write (`--tokens FILE`): one `name:token` line per person or system, `#` comments and blank lines
/// ignored. A change is attributed to the name. Tokens are compared in constant time (every byte of every token
/// is looked at whatever the guess), so timing tells nothing about a token.
public struct AccessTokens: Sendable {
    /// The shortest token accepted: a guessable token would make the check pointless.
    public static let minimumLength = 16
    private let entries: [(name: String, token: [UInt8])]

    public init(path: String) throws {
        // The reason first (no such file, permission denied…): the two need different fixes.
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            let code = errno
            throw CorpusError(.io, file: path, tr("nie można odczytać pliku tokenów (\(systemErrorText(code)))", "cannot read the tokens file (\(systemErrorText(code)))"))
        }
        close(fd)
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw CorpusError(.io, file: path, tr("nie można odczytać pliku tokenów", "cannot read the tokens file"))
        }
        try self.init(text: text, file: path)
    }

    public init(text: String, file: String) throws {
        var entries: [(String, [UInt8])] = []
        var names = Set<String>(), tokens = Set<[UInt8]>()
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            func bad(_ pl: String, _ en: String) -> CorpusError { CorpusError(.syntax, file: file, line: i + 1, tr(pl, en)) }
            guard let colon = line.firstIndex(of: ":") else { throw bad("oczekiwano „nazwa:token”", "expected \"name:token\"") }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            let token = Array(line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces).utf8)
            guard !name.isEmpty else { throw bad("brak nazwy przed dwukropkiem", "no name before the colon") }
            guard token.count >= Self.minimumLength else {
                throw bad("token krótszy niż \(Self.minimumLength) znaków", "a token shorter than \(Self.minimumLength) characters")
            }
            guard names.insert(name).inserted else { throw bad("nazwa „\(name)” powtórzona", "name \"\(name)\" repeated") }
            guard tokens.insert(token).inserted else { throw bad("token powtórzony", "token repeated") }
            entries.append((name, token))
        }
        guard !entries.isEmpty else {
            throw CorpusError(.empty, file: file, tr("plik tokenów nie ma żadnego wpisu „nazwa:token”", "the tokens file has no \"name:token\" line"))
        }
        self.entries = entries
    }

    /// Every holder's name (a kept sign-in session is brought back only for these).
    public var names: Set<String> { Set(entries.map(\.name)) }

    /// The name of the token's holder, or nil for an unknown token.
    public func name(for token: String) -> String? {
        let guess = Array(token.utf8)
        var found: String?
        for e in entries where Self.equal(guess, e.token) && found == nil { found = e.name }
        return found
    }

    /// Equal bytes, in time depending only on the lengths (no early exit on the first difference).
    static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var diff = UInt64(a.count ^ b.count)
        let n = max(a.count, b.count)
        for i in 0..<n {
            let x = i < a.count ? a[i] : 0, y = i < b.count ? b[i] : 0
            diff |= UInt64(x ^ y)
        }
        return diff == 0
    }
}
