namespace DiagBot.Diagnostics.Evidence;

/// <summary>
/// The answer of an evidence source that does not offer an operation (a test fake written before it existed):
/// a gap, so adding an operation to an interface never breaks the sources that predate it.
/// </summary>
internal static class NotProvided
{
    public static Task<EvidenceResult<T>> Gap<T>(string source, string operation)
        where T : class =>
        Task.FromResult(EvidenceResult<T>.Missing(new EvidenceGap(source, operation, GapReason.InvalidRequest, "this evidence source does not provide it")));
}
