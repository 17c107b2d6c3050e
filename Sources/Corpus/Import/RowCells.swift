/// One table row as blocks of text, before it is split into cells.
struct RawRow {
    var number: Int
    /// What follows the number on its line (the start of the organisation's name, or nothing).
    var rest: String
    var blocks: [TextBlock]
    var line: Int { blocks.first?.lineNumber ?? 0 }
}

struct RowCells {
    var organisation: [String]
    /// postulate, [justification,] response — each a list of lines.
    var content: [[String]]
    var note: String?
}

extension MeetingRowProblem: Error {}

extension RawRow {
    /// Assigns the row's blocks to the columns (see `MeetingImporter`).
    func cells(columns: Int, widths: [Int]?, allowRepair: Bool) throws -> RowCells {
        func problem(_ m: String) -> MeetingRowProblem { MeetingRowProblem(row: number, line: line, message: m) }
        var rest = blocks
        var organisation = (self.rest.isEmpty ? [] : [self.rest]) + rest.removeFirst().lines.dropFirst()
        if organisation.isEmpty {
            guard !rest.isEmpty else { throw problem(tr("wiersz bez treści", "a row without content")) }
            organisation = rest.removeFirst().lines
        }
        var content: [(lines: [String], afterBreak: Bool)] = rest.map { ($0.lines, $0.afterPageBreak) }

        // Strong evidence first (the next page starts mid-sentence), then only as many as needed.
        content = mergeContinuations(content, columns: columns)
        if content.count > columns {
            let blocks = counted(content.count, pl: ("blok", "bloki", "bloków"), en: ("block", "blocks"))
            let cols = counted(columns + 1, pl: ("kolumnę", "kolumny", "kolumn"), en: ("column", "columns"))
            throw problem(tr("\(blocks) tekstu na \(cols) — nie da się jednoznacznie rozdzielić komórek",
                             "\(blocks) of text for \(cols): the cells cannot be told apart"))
        }
        var note: String?
        if content.count == columns - 1 && allowRepair {
            if let split = splitWideLine(content.map(\.lines), widths: widths) {
                content = split.map { ($0, false) }
            } else if columns == 3 && content.count == 2 {
                content.insert(([], false), at: 1)
                note = tr("brak uzasadnienia (komórka pusta lub nierozpoznana) — sprawdź w dokumencie",
                          "no justification (the cell is empty or was not recognised): check the document")
            }
        }
        if content.count != columns {
            let cells = counted(columns, pl: ("komórki", "komórek", "komórek"), en: ("content cell", "content cells"))
            throw problem(tr("\(content.count) z \(cells) treści (postulat, uzasadnienie, stanowisko) — wiersz niekompletny lub nierozpoznany",
                             "\(content.count) of \(cells) (postulate, justification, position): the row is incomplete or not recognised"))
        }
        return RowCells(organisation: organisation, content: content.map(\.lines), note: note)
    }

    func startsLowercase(_ lines: [String]) -> Bool { lines.first?.first?.isLowercase == true }

    static func endsSentence(_ lines: [String]) -> Bool {
        guard let c = lines.last?.last else { return true }
        return ".!?:;)”\"»".contains(c)
    }

    /// Glues page-continued blocks back onto their cells: first those that start mid-sentence (lower case),
    /// then, while there are more blocks than columns, those after a cell left mid-sentence, then any after a
    /// page break.
    func mergeContinuations(_ blocks: [(lines: [String], afterBreak: Bool)], columns: Int) -> [(lines: [String], afterBreak: Bool)] {
        var content = blocks
        let passes: [((lines: [String], afterBreak: Bool), [String]) -> Bool] = [
            { b, _ in self.startsLowercase(b.lines) },
            { _, prev in !RawRow.endsSentence(prev) },
            { _, _ in true },
        ]
        for (k, pass) in passes.enumerated() {
            if k > 0 && content.count <= columns { break }
            var out: [(lines: [String], afterBreak: Bool)] = []
            var surplus = content.count - columns
            for b in content {
                if b.afterBreak, let prev = out.last, pass(b, prev.lines), k == 0 || surplus > 0 {
                    out[out.count - 1].lines += b.lines
                    surplus -= 1
                } else {
                    out.append(b)
                }
            }
            content = out
        }
        return content
    }

    /// pdftotext puts two neighbouring cells' first lines on one line when they share a baseline
    /// ("Brak takiej przestrzeni dla NGO’s. Postulat możliwy do realizacji wyłącznie poprzez"). Such a line is
    /// far wider than the other lines of its block; it is split at a sentence boundary where the right part
    /// fits the block's width (and the left part the column width seen in other rows).
    func splitWideLine(_ cells: [[String]], widths: [Int]?) -> [[String]]? {
        for idx in stride(from: cells.count - 1, through: 0, by: -1) {
            let lines = cells[idx]
            guard lines.count >= 3 else { continue }
            let first = lines[0]
            let others = lines.dropFirst().map(\.count).max() ?? 0
            guard first.count >= others + 8 else { continue }
            let chars = Array(first)
            var best: (String, String)?
            for i in 1..<(chars.count - 1) where chars[i] == " " {
                guard ".!?;:)”\"".contains(chars[i - 1]) else { continue }
                let next = chars[i + 1]
                guard next.isUppercase || next.isNumber || next == "„" || next == "(" || next == "\"" else { continue }
                let left = String(chars[..<i]), right = String(chars[(i + 1)...])
                guard right.count <= others + 5 else { continue }
                if let w = widths, idx < w.count, w[idx] > 0, left.count > w[idx] + 5 { continue }
                if best == nil { best = (left, right) }
            }
            if let (l, r) = best {
                var out = cells
                out[idx] = [r] + lines.dropFirst()
                out.insert([l], at: idx)
                return out
            }
        }
        return nil
    }
}
