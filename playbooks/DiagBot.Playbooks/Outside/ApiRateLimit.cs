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
            // Sweep (i18n), "operations are being throttled" as the guide's Japanese and Chinese service event pages print it
            // (docs.aws.amazon.com/ja_jp/AmazonECS/latest/developerguide/service-event-messages-list.html, "オペレーションは抑制されています";
            // docs.amazonaws.cn/AmazonECS/latest/developerguide/service-event-messages-list.html, "操作正在受限制")
            Phrase.Of("throttled, in Japanese or Chinese", @"オペレーションは抑制されています|操作正在受限制"),
            // ECS's service action events name the same cause in capitals joined by underscores, where \b cannot see "throttled":
            // ECS_OPERATION_THROTTLED, "unable to launch tasks due to Amazon ECS API throttling limits", and its service
            // discovery sibling (docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_service_events.html)
            Phrase.Of("an ECS throttling event's name", @"\b(ecs|service_discovery)_operation_throttled\b"),
        ],
        0.85,
        "throttling words; the call itself may be fine");
}
