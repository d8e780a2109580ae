using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Outside;

namespace DiagBot.Playbooks.Classification.Signals;

/// <summary>
/// Messages of runtimes beside ECS, EKS and the load balancers that share words with the failure modes: a service mesh's
/// own 503, a Lambda function's runtime exit, the kubelet tearing down a deleted pod's network. Batch 20 called each a
/// failure; none is one of the fifteen, so each reads "none" and explains the failure words inside it away.
/// </summary>
internal static class OtherRuntimeSignals
{
    // Envoy's response for an upstream it could not reach (envoyproxy/envoy#2990, istio/istio#17539: "upstream connect error or
    // disconnect/reset before headers", Istio's access-log flag UAEX): the mesh's proxy answered 503, not the load balancer.
    private static readonly SignalRule MeshUpstreamUnavailable = SignalRule.AnyOf(null, 0.9,
        "a service mesh proxy (Envoy) could not reach its upstream; its 503 is not the load balancer's",
        Phrase.Of("Envoy's upstream connect error", @"upstream connect error or disconnect/reset before headers")) with
    {
        ExplainsAway = new HashSet<int> { Alb503NoTargets.Number, Alb504Timeout.Number },
    };

    // AWS Lambda's runtime error shape (aws/aws-lambda-dotnet#480: {"errorType":"Runtime.ExitError","errorMessage":"... Runtime
    // exited with error: exit status 137"}): a function's process, not a container task, so its 137 is no task's memory kill.
    private static readonly SignalRule LambdaRuntimeExit = SignalRule.AnyOf(null, 0.9,
        "a Lambda function's runtime exited; not a container task",
        Phrase.Of("Lambda's Runtime.ExitError", @"runtime\.exiterror|runtime exited with error")) with
    {
        ExplainsAway = new HashSet<int> { TaskOutOfMemory.Number, CrashLoop.Number },
    };

    // The kubelet's KillPodSandbox (kubernetes/kubeadm#587, cisco-open/martian-bank-demo#50: failed to "KillPodSandbox" ...
    // networkPlugin cni failed to teardown pod): the network of a pod being deleted; playbook 10 is a new pod's network setup.
    // Unless the VPC CNI itself is named: its ipamd unreachable on delete (the VPC CNI troubleshooting guide) fails new pods too.
    private static readonly SignalRule PodNetworkTeardown = SignalRule.AnyOf(null, 0.9,
        "the CNI failed tearing down a deleted pod's network; a new pod's setup is what playbook 10 reads",
        Phrase.Of("the sandbox kill failed, another CNI's", @"failed to ""?killpodsandbox(?!.*\b(aws-cni|ipamd|aws-node)\b)")) with
    {
        ExplainsAway = new HashSet<int> { EksPodsContainerCreating.Number },
    };

    public static IReadOnlyList<SignalRule> Rules { get; } = [MeshUpstreamUnavailable, LambdaRuntimeExit, PodNetworkTeardown];
}
