using DiagBot.Bot.Events;
using DiagBot.Diagnostics.Aws;

namespace DiagBot.Bot.Hosting;

/// <summary>
/// The accounts and regions this bot is configured for (`DiagBot:Aws:Region`, `DiagBot:Aws:Accounts:N:AccountId` and
/// `:Regions`), and their partition. An event or a chat subject naming anything else is refused before any signed
/// request is made: a subject must not send the bot's credentials to another partition's endpoints, and an event
/// from an account nobody configured is not ours. With no account listed, only the regions are checked.
/// </summary>
public sealed class ConfiguredScopes
{
    private readonly HashSet<(string? Account, string Region)> _pairs = [];

    internal ConfiguredScopes(IConfiguration configuration)
    {
        var section = configuration.GetSection("DiagBot:Aws");
        var defaultRegion = section["Region"] ?? Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION");
        foreach (var account in section.GetSection("Accounts").GetChildren())
        {
            var regions = account.GetSection("Regions").GetChildren().Select(r => r.Value).OfType<string>().ToList();
            foreach (var region in regions.Count > 0 ? regions : [defaultRegion ?? string.Empty])
            {
                if (account["AccountId"] is { } id && !string.IsNullOrWhiteSpace(region))
                {
                    _pairs.Add((id.Trim(), region.Trim()));
                }
            }
        }

        if (_pairs.Count == 0 && !string.IsNullOrWhiteSpace(defaultRegion))
        {
            _pairs.Add((null, defaultRegion.Trim()));
        }

        Partitions = [.. _pairs.Select(p => EcsEventReader.PartitionOf(p.Region)).Distinct(StringComparer.Ordinal)];
    }

    public IReadOnlyList<string> Partitions { get; }

    public bool Allows(string account, string region) => _pairs.Contains((account, region)) || _pairs.Contains((null, region));

    /// <summary>Null when the ARN names a configured partition, account and region; else what is wrong and what is configured.</summary>
    public string? RefusalOf(Arn arn)
    {
        if (!Partitions.Contains(arn.Partition, StringComparer.Ordinal))
        {
            return $"{arn} is in partition {arn.Partition}; this DiagBot reads only {string.Join(", ", Partitions)} ({Describe()}).";
        }

        // IAM and S3 ARNs name no region; the rest of the ARN must be a configured pair.
        var regionOk = arn.Region.Length == 0 || _pairs.Any(p => p.Region == arn.Region);
        var accountOk = arn.AccountId.Length == 0 || _pairs.Any(p => p.Account is null || p.Account == arn.AccountId);
        return regionOk && accountOk && (arn.Region.Length == 0 || arn.AccountId.Length == 0 || Allows(arn.AccountId, arn.Region))
            ? null
            : $"{arn} names account {Show(arn.AccountId)} in region {Show(arn.Region)}; this DiagBot is configured for {Describe()}.";
    }

    public string Describe() => _pairs.Count == 0
        ? "no account or region (set DiagBot:Aws:Region and DiagBot:Aws:Accounts)"
        : string.Join("; ", _pairs.GroupBy(p => p.Account).Select(g => $"{(g.Key is null ? "its own account" : "account " + g.Key)} in {string.Join(", ", g.Select(p => p.Region).Order(StringComparer.Ordinal))}"));

    private static string Show(string value) => value.Length == 0 ? "(none)" : value;
}
