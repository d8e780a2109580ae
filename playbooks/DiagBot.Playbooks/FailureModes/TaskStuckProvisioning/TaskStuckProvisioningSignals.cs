using System.Text.RegularExpressions;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Outside;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>Playbook 1: a task that never leaves PROVISIONING, usually because its network interface cannot be set up.</summary>
internal static partial class TaskStuckProvisioningSignals
{
    private const int Playbook = TaskStuckProvisioning.Number;

    /// <summary>The one read that confirms or refutes this failure mode when triage is unsure.</summary>
    public const string Decider = "the task's lastStatus and network-interface attachment (aws ecs describe-tasks --query 'tasks[0].[lastStatus,attachments[0].status,stoppedReason]')";

    private static readonly Phrase[] EniTimeout =
    [
        Phrase.Of("waiting for the network interface", @"network interface provisioning|waiting for (the )?network interface|"
            + @"(waiting|timed out|timeout)\w* (for|waiting for) (the )?eni"),
        Phrase.Of("the ENI attachment timed out", @"eni (ack|attach\w*) (timed out|timeout)"),
        Phrase.Of("the ENI could not be set up", @"fail\w* to (provision|attach|create|configure) (the )?(eni|network interface)"),
    ];

    private static readonly Phrase[] EniAttachFailed =
    [
        Phrase.Of("the network interface could not be attached", @"unable to attach network interface|network interface provision complete error"),
        Phrase.Of("the ENI plugin failed", @"eni plugin failed"),
        // Batch 18, aws/amazon-ecs-agent agent/engine/docker_task_engine.go: the agent drops an ENI attachment that never completed
        Phrase.Of("the ENI attachment expired", @"eni attachment has expired"),
        Phrase.Of("the ENI attachment timed out", @"eni attachment timeout|unable to attach eni"),
    ];

    public static IReadOnlyList<SignalRule> Rules { get; } =
    [
        SignalRule.AnyOf(Playbook, 0.92, "the task's network interface (ENI) was not provisioned in time", EniTimeout), // ECS's own words
        new(Playbook, 0.75, StuckInProvisioning(), "the task is stuck in PROVISIONING, before any image is pulled"), // state named
        new(Playbook, 0.7, SubnetOutOfAddresses(), "the subnet has no free IP addresses for the task's ENI"), // EC2's own code
        // state alone
        new(Playbook, 0.35, TaskPending(), "a task in PENDING has its network interface already; playbook 1's network evidence (endpoints, NAT) still applies"),
        new(Playbook, 0.5, FargateEniWords(), "Fargate/awsvpc network-interface set-up is named"), // ENI named only
        SignalRule.AnyOf(Playbook, 0.92, "the task's network interface could not be attached or provisioned (ENI attach, device index, ENI plugin)", EniAttachFailed), // ECS's own ENI wording
        new(Playbook, 0.75, NeverLeavesProvisioning(), "the task never leaves PROVISIONING"), // the state, in an engineer's words
        new(Playbook, 0.5, EniInWords(), "the task's ENI is named as the trouble") { OnlyIn = Fields.Symptom }, // ENI named, not how it failed
        // the route out, in an engineer's words; batch 11, aws/containers-roadmap#48: "a subnet that can't reach the internet"
        new(Playbook, 0.7, SubnetWithoutRouteOut(), "the task's subnet has no route out (no NAT gateway, no internet gateway), in an engineer's words"),
    ];

    [GeneratedRegex(@"(stuck|hang\w*|hung|remain\w*|stay\w*|wait\w*) (in |on |at )?(the )?provisioning|\bprovisioning\b.{0,30}(state|status|phase|forever)|(laststatus|status)\W{0,3}(is )?provisioning|timeout for provisioning", RegexOptions.CultureInvariant)]
    private static partial Regex StuckInProvisioning();

    [GeneratedRegex(@"insufficientfreeaddressesinsubnet|insufficient free (ip )?addresses|(insufficient|no|not enough) (free |available )?(ip )?addresses? (in|on|available in) (the )?subnet|subnet.{0,40}(ran out of|exhausted|no more|no free).{0,20}(ip|address)", RegexOptions.CultureInvariant)]
    private static partial Regex SubnetOutOfAddresses();

    [GeneratedRegex(@"\btasks?\b(?!.{0,80}\bpods?\b).{0,60}\bpending\b(?!.{0,80}\bpods?\b)", RegexOptions.CultureInvariant)]
    private static partial Regex TaskPending();

    [GeneratedRegex(@"provision\w* (the )?eni|\beni\b.{0,40}(fargate|awsvpc)|elastic network interface", RegexOptions.CultureInvariant)]
    private static partial Regex FargateEniWords();

    [GeneratedRegex(@"never (leave|leaves|left|gets? past|gets? out of) (the )?provisioning|endlessly provisioning|tasks? never reach running|assign_?public_?ip.{0,120}(hang\w*|forever|stuck)", RegexOptions.CultureInvariant)]
    private static partial Regex NeverLeavesProvisioning();

    [GeneratedRegex(@"\bsubnets?\b.{0,20}\b(can'?t|cannot|can not|doesn'?t|does not|unable to) (reach|access|get to) (the )?internet"
        + @"|\bsubnets?\b.{0,20}\b(with|has|have) no (route|path|way) (out|to the internet)", RegexOptions.CultureInvariant)]
    private static partial Regex SubnetWithoutRouteOut();

    [GeneratedRegex(@"attach\w* (the )?eni\b|\beni\b.{0,30}(confused|attach|provision)", RegexOptions.CultureInvariant)]
    private static partial Regex EniInWords();
}
