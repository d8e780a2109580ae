using System.Text.RegularExpressions;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Outside;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>Playbook 3: the task cannot read its `secrets` from Secrets Manager or SSM Parameter Store before it starts.</summary>
internal static partial class SecretsPullFailedSignals
{
    private const int Playbook = SecretsPullFailed.Number;

    /// <summary>The one read that confirms or refutes this failure mode when triage is unsure.</summary>
    public const string Decider = "the stoppedReason's ResourceInitializationError and the secret it names (aws ecs describe-tasks --query 'tasks[0].stoppedReason')";

    // Declared before Rules: static initialisers run in textual order.
    private static readonly HashSet<int> _agentNotApp = [AppAccessDenied.Number];

    private static readonly Phrase[] SecretRetrieval =
    [
        Phrase.Of("a secret could not be fetched", @"(retrieve|get|fetch) (the )?secrets? (from|with)|failed to fetch secret"),
        Phrase.Of("Secrets Manager or Parameter Store named", @"secretsmanager|secrets manager|parameter store"),
        Phrase.Of("SSM secrets", @"\bssm\b.{0,40}secret|secret.{0,40}\bssm\b"),
        Phrase.Of("the secret-reading calls", @"getsecretvalue|ssm:getparameters?"),
        Phrase.Of("the agent's secret words", @"\b(asm|ssm) secret|task secret data"),
    ];

    // Issue 19, batches 10-13 by family (the ResourceInitializationError page: the agent cannot retrieve the secrets, often for
    // want of a route to Secrets Manager or SSM): a secret that can no longer be "resolved" or read, and the route to the SSM or
    // Secrets Manager API named as the trouble. An engineer's words, below the agent's own.
    private static readonly SignalRule SecretsOutOfReach = SignalRule.AnyOf(Playbook, 0.75,
        "the task's secrets cannot be read, or their API cannot be reached, in an engineer's words",
        Phrase.Of("the secret cannot be resolved or read", @"\b(not possible|unable|impossible|can'?t|cannot|could not|couldn'?t|fail\w*) to "
            + @"(resolve|read|load|retrieve|fetch|get|inject) (the |my |our |its )?(secrets?|parameters?|ssm parameters?)\b"),
        // Sweep (chat-a), docker-archive/compose-cli#2079: "I'm having issue loading an external secret into the sidecar during container start up"
        Phrase.Of("trouble loading a secret", @"\b(issues?|problems?|trouble|errors?) (loading|fetching|reading|retrieving|resolving|injecting) "
            + @"(the |an |a |my |our )?(external )?secrets?\b"),
        Phrase.Of("the route to the secrets API", @"\b(route|path|connectivity|access) to (the )?(ssm|secrets ?manager|parameter store)( api| endpoints?)?\b"));

    // Sweep (aws, second), aws/amazon-ecs-agent@8dfceca: the agent's log when a secret resource cannot be created,
    // "Managed task [...]: error transitioning resource [ssmsecret] to [CREATED]: fetching secret data from SSM Parameter Store in
    // us-west-2: invalid parameters: /name" (agent/taskresource/ssmsecret/ssmsecret.go:350, asmsecret the same). The agent's own
    // words in its own log: not the app's call, so not held down like other log lines.
    private static readonly SignalRule AgentSecretResourceFailed = SignalRule.AnyOf(Playbook, 0.9,
        "the agent could not create the task's secret resource (the execution role, the parameter or secret named, or the route to it)",
        Phrase.Of("a secret resource could not be created", @"error transitioning resource \[(ssmsecret|asmsecret)\]"),
        Phrase.Of("the agent fetching secret data", @"fetching secret data from (ssm parameter store|aws secrets manager)")) with
    {
        ExplainsAway = _agentNotApp,
    };

    public static IReadOnlyList<SignalRule> Rules { get; } =
    [
        SecretsOutOfReach,
        AgentSecretResourceFailed,
        // The AccessDenied inside an agent's secrets error is the execution role's, not the app's (playbook 4).
        new(Playbook, 0.7, UnableToPullSecrets(), "ResourceInitializationError naming secrets (\"unable to pull secrets or registry auth\")") { ExplainsAway = _agentNotApp },
        // agent's own words
        SignalRule.AnyOf(Playbook, 0.95, "the task's secrets could not be read from Secrets Manager / SSM Parameter Store", SecretRetrieval) with
        {
            NotIn = Fields.Log,
            ExplainsAway = _agentNotApp,
        },
        // logs are noisy
        SignalRule.AnyOf(Playbook, 0.35, "a secret read failed in a log line (the app's own call would be playbook 4)", SecretRetrieval) with { OnlyIn = Fields.Log },
        // generic error code
        new(Playbook, 0.25, ResourceInitialization(), "ResourceInitializationError: the task's resources (secrets, registry auth, logs) could not be prepared"),
        new(Playbook, 0.6, SecretsNetwork(), "sub-cause: no network path to secretsmanager / ssm (NAT or VPC endpoints)"), // sub-cause, a timeout
        // agent's own words
        new(Playbook, 0.6, EnvironmentFiles(), "the task's environment files could not be downloaded from S3 (execution role or the S3 route)"),
        new(Playbook, 0.6, SecretsNotLoading(), "the task's secrets are not being loaded") { OnlyIn = Fields.Symptom }, // vague words
        new(Playbook, 0.6, SecretsKms(), "sub-cause: the execution role cannot decrypt the secret with KMS"), // sub-cause named
        new(Playbook, 0.9, SecretDenied(), "the secrets the task definition names were denied to the task execution role"), // secret and denial together
    ];

    [GeneratedRegex(@"unable to pull secrets", RegexOptions.CultureInvariant)]
    private static partial Regex UnableToPullSecrets();

    [GeneratedRegex(@"resourceinitializationerror", RegexOptions.CultureInvariant)]
    private static partial Regex ResourceInitialization();

    [GeneratedRegex(@"(secret|\bssm\b|\basm\b).{0,240}(context deadline exceeded|request ?canceled|i/o timeout|check your task network)", RegexOptions.CultureInvariant)]
    private static partial Regex SecretsNetwork();

    [GeneratedRegex(@"failed to download env files|environment ?files?", RegexOptions.CultureInvariant)]
    private static partial Regex EnvironmentFiles();

    // docker-archive/compose-cli#1510: "Its not possible to resolve the secret anymore"
    [GeneratedRegex(@"\bsecrets?\b.{0,40}\b(not|fail\w*|can'?t|cannot|unable|error|missing|empty)\b|\b(fail\w*|unable|can'?t|cannot)\b.{0,30}\bsecrets?\b"
        + @"|(not possible|impossible) to (resolve|read|fetch|retrieve|get) (the )?secrets?", RegexOptions.CultureInvariant)]
    private static partial Regex SecretsNotLoading();

    [GeneratedRegex(@"secret.{0,240}\bkms\b", RegexOptions.CultureInvariant)]
    private static partial Regex SecretsKms();

    [GeneratedRegex(@"--secrets\b.{0,60}(accessdenied|access denied|not authorized)|execution role.{0,40}(permissions?|access).{0,20}(kms|secret|ssm|parameter)|secrets?\b.{0,40}(accessdenied|access denied)", RegexOptions.CultureInvariant)]
    private static partial Regex SecretDenied();
}
