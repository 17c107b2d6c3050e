import Foundation

/// Inline SVG charts: static markup, no scripts, sized for the text width of an A4 page (680 px at 96 dpi), with
/// every label escaped. Labels that would not fit are left out (the table beside each chart has every number).
enum SVGChart {
    static let width = 680.0

    /// 14 colours: the 8 of Okabe–Ito (distinguishable with the common colour-vision deficiencies), then 6 of Paul
    /// Tol's muted and bright schemes that differ from those 8 in hue or lightness (wine, sand, indigo, olive,
    /// brown, teal), so a taxonomy of up to 14 themes has no two themes in one colour. The first 8 stay first: a
    /// report of 8 or fewer themes is drawn as before.
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#7F7F7F", "#000000",
                          "#882255", "#DDCC77", "#332288", "#999933", "#661100", "#44AA99"]

    static func color(_ i: Int) -> String { palette[i % palette.count] }

    static func stanceColor(_ code: String) -> String {
        switch code {
        case "accepted": return "#009E73"
        case "already_done": return "#0072B2"
        case "budget_dependent": return "#E69F00"
        case "referred": return "#56B4E9"
        case "rejected": return "#D55E00"
        case Stance.none: return "#D9D9D9"
        default: return "#CC79A7"
        }
    }

    /// Black or white text, whichever contrasts more with `hex` (WCAG relative luminance).
    static func textColor(on hex: String) -> String {
        let v = Array(hex.utf8.dropFirst())
        guard v.count == 6 else { return "#000000" }
        func h(_ i: Int) -> Double {
            func d(_ c: UInt8) -> Int { c <= 57 ? Int(c) - 48 : (Int(c) | 0x20) - 87 }
            let x = Double(d(v[i]) * 16 + d(v[i + 1])) / 255
            return x <= 0.03928 ? x / 12.92 : pow((x + 0.055) / 1.055, 2.4)
        }
        let l = 0.2126 * h(0) + 0.7152 * h(2) + 0.0722 * h(4)
        return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? "#FFFFFF" : "#000000"
    }

    /// Estimated width of `s` at `size` px in a sans-serif face: enough to decide whether a label fits.
    static func textWidth(_ s: String, size: Double) -> Double { Double(s.count) * size * 0.6 }

    /// A coordinate with at most one decimal, written the same way on every platform.
    static func n(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded(.toNearestOrAwayFromZero))
        let sign = tenths < 0 ? "-" : ""
        let m = tenths.magnitude
        return m % 10 == 0 ? sign + String(m / 10) : sign + String(m / 10) + "." + String(m % 10)
    }

    /// A "nice" tick step (1, 2 or 5 × 10^k) giving at most `maxTicks` intervals up to `maxValue`.
    static func tickStep(_ maxValue: Int, maxTicks: Int = 5) -> Int {
        var step = 1
        while true {
            for m in [1, 2, 5] where (maxValue + step * m - 1) / (step * m) <= maxTicks { return step * m }
            step *= 10
        }
    }

    struct Series { var label: String; var color: String; var values: [Int] }

    /// Grouped vertical bars: one group per category (year), one bar per series (theme).
    static func groupedBars(categories: [String], series: [Series], axisLabel: String, title: String,
                            format: NumberFormat) -> String {
        let left = 46.0, right = 8.0, top = 24.0, bottom = 26.0, height = 260.0
        let plotW = width - left - right, plotH = height - top - bottom
        let maxValue = max(1, series.flatMap(\.values).max() ?? 1)
        let step = tickStep(maxValue)
        let axisMax = Double(((maxValue + step - 1) / step) * step)
        var s = svgOpen(height: height, title: title)
        var tick = 0
        while Double(tick) <= axisMax {
            let y = top + plotH - Double(tick) / axisMax * plotH
            s += "<line x1=\"\(n(left))\" y1=\"\(n(y))\" x2=\"\(n(width - right))\" y2=\"\(n(y))\" stroke=\"\(tick == 0 ? "#555555" : "#DDDDDD")\" stroke-width=\"1\"/>"
            s += "<text x=\"\(n(left - 5))\" y=\"\(n(y + 3.5))\" text-anchor=\"end\" font-size=\"10\" fill=\"#333333\">\(Escape.html(format.integer(tick)))</text>"
            tick += step
        }
        s += "<text x=\"4\" y=\"11\" font-size=\"10\" fill=\"#333333\">\(Escape.html(axisLabel))</text>"
        let groups = max(1, categories.count)
        let groupW = plotW / Double(groups)
        let barW = min(26, groupW * 0.84 / Double(max(1, series.count)))
        let groupPad = (groupW - barW * Double(series.count)) / 2
        for (ci, cat) in categories.enumerated() {
            let gx = left + groupW * Double(ci)
            // The last label drawn in this group (its right edge and baseline): a label that would overlap it is
            // left out (narrow bars of similar height put their labels side by side).
            var lastLabel: (right: Double, y: Double)?
            for (si, ser) in series.enumerated() {
                let v = ci < ser.values.count ? ser.values[ci] : 0
                let h = Double(v) / axisMax * plotH
                let x = gx + groupPad + barW * Double(si)
                let y = top + plotH - h
                s += "<rect x=\"\(n(x + 0.5))\" y=\"\(n(y))\" width=\"\(n(max(1, barW - 1)))\" height=\"\(n(h))\" fill=\"\(ser.color)\">"
                s += "<title>\(Escape.html(ser.label)), \(Escape.html(cat)): \(Escape.html(format.integer(v)))</title></rect>"
                let label = format.integer(v)
                // digits are wider than the estimate's average (0.64 em in DejaVu Sans): the clash test uses that
                let half = Double(label.count) * 9 * 0.64 / 2, cx = x + barW / 2
                let clashes = lastLabel.map { cx - half < $0.right && abs((y - 3) - $0.y) < 9 } ?? false
                if v > 0 && textWidth(label, size: 9) <= barW + 2 && !clashes {
                    lastLabel = (cx + half, y - 3)
                    s += "<text x=\"\(n(x + barW / 2))\" y=\"\(n(y - 3))\" text-anchor=\"middle\" font-size=\"9\" fill=\"#222222\">\(Escape.html(label))</text>"
                }
            }
            s += "<text x=\"\(n(gx + groupW / 2))\" y=\"\(n(height - 8))\" text-anchor=\"middle\" font-size=\"11\" fill=\"#222222\">\(Escape.html(cat))</text>"
        }
        return s + "</svg>"
    }

    /// 100% stacked horizontal bars: one bar per row (theme or year), one segment per stance, with the count in
    /// the segment when it fits and the row total at the right.
    static func stackedShares(rows: [String], segments: [(label: String, color: String)], counts: [[Int]],
                              title: String, format: NumberFormat) -> String {
        let labelW = min(210, max(60, (rows.map { textWidth($0, size: 11) }.max() ?? 60) + 10))
        let right = 64.0, barH = 20.0, gap = 8.0, top = 6.0
        let height = top + Double(rows.count) * (barH + gap) + 4
        let plotW = width - labelW - right
        var s = svgOpen(height: height, title: title)
        for (ri, row) in rows.enumerated() {
            let y = top + Double(ri) * (barH + gap)
            let total = counts[ri].reduce(0, +)
            let fits = textWidth(row, size: 11) <= labelW - 8
            let shownLabel = fits ? row : String(row.prefix(max(1, Int((labelW - 8) / (11 * 0.6)) - 1))) + "…"
            s += "<text x=\"\(n(labelW - 6))\" y=\"\(n(y + barH / 2 + 4))\" text-anchor=\"end\" font-size=\"11\" fill=\"#222222\">\(Escape.html(shownLabel))<title>\(Escape.html(row))</title></text>"
            var x = labelW
            if total == 0 {
                s += "<rect x=\"\(n(labelW))\" y=\"\(n(y))\" width=\"\(n(plotW))\" height=\"\(n(barH))\" fill=\"none\" stroke=\"#BBBBBB\"/>"
            }
            for (si, seg) in segments.enumerated() where total > 0 {
                let v = counts[ri][si]
                guard v > 0 else { continue }
                let w = Double(v) / Double(total) * plotW
                s += "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(w))\" height=\"\(n(barH))\" fill=\"\(seg.color)\" stroke=\"#FFFFFF\" stroke-width=\"0.5\">"
                s += "<title>\(Escape.html(row)), \(Escape.html(seg.label)): \(Escape.html(format.integer(v)))</title></rect>"
                let label = format.integer(v)
                if textWidth(label, size: 10) + 4 <= w {
                    s += "<text x=\"\(n(x + w / 2))\" y=\"\(n(y + barH / 2 + 3.5))\" text-anchor=\"middle\" font-size=\"10\" fill=\"\(textColor(on: seg.color))\">\(Escape.html(label))</text>"
                }
                x += w
            }
            s += "<text x=\"\(n(width - right + 6))\" y=\"\(n(y + barH / 2 + 4))\" font-size=\"10\" fill=\"#444444\">n = \(Escape.html(format.integer(total)))</text>"
        }
        return s + "</svg>"
    }

    static func svgOpen(height: Double, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\" aria-label=\"\(Escape.html(title))\" font-family=\"DejaVu Sans, Liberation Sans, Arial, sans-serif\"><title>\(Escape.html(title))</title>"
    }

    /// A small colour swatch for legends (SVG, so it prints even when backgrounds are off).
    static func swatch(_ color: String) -> String {
        "<svg class=\"sw\" width=\"12\" height=\"12\" viewBox=\"0 0 12 12\" aria-hidden=\"true\"><rect width=\"12\" height=\"12\" fill=\"\(color)\"/></svg>"
    }
}
