using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Commands;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Services;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// Playbook 14: "exec format error". Does the image's CPU architecture differ from the task's runtimePlatform, or, on EKS,
/// from the node's (<see cref="PodExecFormatError"/>)?
/// </summary>
internal sealed class ExecFormatErrorPlaybook : IPlaybook
{
    public const string ArchitectureMismatchSubCause = "architecture-mismatch";
    public const string ArchitectureUnverifiedSubCause = "architecture-unverified";
    public const string SameArchitectureSubCause = "entrypoint-not-executable";

    private const int LastLogLines = 20;
    private const string ImageInference = "inferred from the image reference: DiagBot reads no image manifest";

    public int Id => ExecFormatError.Number;

    public string Name => ExecFormatError.Name;

    public string Title => ExecFormatError.Title;

    public async Task<Verdict> InvestigateAsync(DiagnosisContext context, CancellationToken cancellationToken)
    {
        if (context is { Pod: { } pod, KubernetesCluster: { } cluster })
        {
            return await PodExecFormatError.InvestigateAsync(this, context, pod, cluster, cancellationToken).ConfigureAwait(false);
        }

        if (context.Task is not { } task)
        {
            return NewVerdict(VerdictStatus.Inconclusive,
                "No task or pod to read; give the id or ARN of a task that failed to start, or `pod <namespace>/<name>`.");
        }

        var definition = await context.Evidence.Ecs.DescribeTaskDefinitionAsync(task.TaskDefinitionArn, cancellationToken).ConfigureAwait(false);
        var found = ExecFormatSighting.InTask(task);
        var missing = new List<EvidenceGap>();
        if (definition.Gap is { } definitionGap)
        {
            missing.Add(definitionGap);
        }

        if (found is null && definition.Value is { } read)
        {
            var (fromLogs, logGaps) = await ExecFormatSighting.InLogsAsync(context.Evidence.Logs, task, read, LastLogLines, cancellationToken).ConfigureAwait(false);
            found = fromLogs;
            missing.AddRange(logGaps);
        }

        if (found is null)
        {
            return missing.Count == 0
                ? NewVerdict(VerdictStatus.RuledOut, $"No \"exec format error\" in task {task.TaskId}'s reasons or its containers' last {LastLogLines} log lines.")
                : NewVerdict(VerdictStatus.Inconclusive, $"No \"exec format error\" in task {task.TaskId}'s reasons; its containers' logs could not be read to look further.")
                    with { Missing = missing };
        }

        if (FixedByLaterDeploy.Find(context, task) is { } fixedBy)
        {
            return fixedBy.RuledOut(this, task, "could not start its entrypoint (exec format error)",
                new(found.Source, $"container {found.Container} {found.Where}", found.Line));
        }

        return Decide(task, definition.Value, found, missing);
    }

    private Verdict Decide(EcsTask task, EcsTaskDefinition? definition, ExecFormatSighting found, List<EvidenceGap> missing)
    {
        var image = definition?.ContainerDefinitions.FirstOrDefault(c => c.Name == found.Container)?.Image
            ?? task.Containers.FirstOrDefault(c => c.Name == found.Container)?.Image ?? "(unknown image)";
        var taskArchitecture = TaskArchitecture(task, definition);
        var imageArchitecture = ImageArchitecture.NamedBy(image);
        var evidence = new List<EvidenceItem>
        {
            new(found.Source, $"container {found.Container} {found.Where}", found.Line),
            new("ecs:DescribeTaskDefinition", "runtimePlatform.cpuArchitecture", taskArchitecture.Shown),
            new(definition is null ? "ecs:DescribeTasks" : "ecs:DescribeTaskDefinition", $"container {found.Container} image", image),
            new("(inference)", $"image architecture, {ImageInference}", imageArchitecture ?? "(not named by the reference)"),
        };

        var (status, subCause, rootCause) = (taskArchitecture.Value, imageArchitecture) switch
        {
            ({ } runs, { } built) when runs != built => (VerdictStatus.Confirmed, ArchitectureMismatchSubCause,
                $"Container {found.Container} cannot start: the task runs on {runs} (runtimePlatform, read) but its image {image} is built for {built} ({ImageInference}), so the kernel rejects the entrypoint with \"exec format error\"."),
            ({ } runs, { }) => (VerdictStatus.Likely, SameArchitectureSubCause,
                $"Container {found.Container} failed with \"exec format error\" although its image names the task's own {runs}: the entrypoint is likely not executable here (a script without a #! line, or a binary copied in from another architecture)."),
            _ => (VerdictStatus.Likely, ArchitectureUnverifiedSubCause,
                $"Container {found.Container} failed with \"exec format error\": its image {image} is most likely built for another CPU architecture than the task's {taskArchitecture.Value ?? "(unread)"}; the image's architecture could not be read, only inferred."),
        };

        return NewVerdict(status, rootCause) with
        {
            SubCause = subCause,
            Evidence = evidence,
            Missing = missing,
            Fix = Fix(taskArchitecture.Value, image),
            Confirm = ImagePlatformCli.InspectImageAgainstTaskDefinition(task, image),
        };
    }

    // Fargate defaults to X86_64 without runtimePlatform; on EC2 the container instance's architecture decides, which DiagBot does not read.
    private static (string? Value, string Shown) TaskArchitecture(EcsTask task, EcsTaskDefinition? definition)
    {
        if (definition is null)
        {
            return (null, "(task definition not read)");
        }

        if (definition.CpuArchitecture is { } set)
        {
            return (set, set);
        }

        var onFargate = task.LaunchType == "FARGATE" || task.CapacityProviderName?.StartsWith("FARGATE", StringComparison.Ordinal) == true;
        return onFargate ? (ImageArchitecture.X86, $"(not set: {ImageArchitecture.X86} by default on Fargate)") : (null, "(not set: the EC2 instance's architecture decides, not read)");
    }

    private static List<string> Fix(string? taskArchitecture, string image) =>
    [
        $"Build and push {image} for the task's platform ({Platform(taskArchitecture)}): `docker buildx build --platform ...`, or as a multi-platform image (`--platform linux/amd64,linux/arm64`).",
        $"Or set the task definition's runtimePlatform.cpuArchitecture to the image's architecture (Fargate: {ImageArchitecture.X86} or {ImageArchitecture.Arm}; on EC2, use instances of that architecture) and deploy the new revision.",
        "If the image's architecture already matches, check the entrypoint: a shell script needs a #! line and LF line endings; a copied binary must be built for the same architecture.",
    ];

    private static string Platform(string? architecture) => architecture switch
    {
        ImageArchitecture.Arm => "linux/arm64",
        ImageArchitecture.X86 => "linux/amd64",
        _ => "linux/amd64 for X86_64, linux/arm64 for ARM64",
    };

    private Verdict NewVerdict(VerdictStatus status, string rootCause) => Verdict.For(this, status, rootCause);
}
