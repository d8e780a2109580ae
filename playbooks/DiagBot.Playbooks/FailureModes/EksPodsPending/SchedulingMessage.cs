using System.Globalization;
using System.Text.RegularExpressions;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// The scheduler's FailedScheduling message, e.g. "0/4 nodes are available: 1 node(s) had untolerated taint
/// {dedicated: batch}, 3 Insufficient memory. preemption: ...", read as counted reasons.
/// </summary>
internal sealed partial record SchedulingMessage(int AvailableNodes, int TotalNodes, IReadOnlyList<(int Nodes, string Reason)> Reasons)
{
    public const string InsufficientResources = "insufficient-resources";
    public const string UntoleratedTaint = "untolerated-taint";
    public const string NodeAffinity = "node-affinity";
    public const string NoNodes = "no-nodes";
    public const string Volume = "volume";
    public const string Other = "other";

    public static SchedulingMessage? Parse(string? message)
    {
        if (message is null)
        {
            return null;
        }

        if (message.Contains("no nodes available to schedule pods", StringComparison.OrdinalIgnoreCase))
        {
            return new SchedulingMessage(0, 0, [(0, "no nodes available to schedule pods")]);
        }

        var header = Header().Match(message);
        if (!header.Success)
        {
            return null;
        }

        // The preemption sentence repeats the counts for another purpose; only the first sentence is the cause.
        var body = message[(header.Index + header.Length)..].Split(" preemption:", 2)[0].TrimEnd('.', ' ');
        var reasons = CountedReason().Matches(body)
            .Select(m => (int.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture), m.Groups["reason"].Value.Trim()))
            .ToList();
        return new SchedulingMessage(Int(header, "available"), Int(header, "total"), reasons);
    }

    /// <summary>The reason that blocks the most nodes, as a stable sub-cause.</summary>
    public string MainSubCause => Reasons.Count == 0 ? Other : Classify(Reasons.MaxBy(r => r.Nodes).Reason);

    public static string Classify(string reason) => reason.ToLowerInvariant() switch
    {
        var r when r.StartsWith("insufficient", StringComparison.Ordinal) || r.Contains("too many pods", StringComparison.Ordinal) => InsufficientResources,
        var r when r.Contains("taint", StringComparison.Ordinal) => UntoleratedTaint,
        var r when r.Contains("affinity", StringComparison.Ordinal) || r.Contains("selector", StringComparison.Ordinal) => NodeAffinity,
        var r when r.Contains("no nodes available", StringComparison.Ordinal) => NoNodes,
        var r when r.Contains("volume", StringComparison.Ordinal) || r.Contains("persistentvolumeclaim", StringComparison.Ordinal) => Volume,
        _ => Other,
    };

    private static int Int(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<available>\d+)/(?<total>\d+) nodes are available:")]
    private static partial Regex Header();

    [GeneratedRegex(@"(?<count>\d+) (?<reason>[^,]+)")]
    private static partial Regex CountedReason();
}
