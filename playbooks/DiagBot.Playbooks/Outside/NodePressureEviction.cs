namespace DiagBot.Playbooks.Outside;

/// <summary>
/// The kubelet evicted the pod because its node ran short (memory, disk, PIDs): not the container's own memory limit.
/// Wording (batch 18): the kubelet's eviction message as quoted in openshift/release#76967 and kubernetes/kubernetes#112927
/// ("The node was low on resource: memory. ...").
/// </summary>
internal static class NodePressureEviction
{
    public static OutsideCause Cause { get; } = new(
        "node-pressure-eviction",
        "The kubelet evicted or refused the pod because its node was under pressure (memory, disk or PIDs), not because a container hit its own limit: "
            + "the node was overcommitted by pods using more than they request.",
        [
            "Read the pod's status message: it names the resource the node ran short of and what each container used against its request.",
            "Set requests close to real usage (and limits) so the scheduler does not overcommit the node, or give the node group larger instances.",
        ],
        context => context.PodEvents(),
        [Phrase.Of("the node ran low on a resource", @"node was low on resource: \w+")],
        0.9,
        "the kubelet's own eviction wording")
    {
        // An eviction is not an OOM kill: the container's limit was never reached.
        ExplainsAway = new HashSet<int> { FailureModes.TaskOutOfMemory.Number },
    };
}
