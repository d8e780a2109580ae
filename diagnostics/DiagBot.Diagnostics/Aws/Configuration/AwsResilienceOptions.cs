namespace DiagBot.Diagnostics.Aws.Configuration;

/// <summary>The <c>DiagBot:Aws:Resilience</c> section: retries and circuit breaking for every AWS call.</summary>
internal sealed class AwsResilienceOptions
{
    /// <summary>Retries after the first attempt, for throttling and 5xx answers only.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The median first delay of the decorrelated-jitter backoff.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The share of failed calls to one service in one region that opens its circuit.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    public int BreakerMinimumThroughput { get; set; } = 10;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
