using System.Globalization;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Playbooks.Commands;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Kubernetes;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// Playbook 4 on EKS: which credentials the pod's denied call ran with. A pod gets an IAM role from IRSA (its service
/// account's eks.amazonaws.com/role-arn annotation) or from an EKS Pod Identity association; either webhook injects its
/// variables into the containers when the pod is created. Without them the SDK's chain falls through to the node's
/// instance role, and the denial names it: "assumed-role/eksctl-...-NodeInstanceRole-.../i-0cee646fefe9d6da9"
/// (external-secrets/kubernetes-external-secrets#419; aws/amazon-eks-pod-identity-webhook#228 is the same with the
/// variables set and an SDK too old to read them).
/// </summary>
internal static class PodAccessDenied
{
    private const int LinesShown = 3;

    public static async Task<Verdict> InvestigateAsync(
        IPlaybook playbook, DiagnosisContext context, KubePod pod, string cluster, CancellationToken cancellationToken)
    {
        // A running container's current log, a restarting one's previous run: the queries triage asks, so each is read once.
        var reads = pod.ContainerStatuses.Where(s => s.Running || s.RestartCount > 0).Select(s => (
            Container: pod.Containers.FirstOrDefault(c => c.Name == s.Name) ?? new KubeContainer { Name = s.Name },
            Log: context.Evidence.Kubernetes.GetPodLogAsync(
                cluster, s.Running ? PodTermination.CurrentRun(pod, s.Name) : PodTermination.PreviousRun(pod, s.Name), cancellationToken)))
            .ToList();
        await Task.WhenAll(reads.Select(r => r.Log)).ConfigureAwait(false);

        var gaps = reads.Select(r => r.Log.Result.Gap).OfType<EvidenceGap>().ToList();
        var denials = reads
            .SelectMany(r => (r.Log.Result.Value ?? []).Select(AccessDenial.Parse).OfType<AccessDenial>().Select(d => (r.Container, Denial: d)))
            .ToList();
        var subject = $"pod {pod.Namespace}/{pod.Name}";
        if (reads.Count == 0)
        {
            return Verdict.For(playbook, VerdictStatus.RuledOut, $"No container of {subject} has run yet, so none has called AWS.");
        }

        if (denials.Count == 0)
        {
            return gaps.Count == 0
                ? Verdict.For(playbook, VerdictStatus.RuledOut, $"No AccessDenied or \"not authorized to perform\" in the last log lines of {subject}.")
                : Verdict.For(playbook, VerdictStatus.Inconclusive, $"The logs of {subject} could not be read, so whether its AWS calls are denied is unknown.")
                    with { Missing = gaps };
        }

        var (container, denial) = denials.FirstOrDefault(d => d.Denial.PrincipalArn is not null) is { Denial: not null } named ? named : denials[0];
        var account = pod.ServiceAccountName ?? "default";
        var (status, subCause, rootCause) = Decide(pod, container, denial, account);
        var credentials = container.AwsCredentials;
        return Verdict.For(playbook, status, rootCause) with
        {
            SubCause = subCause,
            Evidence =
            [
                new("kubernetes:pods", $"pod {subject} service account", account),
                new("kubernetes:pods", $"container {container.Name} AWS credentials (webhook variables)", Described(credentials)),
                new("kubernetes:pods/log", "AccessDenied lines in the last log lines read", denials.Count.ToString(CultureInfo.InvariantCulture)),
                .. denials.DistinctBy(d => (d.Denial.PrincipalArn, d.Denial.Action)).Take(LinesShown).Select(d => new EvidenceItem(
                    "kubernetes:pods/log",
                    d.Denial.PrincipalArn is null
                        ? $"container {d.Container.Name} denied call (principal not named)"
                        : $"container {d.Container.Name} denied principal {d.Denial.PrincipalArn}",
                    d.Denial.Line)),
            ],
            Missing = gaps,
            Fix = PodAccessFixes.For(subCause, pod, account, credentials, denial),
            Confirm = subCause == AppAccessDeniedPlaybook.ServiceAccountRoleDeniedSubCause && credentials.RoleArn is { } role && denial.Action is { } denied
                ? StartupCli.SimulateRole(role, [denied], denial.Resource is { } arn && arn.StartsWith("arn:", StringComparison.Ordinal) ? [arn] : [])
                : KubectlCli.PodCredentials(cluster, pod.Namespace, pod.Name),
        };
    }

    private static (VerdictStatus Status, string SubCause, string RootCause) Decide(KubePod pod, KubeContainer container, AccessDenial denial, string account)
    {
        var credentials = container.AwsCredentials;
        var what = denial.Action is { } action ? $"{action}{(denial.Resource is { } resource ? $" on {resource}" : string.Empty)}" : "an AWS call";
        var who = $"Container {container.Name} of pod {pod.Namespace}/{pod.Name}";
        return (AccessDenial.Classify(denial.PrincipalArn, credentials.RoleArn, null), credentials.Source) switch
        {
            (DeniedPrincipal.InstanceRole, null) => (VerdictStatus.Confirmed, AppAccessDeniedPlaybook.InstanceRoleFallbackSubCause,
                $"{who} called {what} as the node's instance role ({denial.PrincipalArn}), which is denied it: no IAM role reaches the pod "
                + "(neither IRSA's AWS_ROLE_ARN nor Pod Identity's AWS_CONTAINER_CREDENTIALS_FULL_URI is set), "
                + "so the SDK fell through to the node's credentials."),
            (DeniedPrincipal.InstanceRole, _) => (VerdictStatus.Likely, AppAccessDeniedPlaybook.InstanceRoleFallbackSubCause,
                $"{who} called {what} as the node's instance role ({denial.PrincipalArn}) although {Described(credentials)} is set: its AWS SDK does not "
                + "read those credentials (an SDK older than web identity or Pod Identity support), or the app sets credentials of its own."),
            (DeniedPrincipal.TaskRole, _) => (VerdictStatus.Confirmed, AppAccessDeniedPlaybook.ServiceAccountRoleDeniedSubCause,
                $"The role of service account {pod.Namespace}/{account}, {credentials.RoleArn}, is denied {what}: the pod calls AWS with it (IRSA), "
                + "and no policy on it (or on the resource) allows that call."),
            (DeniedPrincipal.Other, _) => (VerdictStatus.Likely, AppAccessDeniedPlaybook.OtherPrincipalSubCause,
                $"{who} was denied {what} as {denial.PrincipalArn}, which is neither the pod's {Described(credentials)} nor the node's instance role: "
                + "the app uses credentials of its own."),
            _ => (VerdictStatus.Likely,
                credentials.Source is null ? AppAccessDeniedPlaybook.NoTaskRoleSubCause : AppAccessDeniedPlaybook.ServiceAccountRoleDeniedSubCause,
                $"{who} is denied {what}; the error does not name the principal, and the pod's credentials are {Described(credentials)}."),
        };
    }

    private static string Described(KubeAwsCredentials credentials) => credentials switch
    {
        { Source: KubeAwsCredentials.Irsa } => $"IRSA role {credentials.RoleArn}",
        { Source: KubeAwsCredentials.PodIdentity } => "an EKS Pod Identity association",
        _ => "none (no IRSA or Pod Identity variables)",
    };
}
