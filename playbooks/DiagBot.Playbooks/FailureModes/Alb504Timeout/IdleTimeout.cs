using System.Globalization;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// An Application Load Balancer's idle timeout, the attribute idle_timeout.timeout_seconds (ELBv2 API reference,
/// LoadBalancerAttribute: 1-4000 seconds, 60 by default), as both halves of playbook 13 read and raise it.
/// </summary>
internal static class IdleTimeout
{
    public const string Key = "idle_timeout.timeout_seconds";
    public const int DefaultSeconds = 60;

    /// <summary>The timeout DescribeLoadBalancerAttributes returned, or null when it was not read.</summary>
    public static int? Of(IReadOnlyDictionary<string, string>? attributes) =>
        attributes?.TryGetValue(Key, out var text) == true && int.TryParse(text, CultureInfo.InvariantCulture, out var seconds) ? seconds : null;

    /// <summary>A timeout that lets the slowest request finish: the next half minute above it, and half a minute more.</summary>
    public static int Above(TimeSpan slowest) => ((int)Math.Ceiling(slowest.TotalSeconds / 30) * 30) + 30;
}
