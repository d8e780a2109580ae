using System.Text.RegularExpressions;
using DiagBot.Diagnostics.Ecs;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>What playbook 11 knows about Spot: the stop codes, the wordings, and which capacity providers are Spot.</summary>
internal static partial class SpotCapacity
{
    public const string SpotInterruptionStopCode = "SpotInterruption";
    public const string TerminationNoticeStopCode = "TerminationNotice";
    public const string FargateSpot = "FARGATE_SPOT";
    public const string Fargate = "FARGATE";

    /// <summary>
    /// A Fargate Spot or EC2 Spot provider; an EC2 provider's purchase option is inferred from its name, since
    /// DiagBot does not read the provider's Auto Scaling group.
    /// </summary>
    public static bool IsSpot(string? capacityProvider) =>
        capacityProvider is not null
        && (capacityProvider == FargateSpot || capacityProvider.Contains("spot", StringComparison.OrdinalIgnoreCase));

    /// <summary>An item that guarantees tasks off Spot: a base on FARGATE or on an EC2 provider the evidence does not tie to Spot.</summary>
    public static bool IsOnDemandBase(EcsCapacityProviderStrategyItem item, string? interruptedProvider) =>
        item.Base > 0 && !IsSpot(item.CapacityProvider) && item.CapacityProvider != interruptedProvider;

    /// <summary>Why the task counts as Spot-interrupted, or null when it does not.</summary>
    public static string? InterruptionSign(EcsTask task)
    {
        if (task.StopCode == SpotInterruptionStopCode)
        {
            return $"stop code {SpotInterruptionStopCode}";
        }

        var reason = task.StoppedReason ?? string.Empty;
        if (SpotWording().IsMatch(reason))
        {
            return $"stopped reason \"{reason}\"";
        }

        if (!IsSpot(task.CapacityProviderName))
        {
            return null;
        }

        // Interruptions are often reported without the stop code: a notice or a drained host on Spot capacity is one too.
        return task.StopCode == TerminationNoticeStopCode || HostGoneWording().IsMatch(reason)
            ? $"{(task.StopCode == TerminationNoticeStopCode ? "stop code " + TerminationNoticeStopCode : $"stopped reason \"{reason}\"")} on Spot capacity provider {task.CapacityProviderName}"
            : null;
    }

    [GeneratedRegex(@"spot\b.{0,40}\b(interrupt|reclaim|terminat)|(interruption|termination) notice|instance-terminated-(by-price|no-capacity)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpotWording();

    [GeneratedRegex(@"host ec2 .{0,60}(stopped|terminated)|drain", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HostGoneWording();
}
