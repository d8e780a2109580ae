namespace DiagBot.Diagnostics.Aws.Configuration;

/// <summary>One entry of <c>DiagBot:Aws:Accounts</c>.</summary>
internal sealed class AwsAccountOptions
{
    public string? AccountId { get; set; }

    /// <summary>A role to assume with STS for this account; without one the base credentials are used.</summary>
    public string? RoleArn { get; set; }

    public string? ExternalId { get; set; }

    public List<string> Regions { get; set; } = [];

    /// <summary>Clusters searched for a bare task id, by name or ARN.</summary>
    public List<string> Clusters { get; set; } = [];
}
