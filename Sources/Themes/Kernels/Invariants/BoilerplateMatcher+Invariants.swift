extension BoilerplateScalars {
    /// Checks the scalar table: a scalar is classified exactly when it is known; folding is idempotent and stays
    /// among known scalars; a scalar and its folded form are in the same classes (case changes no class); the
    /// scalars from U+2010 up, answered without the table, are in no class and fold to themselves.
    static func checkInvariants() throws {
        for v in UInt32(0)..<0x2200 {
            guard let s = Unicode.Scalar(v) else { continue }
            let c = classify(v)
            try expect((c != nil) == known(v), "BoilerplateScalars: U+\(String(v, radix: 16)) classified \(c != nil), known \(known(v))")
            guard let (folded, flags) = c else { continue }
            try expect(folded == fold(s), "BoilerplateScalars: U+\(String(v, radix: 16)) folds to \(folded), not \(fold(s))")
            try expect(flags == classes(s), "BoilerplateScalars: U+\(String(v, radix: 16)) classes \(flags), not \(classes(s))")
            guard let again = classify(folded) else {
                throw InvariantViolation(description: "BoilerplateScalars: U+\(String(v, radix: 16)) folds to an unknown scalar")
            }
            try expect(again.0 == folded && again.1 == flags,
                       "BoilerplateScalars: U+\(String(v, radix: 16)) and its folded form differ in fold or classes")
            if v >= 0x180 { try expect(folded == v && flags == 0, "BoilerplateScalars: U+\(String(v, radix: 16)) folds or has a class") }
        }
    }
}

extension BoilerplatePattern {
    /// Checks the tree: literals non-empty, every compared scalar known and its own folded form (so text matches
    /// it only through folding, in either case), loops with `min ≤ max`; every guard is the first-scalar filter of
    /// the node it guards (which cannot match empty), on every known scalar below U+0180 and its classes; so is the
    /// pattern's own.
    func checkInvariants() throws {
        func sameFilter(_ a: BoilerplateFirst, _ node: BoilerplateNode) throws {
            let f = Self.firstOf(node)
            guard let b = f.first, !f.nullable else {
                throw InvariantViolation(description: "BoilerplatePattern: a guard on a node that may match empty")
            }
            for v in UInt32(0)..<0x180 {
                guard let (folded, flags) = BoilerplateScalars.classify(v) else { continue }
                try expect(a.admits(folded, flags) == b.admits(folded, flags),
                           "BoilerplatePattern: a guard differs from its node's first scalars at U+\(String(v, radix: 16))")
            }
        }
        func walk(_ n: BoilerplateNode) throws {
            switch n {
            case .literal(let s):
                try expect(!s.isEmpty, "BoilerplatePattern: an empty literal")
                for v in s { try ownFold(v) }
            case .repeating(let c, let min, let max, _):
                try expect(min >= 0 && min <= max, "BoilerplatePattern: a loop \(min)…\(max)")
                if case .scalar(let v) = c { try ownFold(v) }
            case .sequence(let ns), .alternatives(let ns):
                try expect(!ns.isEmpty, "BoilerplatePattern: an empty sequence or alternation")
                for x in ns { try walk(x) }
            case .guarded(let f, let x):
                try sameFilter(f, x)
                try walk(x)
            case .optional(let x), .oneOrMore(let x): try walk(x)
            case .wordBoundary, .lineStart, .lineEnd, .digitAhead: break
            }
        }
        func ownFold(_ v: UInt32) throws {
            guard let (f, _) = BoilerplateScalars.classify(v) else {
                throw InvariantViolation(description: "BoilerplatePattern: U+\(String(v, radix: 16)) is not a known scalar")
            }
            try expect(f == v, "BoilerplatePattern: U+\(String(v, radix: 16)) is not lower case")
        }
        try walk(root)
        if let first { try sameFilter(first, root) }
        try expect(anchor == Self.anchor(root), "BoilerplatePattern: anchor \(anchor), the tree's \(Self.anchor(root))")
    }
}
