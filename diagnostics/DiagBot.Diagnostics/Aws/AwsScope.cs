namespace DiagBot.Diagnostics.Aws;

/// <summary>The account and region a call about an id without an ARN (a subnet, a log group) goes to; null means the configured default.</summary>
public sealed record AwsScope(string? AccountId = null, string? Region = null)
{
    public static AwsScope Default { get; } = new();

    /// <summary>The account and region of a resource, e.g. the task whose subnets are asked about.</summary>
    public static AwsScope FromArn(string? arn) => Arn.TryParse(arn, out var parsed) ? new AwsScope(parsed.AccountId, parsed.Region) : Default;
}
