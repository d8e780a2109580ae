using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Commands;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Services;
using DiagBot.Playbooks.Triage;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>Playbook 4: the app runs but its AWS calls are denied. Which principal was denied, and is it the one that should hold the permission?</summary>
internal sealed class AppAccessDeniedPlaybook : IPlaybook
{
    public const string TaskRoleDeniedSubCause = "task-role-denied";
    public const string PermissionOnExecutionRoleSubCause = "permission-on-execution-role";
    public const string InstanceRoleFallbackSubCause = "instance-role-fallback";
    public const string NoTaskRoleSubCause = "no-task-role";
    public const string OtherPrincipalSubCause = "other-principal";
    public const string ServiceAccountRoleDeniedSubCause = "service-account-role-denied";

    /// <summary>How far back a running task's denials are looked for.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(3);

    /// <summary>What triage reads early for this mode (<see cref="FailureModes.EarlyReads"/>).</summary>
    public static EarlyReads EarlyReads { get; } = new() { ForService = [(evidence, service, now, cancellationToken) => AccessDenialReader.PrefetchAsync(evidence, service, now - Window, now, cancellationToken)] };

    public int Id => AppAccessDenied.Number;

    public string Name => AppAccessDenied.Name;

    public string Title => AppAccessDenied.Title;

    public async Task<Verdict> InvestigateAsync(DiagnosisContext context, CancellationToken cancellationToken)
    {
        if (context is { Pod: { } pod, KubernetesCluster: { } cluster })
        {
            return await PodAccessDenied.InvestigateAsync(this, context, pod, cluster, cancellationToken).ConfigureAwait(false);
        }

        var gaps = new List<EvidenceGap>();
        var task = context.Subject is TaskSubject ? context.Task : null;
        if (task is null && context.Service is { } service)
        {
            // A running task shows what the app does now; the latest stopped one is the fallback.
            var (running, runningGaps) = await ServiceScope.TasksAsync(context.Evidence.Ecs, service, "RUNNING", 1, cancellationToken).ConfigureAwait(false);
            gaps.AddRange(runningGaps);
            task = running.FirstOrDefault() ?? context.Task;
        }

        if ((task?.TaskDefinitionArn ?? context.Service?.TaskDefinition) is not { } definitionArn)
        {
            return NewVerdict(VerdictStatus.Inconclusive, "No task or service to read the application's roles and logs from; give the service or task.") with { Missing = gaps };
        }

        var region = ServiceScope.RegionOf(task?.TaskArn ?? definitionArn);
        var definition = await context.Evidence.Ecs.DescribeTaskDefinitionAsync(definitionArn, cancellationToken).ConfigureAwait(false);
        if (definition.Value is not { } read)
        {
            return NewVerdict(VerdictStatus.Inconclusive, $"The task definition {definitionArn} could not be read, so neither the app's roles nor its log group are known.")
                with { Missing = [.. gaps, definition.Gap!], Confirm = ServiceCli.TaskDefinitionRoles(region, definitionArn) };
        }

        var now = context.Now;
        var (start, end) = task?.StoppedAt is { } stopped ? ((task.CreatedAt ?? stopped) - TimeSpan.FromMinutes(15), stopped + TimeSpan.FromMinutes(15)) : (now - Window, now);
        var denials = await AccessDenialReader.ReadAsync(context.Evidence, read, task, start, end, cancellationToken).ConfigureAwait(false);
        gaps.AddRange(denials.Missing);
        var groups = AccessDenialReader.LogGroupsOf(read, task?.TaskArn);
        // The roles, then the denial naming its principal: the two facts the verdict compares.
        var confirm = ServiceCli.TaskDefinitionRoles(region, read.TaskDefinitionArn)
            + (groups.Count > 0 ? " && " + ServiceCli.FilterDenials(groups[0], region, AccessDenial.LogFilterPattern) : string.Empty);
        var evidence = AppAccessEvidence.Roles(read, task).Concat(AppAccessEvidence.Denials(denials)).ToList();
        var verdict = Decide(read, task, denials) with { Evidence = evidence, Missing = gaps, Confirm = confirm };
        return verdict with { Fix = verdict.SubCause is { } subCause ? AppAccessEvidence.Fix(subCause, read, denials) : [] };
    }

    private Verdict Decide(EcsTaskDefinition definition, EcsTask? task, AccessDenialReader denials)
    {
        var logged = denials.Logged.FirstOrDefault(d => d.PrincipalArn is not null) ?? denials.Logged.FirstOrDefault();
        var trail = denials.TrailDenied.FirstOrDefault();
        if (logged is null && trail is null)
        {
            return denials.LogsRead
                ? NewVerdict(VerdictStatus.RuledOut, $"No AccessDenied or \"not authorized to perform\" in the application's logs ({string.Join(", ", AccessDenialReader.LogGroupsOf(definition, task?.TaskArn).Select(g => g.LogGroupName))}) in the window read.")
                : NewVerdict(VerdictStatus.Inconclusive, "The application's logs could not be read, and CloudTrail shows no denied call for it, so whether it gets AccessDenied is unknown.");
        }

        var principal = logged?.PrincipalArn ?? trail?.PrincipalArn ?? trail?.SessionIssuerArn;
        var kind = AccessDenial.Classify(principal, definition.TaskRoleArn, definition.ExecutionRoleArn);
        var what = (logged?.Action ?? trail?.EventName) is { } action ? $"{action}{(logged?.Resource is { } resource ? $" on {resource}" : string.Empty)}" : "an AWS call";
        var principalText = principal ?? "a principal the error does not name";

        // Confirmed needs the denial in the app's own logs, the principal it names, and the task definition's roles.
        var proven = denials.LogsRead && logged?.PrincipalArn is not null && kind is not (DeniedPrincipal.Unknown or DeniedPrincipal.Other);
        var status = proven ? VerdictStatus.Confirmed : VerdictStatus.Likely;
        var allowed = denials.ExecutionRoleAllowed.FirstOrDefault();
        if (allowed is not null && kind is DeniedPrincipal.TaskRole or DeniedPrincipal.InstanceRole or DeniedPrincipal.Unknown)
        {
            return NewVerdict(status, $"The app was denied {what} as {principalText}, while CloudTrail shows the execution role {definition.ExecutionRoleArn} making {allowed.EventName} successfully: the permission sits on the execution role, which ECS uses only to start the task, not on the role the app calls with (DiagBot does not read IAM policies; this is what CloudTrail shows).")
                with { SubCause = PermissionOnExecutionRoleSubCause };
        }

        return kind switch
        {
            DeniedPrincipal.TaskRole => NewVerdict(status, $"The task role {definition.TaskRoleArn} is denied {what}: the app calls AWS with the task role, and no policy on it (or on the resource) allows that call.")
                with { SubCause = TaskRoleDeniedSubCause },
            DeniedPrincipal.InstanceRole => NewVerdict(status, definition.TaskRoleArn is null
                    ? $"The task definition has no task role, so the app's call {what} fell back to the EC2 instance profile ({principalText}), which is denied it."
                    : $"The app called {what} as the EC2 instance profile ({principalText}) instead of its task role {definition.TaskRoleArn}: the container did not get the task role's credentials.")
                with { SubCause = InstanceRoleFallbackSubCause },
            DeniedPrincipal.ExecutionRole => NewVerdict(status, $"The app's call {what} ran as the execution role {definition.ExecutionRoleArn}, which is denied it: application permissions belong on a task role{(definition.TaskRoleArn is null ? ", and this task definition has none" : string.Empty)}.")
                with { SubCause = PermissionOnExecutionRoleSubCause },
            DeniedPrincipal.Other => NewVerdict(VerdictStatus.Likely, $"The app's call {what} was denied for {principalText}, which is neither the task role nor the execution role: the app uses credentials of its own (an assumed role or keys).")
                with { SubCause = OtherPrincipalSubCause },
            _ when definition.TaskRoleArn is null => NewVerdict(VerdictStatus.Likely, $"The app is denied {what} and its task definition has no task role: on EC2 its calls fall back to the instance profile, on Fargate it has no AWS credentials at all.")
                with { SubCause = NoTaskRoleSubCause },
            _ => NewVerdict(VerdictStatus.Likely, $"The app is denied {what}; the error does not name the principal, and the app should be calling with its task role {definition.TaskRoleArn}.")
                with { SubCause = TaskRoleDeniedSubCause },
        };
    }

    private Verdict NewVerdict(VerdictStatus status, string rootCause) => Verdict.For(this, status, rootCause);
}
