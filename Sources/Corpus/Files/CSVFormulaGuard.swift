/// The spreadsheet formula guard (OWASP's advice on CSV injection). A cell whose text starts with `=`, `+`, `-`,
/// `@`, a tab or a CR would be run as a formula by a spreadsheet: every CSV writer of the project puts one `'`
/// before such a text, and the project's own CSV reader takes that one `'` away again, so reading back what the
/// project wrote gives the original text. To keep this reversible a text made of apostrophes followed by one of
/// those characters (`'=x`) gets one more apostrophe too (`''=x`), and the reader removes one from any cell of
/// that shape. Plain numbers the project writes in numeric columns (a year, a count, a JSON number, a score such
/// as -0.5) are not text and are written as they are.
public enum CSVFormulaGuard {
    /// A first byte that makes a spreadsheet read the cell as a formula.
    @inline(__always)
    static func isTrigger(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "=") || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: "@")
            || b == 0x09 || b == 0x0D
    }

    /// Whether `s`, after any leading apostrophes, starts with a formula character.
    public static func needsGuard(_ s: String) -> Bool {
        for b in s.utf8 {
            if b == UInt8(ascii: "'") { continue }
            return isTrigger(b)
        }
        return false
    }

    /// The text as a writer puts it in a cell: `'` first when it needs the guard.
    public static func guarded(_ s: String) -> String { needsGuard(s) ? "'" + s : s }

    /// The text a reader gives for a cell: one leading `'` removed when what follows needs the guard.
    public static func unguarded(_ s: String) -> String {
        guard s.utf8.first == UInt8(ascii: "'") else { return s }
        let rest = String(s.unicodeScalars.dropFirst())
        return needsGuard(rest) ? rest : s
    }
}
