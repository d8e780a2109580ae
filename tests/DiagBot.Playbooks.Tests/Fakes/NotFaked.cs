using DiagBot.Diagnostics.Evidence;

namespace DiagBot.Playbooks.Tests.Fakes;

/// <summary>What a fake answers for an operation its scenario does not use: a gap, as a source that cannot read it would.</summary>
internal static class NotFaked
{
    public static Task<EvidenceResult<T>> Gap<T>(string source, string operation)
        where T : class =>
        Task.FromResult(EvidenceResult<T>.Missing(new EvidenceGap(source, operation, GapReason.InvalidRequest, "this fake does not provide it")));
}
