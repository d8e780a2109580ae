namespace DiagBot.Playbooks.Outside;

/// <summary>
/// An AWS API throttled the caller. Wordings: ELB's and EC2's throttling errors as quoted in Harness's ECS
/// troubleshooting page (developer.harness.io) and dask/dask-cloudprovider#56.
/// </summary>
internal static class ApiRateLimit
{
    public static OutsideCause Cause { get; } = new(
        "api-rate-limit",
        "An AWS API throttled the caller (Rate exceeded / RequestLimitExceeded): the request was refused for its rate, not for what it asked.",
        [
            "Retry with exponential backoff and jitter (the AWS SDKs' standard retry mode does this).",
            "Spread the calls out (fewer parallel deploys, larger batches), or ask for a higher API rate quota.",
        ],
        context => context.ServiceEvents(),
        [
            Phrase.Of("throttled", @"\brate exceeded\b|requestlimitexceeded|request limit exceeded|throttlingexception|\bthrottl(ed|ing)\b"),
        ],
        0.85,
        "throttling words; the call itself may be fine");
}
