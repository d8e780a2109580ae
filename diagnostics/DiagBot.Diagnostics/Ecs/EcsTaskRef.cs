using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using DiagBot.Diagnostics.Aws;

namespace DiagBot.Diagnostics.Ecs;

/// <summary>
/// A task as an engineer names it: a full ARN (which carries account, region and cluster) or a bare id
/// that has to be looked up in the configured clusters.
/// </summary>
public sealed partial record EcsTaskRef(string TaskId, string? Cluster, string? Region, string? AccountId, string? Arn)
{
    public bool IsBareId => Arn is null;

    /// <summary>Parses "arn:aws:ecs:region:account:task/cluster/id", the old "task/id" ARN form, or a bare id.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out EcsTaskRef? task)
    {
        task = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (Aws.Arn.TryParse(trimmed, out var arn))
        {
            if (arn.Service != "ecs" || !arn.Resource.StartsWith("task/", StringComparison.Ordinal))
            {
                return false;
            }

            var path = arn.Resource["task/".Length..].Split('/');
            var (cluster, id) = path.Length switch
            {
                1 => ((string?)null, path[0]),
                2 => (path[0], path[1]),
                _ => (null, string.Empty),
            };
            if (!TaskIdPattern().IsMatch(id) || arn.Region.Length == 0 || arn.AccountId.Length == 0)
            {
                return false;
            }

            task = new EcsTaskRef(id, cluster, arn.Region, arn.AccountId, arn.ToString());
            return true;
        }

        if (!TaskIdPattern().IsMatch(trimmed))
        {
            return false;
        }

        task = new EcsTaskRef(trimmed, null, null, null, null);
        return true;
    }

    // New-format ids are 32 hex characters; tasks from before the 2018 ARN change carry a UUID.
    [GeneratedRegex("^([0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$")]
    private static partial Regex TaskIdPattern();
}
