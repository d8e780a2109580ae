namespace DiagBot.Diagnostics.Aws.Configuration;

/// <summary>The <c>DiagBot:Aws</c> configuration section.</summary>
internal sealed class AwsOptions
{
    public const string SectionName = "DiagBot:Aws";

    /// <summary>The default region: used for accounts without Regions and for bare task ids.</summary>
    public string? Region { get; set; }

    /// <summary>One endpoint for every service (the sandbox, LocalStack).</summary>
    public string? EndpointUrl { get; set; }

    /// <summary>Per-service endpoints keyed by service (ecs, elasticloadbalancing, logs, cloudtrail, ec2, sts, eks); wins over EndpointUrl.</summary>
    public Dictionary<string, string> Endpoints { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public List<AwsAccountOptions> Accounts { get; set; } = [];

    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(3);

    public TimeSpan DiagnosisBudget { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Whether a diagnosis joins a read another diagnosis has in flight (same operation, account, region and
    /// arguments) instead of sending its own; concurrent diagnoses of one subject then cost the calls of one.
    /// </summary>
    public bool ShareConcurrentReads { get; set; } = true;

    public AwsResilienceOptions Resilience { get; set; } = new();
}
