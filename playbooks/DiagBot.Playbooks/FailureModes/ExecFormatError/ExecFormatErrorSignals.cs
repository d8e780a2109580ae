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

    public static IReadOnlyList<SignalRule> Rules { get; } =
    [
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
