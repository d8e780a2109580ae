using DiagBot.Diagnostics.Ecs;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Triage;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.Services;

/// <summary>
/// The start failures of one revision (its image, its secrets, its binary) read from a service's stopped task: history when
/// the service has since rolled out another revision and runs every task, today's problem while that revision is current.
/// </summary>
[Collection(SandboxReads.Name)]
public sealed class FixedByLaterDeployTests(SandboxEvidenceFixture sandbox)
{
    public static TheoryData<string, int, string> StartFailures => new()
    {
        { "p03-secrets-pull-failed", SecretsPullFailed.Number, "could not read its secrets" },
        { "p14-exec-format-error", ExecFormatError.Number, "could not start its entrypoint (exec format error)" },
    };

    [Theory]
    [MemberData(nameof(StartFailures))]
    public async Task Investigate_ServiceSinceDeployedWithAnotherRevision_IsRuledOutNamingTheCurrentOne(string scenario, int playbook, string failed)
    {
        var context = await ServiceContextAsync(scenario, current => current with { TaskDefinition = current.TaskDefinition + "-fixed" });

        var verdict = await Playbook(playbook).InvestigateAsync(context, CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
        Assert.Contains($"Task {context.Task!.TaskId} of ", verdict.RootCause, StringComparison.Ordinal);
        Assert.Contains($"{failed}, but service web has been deployed since", verdict.RootCause, StringComparison.Ordinal);
        Assert.Contains("with 2 of 2 tasks running and its rollout completed", verdict.RootCause, StringComparison.Ordinal);
        Assert.StartsWith("aws ecs describe-services --region us-east-1 --cluster prod --services web ", verdict.Confirm, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StartFailures))]
    public async Task Investigate_ServiceStillOnTheFailingRevision_IsStillConfirmed(string scenario, int playbook, string failed)
    {
        var context = await ServiceContextAsync(scenario, current => current);

        var verdict = await Playbook(playbook).InvestigateAsync(context, CancellationToken.None);

        Assert.Equal(VerdictStatus.Confirmed, verdict.Status);
        Assert.DoesNotContain(failed + ", but", verdict.RootCause, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StartFailures))]
    public async Task Investigate_RolloutOfTheNewRevisionStillInProgress_IsStillConfirmed(string scenario, int playbook, string failed)
    {
        var context = await ServiceContextAsync(
            scenario, current => current with { TaskDefinition = current.TaskDefinition + "-fixed", RolloutState = "IN_PROGRESS", RunningCount = 1 });

        var verdict = await Playbook(playbook).InvestigateAsync(context, CancellationToken.None);

        Assert.Equal(VerdictStatus.Confirmed, verdict.Status);
        Assert.DoesNotContain(failed + ", but", verdict.RootCause, StringComparison.Ordinal);
    }

    private static IPlaybook Playbook(int id) => PlaybookCatalog.Create().Single(p => p.Id == id);

    // The scenario's stopped task as a service subject finds it: the service's PRIMARY deployment is shaped by the test.
    private async Task<DiagnosisContext> ServiceContextAsync(string scenario, Func<EcsDeployment, EcsDeployment> shape)
    {
        var task = (await sandbox.TaskContextAsync(scenario)).Task!;
        var primary = shape(new EcsDeployment(
            "ecs-svc/1234567890123456789", "PRIMARY", task.TaskDefinitionArn, 2, 2, 0, 0, "COMPLETED", null, null, null));
        var service = new EcsService
        {
            ServiceArn = "arn:aws:ecs:us-east-1:111122223333:service/prod/web",
            ServiceName = "web",
            ClusterArn = task.ClusterArn,
            DesiredCount = 2,
            RunningCount = primary.RunningCount,
            Deployments = [primary],
        };
        return new DiagnosisContext(new ServiceSubject("service web", "web", "prod"), sandbox.Sessions.StartSession(), sandbox.Clock)
        {
            Task = task,
            Service = service,
        };
    }
}
