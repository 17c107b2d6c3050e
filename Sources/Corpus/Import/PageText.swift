/// The text pdftotext makes of a table, cut into blocks. pdftotext (reading-order mode) writes each table cell
/// as a run of lines and puts one empty line between cells; a page break shows as a form feed or as two or more
/// empty lines, often with the page's link targets (lines holding nothing but URLs) between them. A block
/// records whether a page break came before it: that is what tells a cell continued on the next page from the
/// next cell.
struct TextBlock: Equatable {
    /// The block's lines, trimmed, inner runs of spaces collapsed.
    var lines: [String]
    var afterPageBreak: Bool
    /// 1-based line number of the block's first line in the input.
    var lineNumber: Int

    var firstLine: String { lines[0] }
}

enum PageText {
    static func blocks(_ text: String) -> [TextBlock] {
        var blocks: [TextBlock] = []
        var current: [String] = []
        var currentStart = 0
        var emptyRun = 0
        var pageBreak = false
        var pendingBreak = false

        func close() {
            guard !current.isEmpty else { return }
            if current.allSatisfy(isURLOnly) {
                // A page's list of link targets: not content, but a sign that a page ended here.
                pendingBreak = true
            } else {
                blocks.append(TextBlock(lines: current, afterPageBreak: pendingBreak, lineNumber: currentStart))
                pendingBreak = false
            }
            current = []
        }

        var lineNo = 0
        // Lines are cut on the byte 0x0A: Swift's Characters would keep "\r\n" as one and never split a file
        // saved with Windows line ends.
        for rawLine in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNo += 1
            var bytes = rawLine[...]
            if bytes.last == 0x0D { bytes = bytes.dropLast() }
            let line: Substring
            if bytes.contains(0x0C) {
                pageBreak = true
                line = Substring(String(decoding: bytes.filter { $0 != 0x0C }, as: UTF8.self))
            } else {
                // LF and CR end a scalar, so the slice is whole scalars: a view, no copy.
                line = Substring(bytes)
            }
            let clean = collapse(line)
            if clean.isEmpty {
                if line.isEmpty { emptyRun += 1; if emptyRun >= 2 { pageBreak = true } } else { emptyRun = 0 }
                close()
                continue
            }
            if current.isEmpty {
                if pageBreak { pendingBreak = true }
                currentStart = lineNo
            }
            emptyRun = 0
            pageBreak = false
            current.append(clean)
        }
        close()
        return blocks
    }

    /// Trims a line and turns inner runs of white space into one space.
    static func collapse(_ s: Substring) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var space = false
        for ch in s {
            // Most characters are ASCII: their test needs no Unicode property lookup.
            let white: Bool
            if let b = ch.utf8.first, b < 0x80 { white = b == 0x20 || (b >= 0x09 && b <= 0x0D) } else { white = ch.isWhitespace }
            if white {
                space = !out.isEmpty
            } else {
                if space { out.append(" "); space = false }
                out.append(ch)
            }
        }
        return out
    }

    /// A line made only of URLs (`https://…`, `www.…`), as pdftotext lists a page's links.
    static func isURLOnly(_ line: String) -> Bool {
        let words = line.split(separator: " ")
        return !words.isEmpty && words.allSatisfy { w in
            let l = w.lowercased()
            return l.hasPrefix("http://") || l.hasPrefix("https://") || l.hasPrefix("www.")
        }
    }

    /// Joins a cell's lines into one paragraph: a space between lines, none after a hyphen that ends a line
    /// right after a letter ("pro-" + "sąsiedzkie" → "pro-sąsiedzkie", as these documents hyphenate compounds,
    /// not syllables).
    static func join(_ lines: [String]) -> String {
        var out = ""
        for l in lines where !l.isEmpty {
            if out.isEmpty { out = l; continue }
            let chars = Array(out.suffix(2))
            if chars.count == 2, chars[1] == "-", chars[0].isLetter, l.first?.isLetter == true {
                out += l
            } else {
                out += " " + l
            }
        }
        return out
    }
}
