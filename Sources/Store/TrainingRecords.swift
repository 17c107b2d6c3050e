import Corpus

/// The staff's labels for training (`postulaty train --store`).
public struct TrainingRecords: Sendable {
    public var records: [Postulate]
    /// Corpus records whose themes a review replaced.
    public var replaced: Int
    /// Reviewed postulates of the store that the corpus lacks (e.g. the year's real submissions).
    public var added: Int
}

extension ReviewStore {
    /// The corpus with the staff's reviews applied: each corpus record replaced by its reviewed version (themes,
    /// response, stance) when its themes were reviewed, then the store's postulates with reviewed themes that the
    /// corpus lacks, in the order added. Postulates added but not reviewed are left out: their empty themes are no
    /// label. Reviewed additions are marked `"reviewed_real": true` so an evaluation can tell them from authored ones.
    public func trainingRecords(corpus: [Postulate]) throws(StoreError) -> TrainingRecords {
        let stored = try all()
        var reviewed: [String: Postulate] = [:]
        var order: [String] = []
        for s in stored where s.review?.themes != nil {
            reviewed[s.record.id] = s.reviewed
            order.append(s.record.id)
        }
        var out: [Postulate] = []
        var replaced = 0
        var inCorpus = Set<String>()
        for p in corpus {
            inCorpus.insert(p.id)
            if let r = reviewed[p.id] { out.append(r); replaced += 1 } else { out.append(p) }
        }
        var added = 0
        for id in order where !inCorpus.contains(id) {
            guard var r = reviewed[id] else { continue }
            r.extra.append(("reviewed_real", .bool(true)))
            out.append(r)
            added += 1
        }
        return TrainingRecords(records: out, replaced: replaced, added: added)
    }
}
