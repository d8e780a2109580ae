using System.Text.RegularExpressions;
using DiagBot.Playbooks.Classification;

namespace DiagBot.Playbooks.FailureModes;

// Playbook 4: the application's own AWS calls are denied (task role missing, or the permission sits on the execution role).
// Only trusted in what the app writes (logs) or what an engineer says; in an ECS stoppedReason the same words
// describe the agent's calls, which belong to playbooks 2, 3 or to a log-driver set-up failure.
internal static partial class AppAccessDeniedSignals
{
    public const int Playbook = 4;

    public static IReadOnlyList<SignalRule> Rules { get; } =
    [
        new(Playbook, 0.85, Denied(), "the application's AWS call was denied (check the task role, not the execution role)") { OnlyIn = Fields.Free },
        new(Playbook, 0.3, Denied(), "an AWS call was denied") { NotIn = Fields.Free },
        new(Playbook, 0.75, NoCredentials(), "the application found no AWS credentials (no task role, or the SDK cannot reach the credentials endpoint)") { OnlyIn = Fields.Free },
        new(Playbook, 0.6, RoleWords(), "the task role or the role the app assumes is in question") { OnlyIn = Fields.Symptom },
    ];

    [GeneratedRegex(@"not authorized to perform|accessdenied|access denied|access to kms is not allowed|does not have (the )?permissions? to|is not authorized to|\(403\) when calling|operation: forbidden|\b403\b.{0,20}forbidden|forbidden.{0,20}\b403\b", RegexOptions.CultureInvariant)]
    private static partial Regex Denied();

    [GeneratedRegex(@"unable to locate credentials|unable to load (aws )?credentials|from any provider in the chain|security token included in the request is invalid|nocredentialproviders|no valid providers in chain|could not load credentials|credentials? (could not|cannot) be (loaded|found)", RegexOptions.CultureInvariant)]
    private static partial Regex NoCredentials();

    [GeneratedRegex(@"task (iam )?roles?|assumed[- ]role|instance role|machine role", RegexOptions.CultureInvariant)]
    private static partial Regex RoleWords();
}
