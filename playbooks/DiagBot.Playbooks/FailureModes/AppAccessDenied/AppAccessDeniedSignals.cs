using System.Text.RegularExpressions;
using DiagBot.Playbooks.Classification;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// Playbook 4: the application's own AWS calls are denied (task role missing, or the permission sits on the execution role).
/// Only trusted in what the app writes (logs) or what an engineer says; in an ECS stoppedReason the same words
/// describe the agent's calls, which belong to playbooks 2, 3 or to a log-driver set-up failure.
/// </summary>
internal static partial class AppAccessDeniedSignals
{
    private const int Playbook = AppAccessDenied.Number;

    /// <summary>The one read that confirms or refutes this failure mode when triage is unsure.</summary>
    public const string Decider = "the principal the denial names: the task role or another (the log line, or aws cloudtrail lookup-events for the denied call)";

    public static IReadOnlyList<SignalRule> Rules { get; } =
    [
        new(Playbook, 0.85, Denied(), "the application's AWS call was denied (check the task role, not the execution role)") { OnlyIn = Fields.Free },
        new(Playbook, 0.3, Denied(), "an AWS call was denied") { NotIn = Fields.Free },
        new(Playbook, 0.75, NoCredentials(), "the application found no AWS credentials (no task role, or the SDK cannot reach the credentials endpoint)") { OnlyIn = Fields.Free },
        new(Playbook, 0.6, RoleWords(), "the task role or the role the app assumes is in question") { OnlyIn = Fields.Symptom },
        new(Playbook, 0.8, DeniedWithoutTheWord(), "the app's AWS calls are refused without the word AccessDenied (403s, missing permission, no credentials from the metadata service)") { OnlyIn = Fields.Free }, // a denial in other words
    ];

    [GeneratedRegex(@"not authorized to perform|accessdenied|access denied|access to kms is not allowed|does not have (the )?permissions? to|is not authorized to|\(403\) when calling|operation: forbidden|\b403\b.{0,20}forbidden|forbidden.{0,20}\b403\b", RegexOptions.CultureInvariant)]
    private static partial Regex Denied();

    [GeneratedRegex(@"unable to locate credentials|unable to load (aws )?credentials|from any provider in the chain|security token included in the request is invalid|nocredentialproviders|no valid providers in chain|could not load credentials|credentials? (could not|cannot) be (loaded|found)", RegexOptions.CultureInvariant)]
    private static partial Regex NoCredentials();

    [GeneratedRegex(@"task (iam )?roles?|assumed[- ]role|instance role|machine role", RegexOptions.CultureInvariant)]
    private static partial Regex RoleWords();

    [GeneratedRegex(@"permission to (use|access|call|read|write) \w+|cannot (do|perform|call)\b.{0,40}\b(s3|sts|dynamodb|sqs|sns|kms)\b|\b403s? from (s3|dynamodb|sqs|sts|kms|aws)|unable to get iam security credentials|you are not authorized to perform this operation|\(403\) forbidden|status code: 403", RegexOptions.CultureInvariant)]
    private static partial Regex DeniedWithoutTheWord();
}
