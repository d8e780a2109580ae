namespace DiagBot.Diagnostics.Aws.RateLimits;

/// <summary>
/// One documented token bucket: the operations that draw on it (ECS counts a whole category, such as DescribeTasks
/// and ListTasks together), its burst (bucket capacity) and its sustained refill per second, per account and region.
/// </summary>
internal sealed record AwsRate(string Bucket, int Burst, double PerSecond);
