using System.Text.RegularExpressions;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Outside;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>Playbook 14: the image was built for another CPU architecture than the one the task runs on.</summary>
internal static partial class ExecFormatErrorSignals
{
    private const int Playbook = FailureModes.ExecFormatError.Number;

    /// <summary>The one read that confirms or refutes this failure mode when triage is unsure.</summary>
    public const string Decider = "the image's architecture against the task's runtimePlatform (docker manifest inspect, aws ecs describe-task-definition)";

    private static readonly Phrase[] BuiltOnOtherArchitecture =
    [
        Phrase.Of("built on an Apple silicon Mac", @"apple silicon|\bm[1-4] (mac|chip|macbook|pro|max)|macbook|\bmac ?m[1-4]\b"),
        Phrase.Of("a Mac named beside the image", @"\bmac\b(?! address).{0,40}\b(ecs|fargate|image|docker|eks)\b"),
        Phrase.Of("wrong architecture, in words", @"platform error|wrong (cpu )?architecture|architecture mismatch"),
    ];

    // Batch 18 (kubewarden/kubewarden-controller, a kubelet Failed event): containerd's "no match for platform in manifest" inside
    // "Failed to pull image ...", and (sweep, eks) Docker's "image with reference ... was found but does not match the specified
    // platform" (moby/moby daemon/images/image.go). The pull failed because no variant fits the node's CPU: playbook 2's pull
    // words are explained away. The runtime's own words, at the weight of the registry's.
    private static readonly SignalRule NoVariantForTheNode = SignalRule.AnyOf(Playbook, 0.97,
        "the image has no variant for the node's platform (CPU architecture mismatch at pull time)",
        Phrase.Of("containerd: no match for platform", @"no match for platform in manifest"),
        Phrase.Of("Docker: found, but not for this platform", @"was found but does not match the specified platform")) with
    {
        ExplainsAway = new HashSet<int> { CannotPullContainer.Number },
    };

    // Chat sweep (chat-b): pods or tasks that crash or will not start on another CPU architecture: "Pods on Graviton nodes should be RUNNING
    // but not CrashLoopBackoff" (aws/aws-network-policy-agent#244), "Running on AWS with m7g nodes (ARM), kagent-querydoc pods is in
    // crashloopbackoff" (kagent-dev/kagent#1116), "run kubernauts pods on Apple M1 Arm64 ... all pods in CrashLoopBackOff"
    // (kubernauts/jmeter-kubernetes#43), "Task failed to start when deploying on Arm64 machine (M1 Mac)" (doctorray117/minecraft-ondemand#43).
    // The architecture beside the crash is the cause the crash loop's words leave open: playbook 8 is explained away.
    private static readonly SignalRule FailsOnAnotherArchitecture = SignalRule.AnyOf(Playbook, 0.9,
        "the container crashes or will not start on a node of another CPU architecture (ARM / Graviton / Apple silicon)",
        Phrase.Of("a crash loop beside an ARM node", @"\b(graviton\d?|arm64|aarch64|arm|apple m[1-4]|[a-z]\dg)\b.{0,80}\bcrash ?loop\w*|"
            + @"\bcrash ?loop\w*\b.{0,80}\b(graviton\d?|arm64|aarch64|arm)\b"),
        Phrase.Of("fails to start on an ARM machine", @"\b(fail\w* to start|won'?t start|will not start)\b.{0,60}\b(arm64|aarch64|graviton\d?|apple "
            + @"m[1-4]|m[1-4] mac)\b")) with
    {
        ExplainsAway = new HashSet<int> { CrashLoop.Number },
    };

    // Chat sweep (chat-b): the platform warning called harmless or silenced: "Just a warning. Does it run through completion anyway?"
    // (jorvis/GALES#34), "running it without a platform argument emits a warning on aarch64 hosts. This silences the warning"
    // (mozsearch/mozsearch#768). Docker's warning, not an exec format error.
    private static readonly SignalRule PlatformWarningOnly = SignalRule.AnyOf(null, 0.93,
        "Docker's platform warning, called a warning: no container failed",
        Phrase.Of("a warning, said so", @"\bjust a warning\b|\b(emits|produces|prints|silences?|silence) (a |the )?(following )?warning\b")) with
    {
        ExplainsAway = new HashSet<int> { Playbook },
        Outside = ImagePlatformWarning.Cause.Name,
    };

    // Chat sweep (chat-b): asking for, or building, an image of another architecture, or one that runs there: "Would it be possible to add
    // ARM64 images to your GitHub Action pipeline?" (ccremer/kubernetes-zfs-provisioner#6), "Just wondering if you'd consider building this
    // for amd64 and arm64" (binhex/arch-radarr#12), "Currently, we are only building amd64 images, not supporting arm64 servers"
    // (giorgi-o/SkinPeek#40), "I built and ran the image on an M-series Mac with no changes and it works" (joungminsung/OpenDocuments#22).
    // The architecture is named without any container failing.
    private static readonly SignalRule AsksForAnotherArchitecture = SignalRule.AnyOf(null, 0.9,
        "a request for an image built for another architecture: no container failed",
        Phrase.Of("asks for another architecture's image", @"\b(would it be possible|is it possible|could you|can you|please|any plans?|any chance|consider)\b"
            + @".{0,40}\b(add|publish|build|provide|release|ship|create)\w*\b.{0,40}\b(arm64|arm|aarch64|multi[- ]?(arch\w*|platform)|amd64)\b"),
        Phrase.Of("builds one architecture only", @"\bonly (building|build|publish\w*|ship\w*|provid\w*)\b.{0,20}\b(amd64|arm64|x86)\b.{0,20}\bimages?\b"),
        Phrase.Of("runs on the other architecture", @"\b(built|build|ran|run|running|tested)\b.{0,60}\b(mac|m-series|apple silicon|arm64|graviton)\b.{0,40}"
            + @"\b(it works|works fine|worked fine|runs fine|working fine)\b")) with
    {
        ExplainsAway = new HashSet<int> { Playbook },
    };

    public static IReadOnlyList<SignalRule> Rules { get; } =
    [
        FailsOnAnotherArchitecture,
        PlatformWarningOnly,
        AsksForAnotherArchitecture,
        NoVariantForTheNode,
        // runtime's own words
        new(Playbook, 0.96, ExecFormatError(), "exec format error: the image's CPU architecture does not match the task's (runtimePlatform)"),
        // registry's own words
        new(Playbook, 0.97, DescriptorPlatform(), "the image has no manifest for the task's platform (CPU architecture mismatch at pull time)"),
        new(Playbook, 0.85, PlatformMismatch(), "the image has no variant for the host's platform"), // daemon's own words
        // a hint only
        SignalRule.AnyOf(Playbook, 0.6, "the image was built on another CPU architecture (an ARM Mac, for instance) than the one it runs on", BuiltOnOtherArchitecture) with { OnlyIn = Fields.Symptom },
        new(Playbook, 0.5, ArchitectureWords(), "a CPU architecture (ARM64 / x86_64) is named"), // architecture named only
        new(Playbook, 0.9, CannotExecuteBinary(), "the shell cannot execute the binary: built for another CPU architecture"), // the shell's word for exec format error
    ];

    [GeneratedRegex(@"exec format error|exec user process caused", RegexOptions.CultureInvariant)]
    private static partial Regex ExecFormatError();

    [GeneratedRegex(@"descriptor matching platform|manifest list entries", RegexOptions.CultureInvariant)]
    private static partial Regex DescriptorPlatform();

    [GeneratedRegex(@"no matching manifest for|platform \(?linux/\w+\)? does not match", RegexOptions.CultureInvariant)]
    private static partial Regex PlatformMismatch();

    [GeneratedRegex(@"\b(arm64|aarch64|graviton\d?|armv\d\w*|amd64|x86_64|cpuarchitecture|cpu architecture)\b|\barm\b", RegexOptions.CultureInvariant)]
    private static partial Regex ArchitectureWords();

    [GeneratedRegex(@"cannot execute binary file", RegexOptions.CultureInvariant)]
    private static partial Regex CannotExecuteBinary();
}
