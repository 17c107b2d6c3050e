/// The stance of the city's answer to a postulate (`response_stance`), the closed set of issue 3.
public enum ResponseStance: String, Sendable, CaseIterable {
    case accepted
    case alreadyDone = "already_done"
    case budgetDependent = "budget_dependent"
    case referred
    case rejected

    /// How a clerk says it.
    public var labelPL: String {
        switch self {
        case .accepted: return "przyjęty"
        case .alreadyDone: return "już realizowany"
        case .budgetDependent: return "zależny od budżetu"
        case .referred: return "przekazany dalej"
        case .rejected: return "odrzucony"
        }
    }

    /// The same in English.
    public var labelEN: String {
        switch self {
        case .accepted: return "accepted"
        case .alreadyDone: return "already done"
        case .budgetDependent: return "depends on the budget"
        case .referred: return "referred elsewhere"
        case .rejected: return "rejected"
        }
    }
}
