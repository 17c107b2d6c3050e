import Corpus
import Foundation

/// A request's query string, decoded as a browser's form encodes it (`+` is a space, `%XX` bytes are UTF-8), and
/// the checks every search shares: `q` at most `maxQueryCharacters`, `top` 1…`maxTop`, `before` a year, `theme`
/// one of the taxonomy's codes. A value that breaks a rule is a 400 naming the parameter.
struct QueryParameters {
    private var values: [String: String] = [:]

    init(_ query: String?) throws {
        guard let query, !query.isEmpty else { return }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = try Self.decode(parts[0])
            let value = parts.count > 1 ? try Self.decode(parts[1]) : ""
            if values[key] == nil { values[key] = value }
        }
    }

    static func decode(_ s: Substring) throws -> String {
        let spaced = s.replacingOccurrences(of: "+", with: " ")
        guard let decoded = spaced.removingPercentEncoding else {
            throw ServiceError(.badRequest, tr("parametr zapytania nie jest poprawnie zakodowany (UTF-8, %XX)",
                                               "a query parameter is not correctly encoded (UTF-8, %XX)"))
        }
        return decoded
    }

    subscript(_ name: String) -> String? { values[name] }

    /// The search the parameters ask for; nil when there is no `q` (or a blank one) and `required` is false.
    func search(_ engine: ServiceEngine, required: Bool) throws -> SearchQuery? {
        let c = engine.configuration
        let text = values["q"] ?? ""
        if text.count > c.maxQueryCharacters {
            throw ServiceError(.badRequest, tr("parametr q: zapytanie ma \(text.count) znaków, a najwyżej \(c.maxQueryCharacters)",
                                               "parameter q: the query has \(text.count) characters, at most \(c.maxQueryCharacters) are accepted"), field: "q")
        }
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            if required { throw ServiceError(.badRequest, tr("brak parametru q (treść zapytania)", "parameter q (the query text) is missing"), field: "q") }
            return nil
        }
        var q = SearchQuery(text: text)
        if let top = values["top"], !top.isEmpty {
            guard let k = Int(top), (1...c.maxTop).contains(k) else {
                throw ServiceError(.badRequest, tr("parametr top: liczba od 1 do \(c.maxTop), nie „\(top.prefix(40))”",
                                                   "parameter top: a number from 1 to \(c.maxTop), not \"\(top.prefix(40))\""), field: "top")
            }
            q.top = k
        }
        if let before = values["before"], !before.isEmpty {
            guard let y = Int(before), (1...9999).contains(y) else {
                throw ServiceError(.badRequest, tr("parametr before: rok, nie „\(before.prefix(40))”",
                                                   "parameter before: a year, not \"\(before.prefix(40))\""), field: "before")
            }
            q.before = y
        }
        if let theme = values["theme"], !theme.isEmpty {
            guard engine.taxonomy.contains(theme) else {
                throw ServiceError(.badRequest, tr("parametr theme: nieznany temat „\(theme.prefix(40))”; znane: \(engine.taxonomy.codes.joined(separator: ", "))",
                                                   "parameter theme: unknown theme \"\(theme.prefix(40))\"; known: \(engine.taxonomy.codes.joined(separator: ", "))"), field: "theme")
            }
            q.theme = theme
        }
        return q
    }
}
