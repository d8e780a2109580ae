namespace DiagBot.Playbooks.Outside;

/// <summary>
/// ECS, Fargate or an account quota refused more tasks. Wordings: the ECS service event reasons
/// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-event-messages.html) and the RunTask and
/// CreateService refusals quoted in aws/copilot-cli#3064, #2685, aws/containers-roadmap#768 and the Fargate driver's
/// gitlab.com/gitlab-org/ci-cd/custom-executor-drivers/fargate/-/issues/41; EC2's instance quota names ("Running On-Demand G and
/// VT instances", "All G and VT Spot Instance Requests") as quoted in aws-samples/cost-effective-aws-deployment-of-comfyui#39.
/// </summary>
internal static class ServiceQuota
{
    public static OutsideCause Cause { get; } = new(
        "service-quota",
        "An ECS, Fargate or account quota refused to start more tasks: the service keeps asking and keeps being refused. No task ran, so nothing in a task, its image or its network is at fault.",
        [
            "Read the quota named in the refusal and its current value in Service Quotas (services Amazon ECS and AWS Fargate) for this region.",
            "Ask for an increase, or lower the desired count or the task size until the refusals stop.",
        ],
        context => context.ServiceEvents(),
        [
            Phrase.Of("concurrency quota", @"reached the limit on the number of (\w+ )?(tasks|vcpus|spot tasks|instances)"),
            Phrase.Of("task size above the account's limit", @"requested (cpu|memory) configuration is above your limit"),
            Phrase.Of("desired count quota", @"desired count exceeds limit"),
            Phrase.Of("a hit quota, in words", @"(hit|reached|hitting) the (default )?(limit|quota) on (the )?number of|(different|new|absurdly low) (\w+ ){0,3}(quota|cap)s?\b"),
            Phrase.Of("an EC2 instance quota named", @"running on-demand .{0,60} instances|all .{0,60} spot instance requests"),
            // Sweep (i18n), the service event reasons as the Japanese and Chinese pages print them
            // (docs.aws.amazon.com/ja_jp/AmazonECS/latest/developerguide/service-event-messages-list.html,
            // "同時に実行できるタスク数の上限に達しました"; docs.amazonaws.cn/AmazonECS/latest/developerguide/service-event-messages-list.html,
            // "您已达到可同时运行的任务数量的上限", "... vCPU 数量的上限", "请求的 CPU 配置超出您的限制", "请求的内存配置超出您的限制")
            Phrase.Of("concurrency quota, in Japanese or Chinese", @"同時に実行できるタスク数の上限|可同时运行的.{0,12}数量的上限"),
            Phrase.Of("task size above the account's limit, in Chinese", @"请求的.{0,8}配置超出您的限制"),
        ],
        0.95,
        "AWS's own refusal wording")
    {
        // A Spot instance quota names Spot: the refusal is the quota's, no capacity was reclaimed.
        ExplainsAway = new HashSet<int> { FailureModes.DeployStuck.Number, FailureModes.SpotInterruption.Number },
    };
}
