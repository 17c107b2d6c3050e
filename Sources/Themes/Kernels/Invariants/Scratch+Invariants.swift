extension TfidfVectorizer.Scratch {
    /// Checks: every buffer at least its initial size, the long keys' bytes within their buffer.
    func checkInvariants() throws {
        try expect(rawCapacity >= 64 && termCapacity >= 64 && outCapacity >= 64 && longCapacity >= 256,
                   "Scratch: capacities raw \(rawCapacity), terms \(termCapacity), out \(outCapacity), long \(longCapacity)")
        try expect(longCount >= 0 && longCount <= longCapacity, "Scratch: \(longCount) long key bytes in \(longCapacity)")
        try expect(raw != sorted, "Scratch: raw and sorted share a buffer")
    }
}

extension ThemeModel.Scratch {
    /// Checks: the vectoriser's scratch, and the evidence within its buffer.
    func checkInvariants() throws {
        try vector.checkInvariants()
        try expect(labelCapacity >= 16 && termCapacity >= 64, "ModelScratch: capacities labels \(labelCapacity), terms \(termCapacity)")
        try expect(evidenceCount >= 0 && evidenceCount <= evidenceCapacity,
                   "ModelScratch: \(evidenceCount) evidence entries in \(evidenceCapacity)")
    }
}
