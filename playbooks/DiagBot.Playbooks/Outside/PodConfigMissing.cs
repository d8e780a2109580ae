namespace DiagBot.Playbooks.Outside;

/// <summary>
/// A pod names a Kubernetes Secret or ConfigMap (or a key in one) that does not exist in its namespace, so the kubelet
/// cannot build the container's environment or mount the volume. Nothing was fetched from AWS: this is not playbook 3,
/// whose secrets come from Secrets Manager or Parameter Store through a task execution role. Wordings: the kubelet's
/// CreateContainerConfigError (kubernetes/kubernetes pkg/kubelet/container/sync_result.go) with the messages of
/// makeEnvironmentVariables (pkg/kubelet/kubelet_pods.go: `couldn't find key k in Secret ns/name`) and the API server's
/// NotFound (apimachinery's `secrets "x" not found`), as quoted in the corpus' training lines (batches 15 and 18).
/// </summary>
internal static class PodConfigMissing
{
    public static OutsideCause Cause { get; } = new(
        "pod-config-missing",
        "The pod refers to a Kubernetes Secret or ConfigMap, or a key in one, that does not exist in its namespace, so the kubelet cannot "
            + "create the container (CreateContainerConfigError) or mount the volume; no AWS secret or role is involved.",
        [
            "Read the pod's events: they name the missing Secret or ConfigMap and the key.",
            "Create it in the pod's namespace, or correct the name or key in the pod spec (env valueFrom, envFrom, volumes); names are "
                + "per namespace.",
            "When the Secret is synced from AWS (External Secrets Operator, the Secrets Store CSI driver's secretObjects), read that sync's "
                + "status: it never wrote the Secret.",
        ],
        context => context.PodEvents(),
        [
            Phrase.Of("the kubelet cannot build the container's config", @"createcontainerconfigerror"),
            Phrase.Of("a Secret or ConfigMap named by the pod does not exist", @"\b(secrets?|configmaps?) ""[^""]+"" not found"),
            Phrase.Of("a key the pod names is not in its Secret or ConfigMap", @"couldn'?t find key \S+ in (secret|configmap)\b"),
        ],
        0.9,
        "the kubelet's own words for an object missing from the namespace")
    {
        // Playbook 3 is an ECS task's Secrets Manager or Parameter Store pull; a missing Kubernetes object is not.
        ExplainsAway = new HashSet<int> { FailureModes.SecretsPullFailed.Number },
    };
}
