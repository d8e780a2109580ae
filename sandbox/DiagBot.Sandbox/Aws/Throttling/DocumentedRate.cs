namespace DiagBot.Sandbox.Aws.Throttling;

/// <summary>One token bucket AWS documents: its capacity (burst) and refill per second, per account and region.</summary>
internal sealed record DocumentedRate(string Bucket, int Burst, double PerSecond);
