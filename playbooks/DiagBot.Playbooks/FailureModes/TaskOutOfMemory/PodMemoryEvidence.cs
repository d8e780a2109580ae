using System.Globalization;
using System.Text.RegularExpressions;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>What a pod's Container Insights memory adds to an OOMKilled container: the facts, the chart against its limit, and how to turn it on.</summary>
internal static partial class PodMemoryEvidence
{
    public static IEnumerable<EvidenceItem> Facts(TaskMemory memory, KubePod pod, string eksCluster, double? limitMiB)
    {
        if (!memory.HasContainerInsights)
        {
            yield return new EvidenceItem(TaskMemoryMetrics.Source, $"Container Insights memory for pod {pod.Namespace}/{pod.Name}",
                $"none: Container Insights is not collecting from EKS cluster {eksCluster}, so there is no per-pod memory");
            yield break;
        }

        var limit = memory.ReservedMiB ?? limitMiB;
        yield return new EvidenceItem(TaskMemoryMetrics.Source, $"pod {pod.Namespace}/{pod.Name} memory peak (Container Insights pod_memory_working_set)",
            $"{Mib(memory.UsedMiB.Max(p => p.Value))} MiB of {(limit is { } l ? Mib(l) + " MiB" : "an unknown limit")}");
        if (memory.PeakShareBeforeStop(limit) is { } share)
        {
            yield return new EvidenceItem(TaskMemoryMetrics.Source, "memory in the 5 minutes before the kill, share of the limit",
                $"{(share * 100).ToString("0", CultureInfo.InvariantCulture)} %");
        }
    }

    /// <summary>
    /// The CloudWatch Observability add-on installs the agent that publishes Container Insights on EKS (CloudWatch User
    /// Guide, "Quick start with the Amazon CloudWatch Observability EKS add-on").
    /// </summary>
    public static string TurnOnContainerInsights(string eksCluster, string? region) =>
        "Install Container Insights so the next kill shows the pod's memory: "
        + $"`aws eks create-addon {(region is null ? string.Empty : $"--region {region} ")}--cluster-name {eksCluster} "
        + "--addon-name amazon-cloudwatch-observability` "
        + "(its agent needs CloudWatchAgentServerPolicy).";

    public static IReadOnlyList<Chart> Charts(TaskMemory memory, KubePod pod, string container, double? limitMiB)
    {
        if (!memory.HasContainerInsights)
        {
            return [];
        }

        var limit = memory.ReservedMiB ?? limitMiB;
        var killedAt = memory.StoppedAt.ToUniversalTime().ToString("HH:mm", CultureInfo.InvariantCulture);
        var atLimit = memory.PeakShareBeforeStop(limit) >= TaskMemory.AtLimitShare;
        var title = atLimit && limit is { } l
            ? $"Pod {pod.Name} memory reached its {Mib(l)} MiB limit before {container} was OOMKilled at {killedAt} UTC"
            : $"Pod {pod.Name} memory before {container} was killed at {killedAt} UTC";
        return
        [
            new Chart(TaskMemoryEvidence.ChartKind, title, "MiB",
                [new ChartSeries("pod memory working set", [.. memory.UsedMiB.Select(p => new ChartPoint(p.At, Math.Round(p.Value, 1)))])],
                [new ChartMarker(memory.StoppedAt, $"killed: OOMKilled, exit {ExitCodes.SigKill}")],
                limit is { } threshold ? [new ChartThreshold(threshold, $"limit {Mib(threshold)} MiB")] : []),
        ];
    }

    /// <summary>A Kubernetes memory quantity ("256Mi", "1Gi", "512M", "268435456") in MiB; null when it is not one.</summary>
    public static double? MiB(string? quantity)
    {
        var match = quantity is null ? null : Quantity().Match(quantity);
        if (match is not { Success: true } || !double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }

        var bytes = amount * match.Groups[2].Value switch
        {
            "Ki" => 1024d, "Mi" => 1024d * 1024, "Gi" => 1024d * 1024 * 1024, "K" or "k" => 1e3, "M" => 1e6, "G" => 1e9, _ => 1d,
        };
        return bytes / PodMemoryMetrics.BytesPerMiB;
    }

    private static string Mib(double value) => value.ToString("0", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)(Ki|Mi|Gi|K|k|M|G)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Quantity();
}
