using DiagBot.Diagnostics.Aws.Configuration;

namespace DiagBot.Diagnostics.Aws;

/// <summary>Where evidence may live, from DiagBot:Aws: the default target and the clusters a bare task id is searched in.</summary>
internal sealed class AwsLocations
{
    public AwsLocations(AwsOptions options)
    {
        var first = options.Accounts.FirstOrDefault();
        Default = new AwsTarget(first?.AccountId, options.Region ?? first?.Regions.FirstOrDefault() ?? string.Empty);
        Clusters = [.. options.Accounts.SelectMany(account =>
            (account.Regions.Count > 0 ? account.Regions : [options.Region!])
                .SelectMany(region => account.Clusters.Select(cluster => new ClusterLocation(new AwsTarget(account.AccountId, region), cluster))))];

        // The default first, as the scope that names nothing; then every other configured account and region.
        var others = options.Accounts
            .SelectMany(account => (account.Regions.Count > 0 ? account.Regions : [options.Region ?? string.Empty]).Select(region => new AwsTarget(account.AccountId, region)))
            .Where(target => target != Default && target.Region.Length > 0)
            .Distinct()
            .Select(target => new AwsScope(target.AccountId, target.Region));
        Scopes = [AwsScope.Default, .. others];
    }

    /// <summary>Every configured account and region, the default first: where a name without an ARN may be.</summary>
    public IReadOnlyList<AwsScope> Scopes { get; }

    /// <summary>For what names no account or region: the first account, in the default region.</summary>
    public AwsTarget Default { get; }

    public IReadOnlyList<ClusterLocation> Clusters { get; }

    /// <summary>An ARN names its own account and region; an account not configured is read with the base credentials.</summary>
    public AwsTarget ForArn(Arn arn) => new(arn.AccountId, arn.Region);

    /// <summary>What is named, completed with the defaults.</summary>
    public AwsTarget Resolve(string? accountId, string? region) => new(accountId ?? Default.AccountId, region ?? Default.Region);
}

internal sealed record ClusterLocation(AwsTarget Target, string Cluster)
{
    public override string ToString() => $"{Cluster} ({Target})";
}
