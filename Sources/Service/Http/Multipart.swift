import Corpus
/// A `multipart/form-data` body (what the `/tag` form sends), split into its parts: name, file name, bytes.
/// Only what a browser sends for a form of plain fields and files; anything else is a 400.
struct MultipartForm {
    struct Part {
        var name: String
        var fileName: String?
        var contentType: String?
        var bytes: ArraySlice<UInt8>
    }

    var parts: [Part] = []

    /// The boundary of a `multipart/form-data; boundary=…` content type, or nil.
    static func boundary(contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for piece in contentType.split(separator: ";") {
            let p = piece.trimmingCharacters(in: .whitespaces)
            if p.lowercased().hasPrefix("boundary=") {
                var b = String(p.dropFirst("boundary=".count))
                if b.hasPrefix("\""), b.hasSuffix("\""), b.count >= 2 { b = String(b.dropFirst().dropLast()) }
                return b.isEmpty || b.count > 200 ? nil : b
            }
        }
        return nil
    }

    init(_ body: [UInt8], boundary: String) throws {
        let delimiter = Array(("--" + boundary).utf8)
        let bad = ServiceError(.badRequest, tr("formularz (multipart/form-data) jest uszkodzony", "the form (multipart/form-data) is damaged"))
        guard var at = Self.find(delimiter, in: body, from: 0) else { throw bad }
        while true {
            at += delimiter.count
            if body.count >= at + 2 && body[at] == 0x2D && body[at + 1] == 0x2D { return }  // "--": the end
            guard body.count >= at + 2, body[at] == 0x0D, body[at + 1] == 0x0A else { throw bad }
            at += 2
            guard let headerEnd = Self.find([0x0D, 0x0A, 0x0D, 0x0A], in: body, from: at) else { throw bad }
            let headers = String(decoding: body[at..<headerEnd], as: UTF8.self)
            let contentStart = headerEnd + 4
            guard let next = Self.find([0x0D, 0x0A] + delimiter, in: body, from: contentStart) else { throw bad }
            var part = Part(name: "", fileName: nil, contentType: nil, bytes: body[contentStart..<next])
            for line in headers.split(separator: "\r\n") {
                let lower = line.lowercased()
                if lower.hasPrefix("content-disposition:") {
                    part.name = Self.parameter("name", in: String(line)) ?? ""
                    part.fileName = Self.parameter("filename", in: String(line))
                } else if lower.hasPrefix("content-type:") {
                    part.contentType = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
                }
            }
            parts.append(part)
            at = next + 2
        }
    }

    func part(_ name: String) -> Part? { parts.first { $0.name == name } }

    /// `name="value"` in a Content-Disposition line.
    static func parameter(_ name: String, in line: String) -> String? {
        for piece in line.split(separator: ";") {
            let p = piece.trimmingCharacters(in: .whitespaces)
            guard p.hasPrefix(name + "=") else { continue }
            var v = String(p.dropFirst(name.count + 1))
            if v.hasPrefix("\""), v.hasSuffix("\""), v.count >= 2 { v = String(v.dropFirst().dropLast()) }
            return v
        }
        return nil
    }

    static func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, hay.count >= needle.count else { return nil }
        var i = from
        let last = hay.count - needle.count
        let first = needle[0]
        while i <= last {
            if hay[i] == first {
                var j = 1
                while j < needle.count && hay[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}

import Foundation
