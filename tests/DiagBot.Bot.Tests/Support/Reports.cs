using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Triage;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Bot.Tests.Support;

/// <summary>Reports built by hand, so renderer tests pin the rendering and nothing else.</summary>
internal static class Reports
{
    public const string TaskArn = "arn:aws:ecs:us-east-1:111122223333:task/prod/0f3c9a1b2c3d4e5f60718293a4b5c6d7";

    /// <summary>The mode the hand-built verdict is about, by its kebab name (a contract) from the catalogue.</summary>
    public static FailureMode OutOfMemoryMode { get; } = Modes.Named("task-out-of-memory");

    public static DiagnosisReport OutOfMemory(string reason = "OutOfMemoryError: Container killed due to memory usage") => new()
    {
        Subject = Task(),
        Verdicts =
        [
            new Verdict
            {
                Playbook = OutOfMemoryMode.Number,
                Name = OutOfMemoryMode.Name,
                Title = OutOfMemoryMode.Title,
                Status = VerdictStatus.Confirmed,
                SubCause = "oom",
                RootCause = "Container web ran out of memory: it used more than its container hard limit of 512 MiB and was killed (exit 137).",
                Evidence =
                [
                    new EvidenceItem("ecs:DescribeTasks", "container web exit code", "137"),
                    new EvidenceItem("ecs:DescribeTasks", "container web reason", reason),
                ],
                Fix = ["Raise `memory` for container web in a new task definition revision."],
                Confirm = "aws ecs describe-tasks --region us-east-1 --cluster prod --tasks 0f3c9a1b2c3d4e5f60718293a4b5c6d7",
                Missing = [new EvidenceGap("logs", "GetLogEvents", GapReason.AccessDenied, "not authorized to perform: logs:GetLogEvents")],
            },
        ],
    };

    /// <summary>Words that name no resource and rank no playbook: the answer can only say what to type.</summary>
    public static DiagnosisReport NoMatch() => new() { Subject = new SymptomSubject("it is broken") };

    private static TaskSubject Task()
    {
        EcsTaskRef.TryParse(TaskArn, out var reference);
        return new TaskSubject(TaskArn, reference!);
    }
}
