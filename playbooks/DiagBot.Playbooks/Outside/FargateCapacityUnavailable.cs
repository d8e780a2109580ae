namespace DiagBot.Playbooks.Outside;

/// <summary>
/// Fargate or EC2 had no capacity in the AZ asked for. Wording: the RunTask refusal in
/// https://repost.aws/knowledge-center/ecs-fargate-runtask-capacity, sil-org/ecs-deploy#277, aws/containers-roadmap#2034.
/// </summary>
internal static class FargateCapacityUnavailable
{
    public static OutsideCause Cause { get; } = new(
        "capacity-unavailable",
        "AWS had no capacity for the task in the Availability Zone it was placed in: the request was right, the zone was full at that moment.",
        [
            "Retry later; a service retries by itself.",
            "Give the service or RunTask subnets in several Availability Zones, or another CPU/memory size.",
        ],
        context => context.ServiceEvents(),
        [
            // A rolling update's own room is the service's capacity, not AWS's (batch 22, playbook 12's "no room for the rolling update")
            Phrase.Of("capacity unavailable", @"capacity is unavailable at this time|fargate capacity is unavailable|insufficientinstancecapacity|"
                + @"insufficient capacity(?! for (the )?rolling)"),
            // Batch 17, aws/containers-roadmap#852: "if spot capacity is unavailable, the spot tasks are just not launched": Spot
            // capacity that was never there is no interruption (the Fargate capacity providers page: tasks wait for capacity)
            Phrase.Of("Spot capacity unavailable", @"\bspot capacity (is |was )?(unavailable|not available)"),
            // Sweep (i18n), the service event "Capacity is unavailable at this time" as the guide's Chinese page prints it
            // (docs.amazonaws.cn/AmazonECS/latest/developerguide/service-event-messages-list.html, "原因:目前容量不可用")
            Phrase.Of("capacity unavailable, in Chinese", @"目前容量不可用"),
        ],
        0.9,
        "AWS's own capacity wording")
    {
        ExplainsAway = new HashSet<int> { FailureModes.DeployStuck.Number, FailureModes.SpotInterruption.Number },
    };
}
