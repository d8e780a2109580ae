namespace DiagBot.Diagnostics.Evidence;

/// <summary>
/// The answer of an evidence source a session does not offer (the No*Evidence stand-ins): a gap, so a diagnosis
/// without that source says what it could not read.
/// </summary>
internal static class NotProvided
{
    public static Task<EvidenceResult<T>> Gap<T>(string source, string operation)
        where T : class =>
        Task.FromResult(EvidenceResult<T>.Missing(new EvidenceGap(source, operation, GapReason.InvalidRequest, "this evidence source does not provide it")));
}
