namespace DiagBot.Diagnostics.Evidence;

public enum GapReason
{
    AccessDenied,
    Throttled,
    TimedOut,
    NotFound,
    ServiceError,
    Unreachable,
    InvalidRequest,
    BudgetExhausted,
}

public static class GapReasonExtensions
{
    public static string ToWire(this GapReason reason) => reason switch
    {
        GapReason.AccessDenied => "access_denied",
        GapReason.Throttled => "throttled",
        GapReason.TimedOut => "timed_out",
        GapReason.NotFound => "not_found",
        GapReason.ServiceError => "service_error",
        GapReason.Unreachable => "unreachable",
        GapReason.InvalidRequest => "invalid_request",
        GapReason.BudgetExhausted => "budget_exhausted",
        _ => reason.ToString(),
    };
}
