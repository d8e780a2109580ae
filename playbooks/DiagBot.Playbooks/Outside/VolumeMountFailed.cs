namespace DiagBot.Playbooks.Outside;

/// <summary>
/// A pod's or task's volume could not be attached or mounted. Wordings: the kubelet's and attach-detach controller's
/// FailedMount/FailedAttachVolume events (pkg/kubelet/volumemanager, pkg/volume/util/operationexecutor) as quoted in
/// kubernetes/kubernetes#110158, #64653, #52996, #90079, aws-fsx-csi-driver#213, pulumi-kubernetes#2197.
/// </summary>
internal static class VolumeMountFailed
{
    public static OutsideCause Cause { get; } = new(
        "volume-mount-failed",
        "A volume the pod or task needs could not be attached or mounted (an EBS volume still attached elsewhere or in another zone, a missing secret or config map, an NFS/EFS mount that times out), so the container cannot start.",
        [
            "Read the FailedMount / FailedAttachVolume event: it names the volume and why.",
            "For EBS: the volume must be in the node's Availability Zone and detached from any other instance; for a secret or config map volume: it must exist in the pod's namespace; for EFS/NFS: the mount target's security group must allow NFS (2049) from the node or task.",
        ],
        context => context.Pod is not null ? context.PodEvents() : context.DescribeTask("tasks[0].stoppedReason"),
        [
            Phrase.Of("attach or mount timed out", @"unable to (attach or )?mount volumes|timeout expired waiting for volumes to attach|attach timeout for volume"),
            Phrase.Of("mount or attach step failed", @"mountvolume\.(setup|waitforattach|mountdevice) failed|attachvolume\.attach failed|failed to attach volume|error attaching ebs volume|volumeinuse"),
            Phrase.Of("NFS, EFS or FSx mount", @"mount\.nfs: |\bfsx\b|(efs utils|\.efs\.|efs volumes?)|cannotcreatevolumeerror|failed to (create|mount) (the )?volume"),
            Phrase.Of("a volume that will not attach, in words", @"(mount|attach)\w* (an? |the )?(ebs |efs |fsx |nfs )?volumes?\b.{0,60}(tim\w* out|timeout|fail\w*)|(not|n't) able to attach to a volume"),
            // Batch 13, the external-provisioner's ProvisioningFailed event (kubernetes-csi/external-provisioner): the CSI driver's
            // own EC2 call refused, "failed to provision volume with StorageClass ...: UnauthorizedOperation", is not the app's
            Phrase.Of("the CSI driver could not provision the volume", @"failed to provision volume with storageclass"),
            // Batches 14 and 17 (aws-efs-csi-driver#765: "pods that mount such volumes are stuck in ContainerCreating"): a pod
            // that waits in ContainerCreating on its volume is the mount, not the CNI's addresses
            Phrase.Of("ContainerCreating beside a volume mount", @"\bcontainercreating\b.{0,60}\b(mount\w*|efs|fsx|nfs)\b|"
                + @"\b(mounts?|mounting|efs|fsx|nfs)\b.{0,80}\bcontainercreating\b"),
        ],
        0.92,
        "the volume's own event, the container never started")
    {
        ExplainsAway = new HashSet<int> { FailureModes.EksPodsContainerCreating.Number, FailureModes.SecretsPullFailed.Number, FailureModes.CrashLoop.Number,
            FailureModes.AppAccessDenied.Number },
    };
}
