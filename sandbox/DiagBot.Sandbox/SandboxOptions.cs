namespace DiagBot.Sandbox;

public sealed class SandboxOptions
{
    public string AccessKeyId { get; init; } = "AKIDSANDBOX00000000";

    public string SecretAccessKey { get; init; } = "sandbox/secret";

    public string Region { get; init; } = "us-east-1";

    public string AccountId { get; init; } = "111122223333";

    /// <summary>Where Kestrel listens; port 0 picks a free loopback port.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:0";

    /// <summary>AWS rejects requests signed more than five minutes away from its clock.</summary>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Large seeds the incidents inside an estate of 40 clusters, 2,000 services, 20,000 recently stopped tasks and
    /// 500 target groups across this account and two others (Catalogue/Scale/LargeAccount), reached with AssumeRole.
    /// </summary>
    public SandboxScale Scale { get; init; } = SandboxScale.Small;

    /// <summary>Answers past AWS's documented request rates with AWS's own throttling error, per bucket, account and region.</summary>
    public bool EnforceRateLimits { get; init; }

    /// <summary>The same sandbox as another account sees it: every setting kept, the account changed.</summary>
    internal SandboxOptions ForAccount(string accountId) => new()
    {
        AccessKeyId = AccessKeyId,
        SecretAccessKey = SecretAccessKey,
        Region = Region,
        AccountId = accountId,
        Urls = Urls,
        MaxClockSkew = MaxClockSkew,
        TimeProvider = TimeProvider,
        Scale = Scale,
        EnforceRateLimits = EnforceRateLimits,
    };
}

public enum SandboxScale
{
    Small,
    Large,
}
