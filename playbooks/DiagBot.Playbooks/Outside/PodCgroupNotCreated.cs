namespace DiagBot.Playbooks.Outside;

/// <summary>
/// The kubelet could not create the pod's cgroup, so no container of the pod was created. Wording (sweep, eks): the kubelet's
/// FailedCreatePodContainer event, "unable to ensure pod container exists: failed to create container for [kubepods ...] :
/// mkdir /sys/fs/cgroup/memory/kubepods/...: cannot allocate memory" (kubernetes/kubernetes#70324, the kernel's memory cgroup
/// ids leaked on older kernels), from pkg/kubelet/cm/pod_container_manager_linux.go.
/// </summary>
internal static class PodCgroupNotCreated
{
    public static OutsideCause Cause { get; } = new(
        "pod-cgroup-not-created",
        "The kubelet could not create the pod's cgroup on its node (on older kernels, leaked memory cgroups make mkdir fail with "
            + "\"cannot allocate memory\" however much memory is free), so the pod's containers were never created: no container ran out of memory.",
        [
            "Read the pod's FailedCreatePodContainer event: it names the cgroup path and the error the kernel returned.",
            "Drain and replace (or reboot) the node, then move the node group to a current EKS optimized AMI, whose kernel does not leak memory cgroups.",
        ],
        context => context.PodEvents(),
        [Phrase.Of("the pod's cgroup could not be made", @"unable to ensure pod container exists|failed to create container for \[kubepods")],
        0.9,
        "the kubelet's own event")
    {
        // Its "cannot allocate memory" is mkdir's errno, not a container at its memory limit.
        ExplainsAway = new HashSet<int> { FailureModes.TaskOutOfMemory.Number },
    };
}
