using DiagBot.Diagnostics.Ecs;

namespace DiagBot.Diagnostics.Evidence;

/// <summary>
/// The evidence one diagnosis may read. Every source behind it shares one cache and one time budget,
/// so two playbooks asking for the same task definition cost one call.
/// </summary>
public interface IEvidenceSource
{
    IEcsEvidence Ecs { get; }
}
