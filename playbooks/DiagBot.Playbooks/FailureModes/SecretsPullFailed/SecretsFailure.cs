using DiagBot.Diagnostics.Ecs;
using DiagBot.Playbooks.Ecs;

namespace DiagBot.Playbooks.FailureModes;

internal enum SecretsFailureKind
{
    Unclassified,
    AccessDenied,
    NotFound,
    Network,
}

/// <summary>
/// Which kind of secrets failure a ResourceInitializationError names. Markers are in normalised form and cover the
/// agent's "unable to retrieve secret from asm" / "secrets from ssm" wordings and the newer "The task cannot pull
/// secrets from AWS Systems Manager. There is a connection issue ..." prefix.
/// </summary>
internal static class SecretsFailure
{
    public static readonly string[] SecretMarkers =
    [
        "retrieve secret", "from asm", "from ssm", "secrets manager", "secretsmanager", "parameter store", "getsecretvalue",
        "getparameter", "failed to fetch secret", "invalid ssm parameters", "cannot pull secrets", "ssm parameter",
    ];

    private static readonly string[] DeniedMarkers = ["accessdenied", "not authorized to perform", "decrypt"];
    private static readonly string[] NotFoundMarkers =
    [
        "resourcenotfoundexception", "parameternotfound", "invalid ssm parameters", "can't find the specified secret", "invalidparameters",
    ];

    private static readonly string[] NetworkMarkers =
    [
        "context deadline exceeded", "i/o timeout", "requestcanceled", "request canceled", "connection issue", "check your task network configuration",
        "send request failed", "no such host",
    ];

    public static bool IsSecretsFailure(TaskFailureText text) => text.ContainsAny(SecretMarkers) && !text.ContainsAny(["ecr registry auth"]);

    public static SecretsFailureKind Classify(TaskFailureText text) => text switch
    {
        _ when text.ContainsAny(DeniedMarkers) => SecretsFailureKind.AccessDenied,
        _ when text.ContainsAny(NotFoundMarkers) => SecretsFailureKind.NotFound,
        _ when text.ContainsAny(NetworkMarkers) => SecretsFailureKind.Network,
        _ => SecretsFailureKind.Unclassified,
    };

    /// <summary>The endpoint suffixes the task's secrets need: secretsmanager for Secrets Manager ARNs, ssm for parameters.</summary>
    public static IReadOnlyList<string> EndpointsFor(IEnumerable<EcsSecret> secrets, TaskFailureText text)
    {
        var list = secrets.ToList();
        var needs = new List<string>();
        if (list.Any(s => s.ValueFrom.Contains(":secretsmanager:", StringComparison.Ordinal)) || text.ContainsAny(["asm", "secrets manager", "secretsmanager"]))
        {
            needs.Add("secretsmanager");
        }

        if (list.Any(s => !s.ValueFrom.Contains(":secretsmanager:", StringComparison.Ordinal)) || text.ContainsAny(["ssm", "parameter store"]))
        {
            needs.Add("ssm");
        }

        return needs;
    }
}
