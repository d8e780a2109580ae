using System.Text.RegularExpressions;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Outside;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>Playbook 10: EKS pods stuck in ContainerCreating because the sandbox's network (VPC CNI IP assignment) fails.</summary>
internal static partial class EksPodsContainerCreatingSignals
{
    private const int Playbook = EksPodsContainerCreating.Number;

    /// <summary>The one read that confirms or refutes this failure mode when triage is unsure.</summary>
    public const string Decider = "the pod's FailedCreatePodSandBox or FailedMount event (kubectl describe pod)";

    // Issue 19: aws-node that cannot start (often its role lacks AmazonEKS_CNI_Policy), so no new pod gets an IP.
    // Wordings: the aws-node entrypoint's "Failed to wait for IPAM daemon to complete" and "Retrying waiting for IPAM-D"
    // (aws/amazon-vpc-cni-k8s#2423, #2073) and the CNI's CloudTrail user agent (#1454).
    private static readonly SignalRule CniDaemonDown = SignalRule.AnyOf(Playbook, 0.88,
        "the VPC CNI's daemon (aws-node / ipamd) is not running, so new pods get no IP",
        Phrase.Of("aws-node crash-looping", @"\baws-node\b(?!-termination).{0,60}(crashloop\w*|restarting|not come up|unauthorized\w*)"),
        Phrase.Of("ipam daemon not ready", @"\bipam(-| )?d\b|ipam daemon"),
        // Batch 18, aws/amazon-vpc-cni-k8s#1590: the plugin's call to ipamd refused, "Error received from DelNetwork gRPC call for container"
        Phrase.Of("the plugin's gRPC call to ipamd failed", @"(add|del)network grpc call"),
        Phrase.Of("the CNI's EC2 calls denied", @"amazon-vpc-cni-k8s.{0,120}unauthorizedoperation|amazoneks_cni_policy"),
        // Sweep (eks), kubernetes/kubernetes pkg/kubelet/kubelet_network.go and the VPC CNI troubleshooting page: the runtime
        // reports NetworkPluginNotReady ("cni plugin not initialized", "cni config uninitialized") until aws-node writes its config
        Phrase.Of("the node's network plugin is not ready", @"networkpluginnotready|cni plugin not initiali[sz]ed|cni config uninitiali[sz]ed"));

    // Sweep (eks), aws/amazon-vpc-cni-k8s#1847: aws-node's own probes run grpc-health-probe against ipamd's port 50051 and
    // fail with "timeout: failed to connect service ":50051" within 5s" while ipamd cannot start. That readiness probe is
    // aws-node's, not the app's at start-up, and a liveness kill of aws-node is not the app's crash loop.
    private static readonly SignalRule AwsNodeProbeFails = SignalRule.AnyOf(Playbook, 0.9,
        "aws-node's health probe cannot reach ipamd (port 50051), so new pods get no IP",
        Phrase.Of("ipamd's gRPC port does not answer aws-node's probe", @"failed to connect service \W*:50051\b")) with
    {
        ExplainsAway = new HashSet<int> { CrashLoop.Number },
        RulesOutOutside = new HashSet<string>(StringComparer.Ordinal) { ReadinessProbeAtStartup.Cause.Name },
    };

    // Issue 19, batch 11: the node's pod IP pool is empty, told in the IPAM's own log words (aws/amazon-vpc-cni-k8s#2749 "IP pool is
    // too low", #1773 "Failed to allocate a private IP/Prefix addresses on ENI", #2045 "not space to carve a /28 prefix"; Calico's
    // "pools are likely exhausted", IBM Cloud's troubleshooting page). A node's pod IPs, not a task's ENI: playbook 1 is explained away.
    private static readonly SignalRule PodIpPoolEmpty = SignalRule.AnyOf(Playbook, 0.85,
        "the node's pod IP pool is empty (the IPAM's own words)",
        Phrase.Of("the IP pool is too low", @"\bip pool is (too low|empty|exhausted|depleted)\b|\bpools? (are|is) (likely )?exhausted\b"),
        Phrase.Of("no room for another prefix", @"space to carve a /\d+ prefix|\bip/prefix addresses\b"),
        Phrase.Of("the IPAM handed out nothing", @"unable to auto-?assign an address|ipam allocated only 0|failed to request \d+ ipv4 addresses"),
        // Sweep (eks), aws/amazon-vpc-cni-k8s pkg/ipamd/ipamd.go: "Failed to increase pool size due to not able to allocate ENI
        // AllocENI: error attaching ENI: ... AttachmentLimitExceeded", a node at its ENI limit; its "failed to attach ENI" is not a task's
        Phrase.Of("ipamd could not grow its pool with another ENI", @"failed to increase pool size|not able to allocate eni|attachmentlimitexceeded")) with
    {
        ExplainsAway = new HashSet<int> { TaskStuckProvisioning.Number },
    };

    private static readonly Phrase[] IpAssignment =
    [
        Phrase.Of("failed to assign an IP", @"fail\w* to assign (an )?ip|assign\w* ip (address )?to (the )?container"),
        Phrase.Of("no IP addresses available", @"no ip addresses available|insufficientcidrblocks|failed to allocate for range"),
        Phrase.Of("ipamd named", @"ipamd"),
        Phrase.Of("assign IP, misspelled", @"assing ip"),
        // hazmei.com, pods stuck in ContainerCreating ("The pods are unable to obtain any private IPv4 address from the CNI"),
        // aws/karpenter-provider-aws#3989 ("Pod failing to get IP address assigned")
        Phrase.Of("pods cannot get an IP", @"\bpods?\b.{0,40}\b(unable|fail\w*|can'?t|cannot|not able) to (obtain|get|acquire|fetch) (any |an |a )"
            + @"?(private )?ip"),
    ];

    private static readonly Phrase[] SandboxNetwork =
    [
        Phrase.Of("FailedCreatePodSandBox", @"failedcreatepodsandbox|fail\w* (to )?create pod sandbox"),
        Phrase.Of("the CNI plugin failed", @"networkplugin cni failed|cni failed to set up|plugin type=""?aws-cni|netplugin failed"),
        Phrase.Of("sandbox network setup failed", @"failed to set ?up (sandbox container|network for sandbox)"),
        // aws-node-termination-handler is the Spot and maintenance drainer, not the CNI: "-termination" is left out
        Phrase.Of("aws-node or the CNI add command", @"\baws-node\b(?!-termination)|\badd cmd:|addnetwork grpc"),
        Phrase.Of("the CNI failed, in words", @"\bcni\b.{0,40}(fail|error)"),
    ];

    private static readonly Phrase[] NodeEniAllocation =
    [
        Phrase.Of("no free IPs or prefixes", @"free ipv4 addresses or prefixes|no free ip available in the prefix|no available ip/prefix addresses"),
        Phrase.Of("ipamd cannot assign a pod IP", @"assignpodipv4address|ip address from cidr"),
        Phrase.Of("ipamd cannot grow its pool", @"failed to createnetworkinterface|allocate \d+ ip addresses on an eni|increase pool size"),
        // Batch 18, aws/amazon-vpc-cni-k8s pkg/awsutils/awsutils.go: subnet discovery left ipamd no subnet to create an ENI in
        Phrase.Of("no subnet the CNI may use for an ENI", @"no valid subnets available for eni creation"),
        // Chat sweep (chat-b), aws/amazon-vpc-cni-k8s#1058: "v1.5.7 and EKS 1.15 not creating new ENIs / Failed to get pod ENI config". The
        // cluster or its pods named, so the ENIs are a node's, not a task's (playbook 1)
        Phrase.Of("the CNI creates no new ENIs", @"\b(eks|cni|ipamd|pods?|nodes?)\b.{0,40}\b(not|never|stopped) (creating|allocating|attaching) (new |"
            + @"any |more )?enis?\b"),
        // Chat sweep (chat-b), aws/containers-roadmap#481: Windows pods wait for the VPC resource controller's IP resource, "complaining about
        // not having that label - vpc.amazonaws.com/PrivateIPv4Address"
        Phrase.Of("the Windows pod IP resource named", @"vpc\.amazonaws\.com/privateipv4address"),
    ];

    // Issue 19, batch 12: the node's ENIs and IPs told as used up (aws/amazon-vpc-cni-k8s#1480: "seems like all ENIs and IPs are used
    // up"). ENIs named beside the IPs are a node's, not a task's; an engineer's words, so below the IPAM's own.
    private static readonly SignalRule EnisAndIpsUsedUp = SignalRule.AnyOf(Playbook, 0.8,
        "the node's ENIs and IPs are used up, in an engineer's words",
        Phrase.Of("ENIs and IPs used up", @"\benis?\b.{0,20}\bips?\b.{0,20}\b(used up|exhausted|all (in use|taken))\b|"
            + @"\b(no|out of) (more )?(free )?enis? (or|and) ips?\b"),
        // Batch 13 by family (the VPC CNI troubleshooting page's IP exhaustion): IP addresses exhausted or run out, with a cluster,
        // a node or pods named so that it is the pods' addresses and not a task's ENI (playbook 1)
        Phrase.Of("a cluster's IP addresses exhausted", @"\b(eks|kubernetes|k8s|cluster|pods?|nodes?|cni)\b.{0,80}\bip( addresses?|s)?\b.{0,20}"
            + @"\b(are |were |is )?(exhausted|run(ning)? out|ran out|used up|depleted)\b|\bip (address )?exhaustion\b"),
        // Batch 20's tuning part: the node's ENI/IP limit named beside pods it rejects (thecodeforge.io's EKS guide, "rejects new pods,
        // it's almost certainly hitting this ENI/IP limit"), and a pod IP shortage in Korean (velog.io, "Pod IP 부족").
        Phrase.Of("the node's ENI/IP limit", @"\b(nodes?|pods?)\b.{0,80}\beni ?(/|and|or) ?ip (address )?limits?\b"),
        Phrase.Of("pod IPs short, in Korean", @"\bpods? ip ?(주소 ?)?부족"));

    public static IReadOnlyList<SignalRule> Rules { get; } =
    [
        EnisAndIpsUsedUp,
        // CNI's own words
        SignalRule.AnyOf(Playbook, 0.95, "the VPC CNI could not assign an IP address to the pod (subnet or ENI IPs exhausted)", IpAssignment),
        SignalRule.AnyOf(Playbook, 0.88, "the pod sandbox's network could not be set up (CNI)", SandboxNetwork), // CNI's own words
        CniDaemonDown,
        AwsNodeProbeFails,
        PodIpPoolEmpty,
        // ipamd's own words
        SignalRule.AnyOf(Playbook, 0.75, "the node cannot get more IPs or prefixes for pods from its subnet (ipamd / prefix delegation)", NodeEniAllocation),
        // a neighbour only
        new(Playbook, 0.4, VolumeMountPending(), "the pod waits in ContainerCreating for a volume, not for the CNI: a neighbour of playbook 10"),
        new(Playbook, 0.85, ContainerCreatingWords(), "pods are stuck in ContainerCreating"), // state named
        new(Playbook, 0.92, CniPermissionDenied(), "the VPC CNI (aws-node / ipamd) is denied the EC2 network-interface calls it needs") { ExplainsAway = new HashSet<int> { AppAccessDenied.Number } }, // the CNI's denial, not the app's
    ];

    [GeneratedRegex(@"failedmount|mountvolume\.setup failed|unable to attach or mount volumes", RegexOptions.CultureInvariant)]
    private static partial Regex VolumeMountPending();

    [GeneratedRegex(@"containercreating|container creating", RegexOptions.CultureInvariant)]
    private static partial Regex ContainerCreatingWords();

    [GeneratedRegex(@"(unauthorizedoperation|not authorized to perform|missing permissions).{0,300}(networkinterface|ec2:(createnetworkinterface|describenetworkinterfaces|createtags|assignprivateipaddresses|attachnetworkinterface))|failed to call ec2:\w+|ipamd init", RegexOptions.CultureInvariant)]
    private static partial Regex CniPermissionDenied();
}
