using DiagBot.Diagnostics.Evidence;
using Microsoft.Extensions.Logging;

namespace DiagBot.Diagnostics.Aws.Resilience;

/// <summary>What operators see of evidence calls: one line per call that did not yield evidence.</summary>
internal static partial class CallLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Evidence call {Source}:{Operation} in {Target} failed: {Reason} {Detail}")]
    public static partial void CallFailed(ILogger logger, string source, string operation, string target, string reason, string detail);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Evidence call {Source}:{Operation} in {Target}: {Outcome}")]
    public static partial void CallEnded(ILogger logger, string source, string operation, string target, string outcome);

    public static void Record(ILogger logger, string target, IEvidenceOutcome outcome, string source, string operation)
    {
        if (outcome.Gap is { Reason: not GapReason.NotFound } gap)
        {
            CallFailed(logger, source, operation, target, gap.Reason.ToWire(), gap.Detail);
        }
        else
        {
            CallEnded(logger, source, operation, target, outcome.Gap is null ? "found" : "not_found");
        }
    }
}
