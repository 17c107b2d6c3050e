/// White-space trimming without Foundation (the Corpus files that need it do not import it).
extension Substring {
    func trimmingSpaces() -> String {
        var s = self[...]
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}

extension String {
    func trimmingCharacters() -> String { self[...].trimmingSpaces() }
}
