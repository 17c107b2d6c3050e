import Messages

/// How a Morfologik dictionary stores the lemma of each form, as its `.info` file declares.
///
/// Each sequence in the automaton is `form SEP encodedLemma SEP tag`. The lemma is stored relative to the form to
/// make the automaton small; the encoding says how to rebuild it.
public enum BaseFormEncoding: String, Sendable, Equatable {
    /// `{K}{suffix}`: drop K = code−'A' bytes from the end of the form, append suffix.
    case suffix = "SUFFIX"
    /// `{P}{K}{suffix}`: drop P bytes from the start and K from the end, append suffix (Polish dictionary).
    case prefix = "PREFIX"
    /// `{X}{L}{K}{suffix}`: drop L bytes at index X and K from the end, append suffix.
    case infix = "INFIX"
    /// The lemma is stored literally.
    case none = "NONE"

    /// Rebuilds the lemma bytes from the dictionary's own surface form and the encoded bytes; nil if malformed.
    /// A control value of 255 ('A'+255 wraps) means "drop the whole form", as Morfologik's encoders write it.
    public func decode(form: UnsafeBufferPointer<UInt8>, encoded: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        @inline(__always) func code(_ i: Int) -> Int { Int(encoded[i] &- 0x41) }
        var out: [UInt8] = []
        switch self {
        case .none:
            return Array(encoded)
        case .suffix:
            guard encoded.count >= 1 else { return nil }
            var k = code(0)
            if k == 255 { k = form.count }
            guard k <= form.count else { return nil }
            out.reserveCapacity(form.count - k + encoded.count - 1)
            out.append(contentsOf: form[0..<(form.count - k)])
            out.append(contentsOf: encoded[1...])
        case .prefix:
            guard encoded.count >= 2 else { return nil }
            var p = code(0), k = code(1)
            if p == 255 || k == 255 { p = form.count; k = 0 }
            guard p + k <= form.count else { return nil }
            out.append(contentsOf: form[p..<(form.count - k)])
            out.append(contentsOf: encoded[2...])
        case .infix:
            guard encoded.count >= 3 else { return nil }
            var x = code(0), l = code(1), k = code(2)
            if x == 255 || l == 255 || k == 255 { x = 0; l = form.count; k = 0 }
            guard x + l + k <= form.count else { return nil }
            out.append(contentsOf: form[0..<x])
            out.append(contentsOf: form[(x + l)..<(form.count - k)])
            out.append(contentsOf: encoded[3...])
        }
        return out
    }
}

/// The settings of a Morfologik dictionary read from its `.info` file (Java properties).
public struct DictionaryMetadata: Sendable, Equatable {
    public var separator: UInt8
    public var encoding: BaseFormEncoding

    public init(separator: UInt8 = UInt8(ascii: "+"), encoding: BaseFormEncoding = .prefix) {
        self.separator = separator
        self.encoding = encoding
    }

    public struct ParseError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Parses `.info` text. Understands both Morfologik 1.x keys (`fsa.dict.uses-prefixes`, `…uses-infixes`) and
    /// 2.x's `fsa.dict.encoder`. Only UTF-8 dictionaries are accepted: lemmas are turned into Swift strings.
    public init(infoText: String) throws {
        var props: [String: String] = [:]
        for raw in infoText.split(whereSeparator: \.isNewline) {  // "\r\n" is one Character
            let line = raw.trimmingSpaces
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("!") { continue }
            guard let eq = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else { continue }
            props[String(line[..<eq]).trimmingSpaces] = String(line[line.index(after: eq)...]).trimmingSpaces
        }
        let sep = props["fsa.dict.separator"] ?? "+"
        guard sep.utf8.count == 1, let sepByte = sep.utf8.first else {
            throw ParseError(description: tr("fsa.dict.separator musi być jednym znakiem ASCII, jest „\(sep)”",
                                             "fsa.dict.separator must be one ASCII character, got \"\(sep)\""))
        }
        let charset = (props["fsa.dict.encoding"] ?? "UTF-8").uppercased()
        guard charset == "UTF-8" || charset == "UTF8" else {
            throw ParseError(description: tr("fsa.dict.encoding to \(charset); obsługiwane są tylko słowniki w UTF-8",
                                             "fsa.dict.encoding is \(charset); only UTF-8 dictionaries are supported"))
        }
        var encoding = BaseFormEncoding.suffix
        if let name = props["fsa.dict.encoder"] {
            guard let e = BaseFormEncoding(rawValue: name.uppercased()) else {
                throw ParseError(description: tr("fsa.dict.encoder \(name) nie jest żadnym z SUFFIX, PREFIX, INFIX, NONE",
                                                 "fsa.dict.encoder \(name) is not one of SUFFIX, PREFIX, INFIX, NONE"))
            }
            encoding = e
        } else if props["fsa.dict.uses-infixes"]?.lowercased() == "true" {
            encoding = .infix
        } else if props["fsa.dict.uses-prefixes"]?.lowercased() == "true" {
            encoding = .prefix
        }
        self.init(separator: sepByte, encoding: encoding)
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
