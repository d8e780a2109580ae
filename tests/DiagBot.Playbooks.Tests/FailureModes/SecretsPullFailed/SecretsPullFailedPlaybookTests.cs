using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>Playbook 3 against the sandbox: billing-worker's execution role denied GetSecretValue on its database password.</summary>
[Collection(SandboxReads.Name)]
public sealed class SecretsPullFailedPlaybookTests(SandboxEvidenceFixture sandbox)
{
    private const string Scenario = "p03-secrets-pull-failed";
    private const string Role = "billing-worker-execution-role";

    [Fact]
    public async Task Diagnose_SeededDeniedSecret_ConfirmsAccessDeniedWithTheRealRoleAndSecret()
    {
        var report = await sandbox.DiagnoseAsync(Scenario);

        var first = report.Verdicts[0];
        Assert.Equal((SecretsPullFailed.Number, VerdictStatus.Confirmed, SecretsPullFailedPlaybook.AccessDeniedSubCause),
            (first.Playbook, first.Status, first.SubCause));
        Assert.Contains($"--policy-source-arn arn:aws:iam::{sandbox.Sandbox.Options.AccountId}:role/{Role}", first.Confirm, StringComparison.Ordinal);
        Assert.Contains("--action-names secretsmanager:GetSecretValue", first.Confirm, StringComparison.Ordinal);
        Assert.Contains(":secret:prod/billing/db-password-Xy12Ab", first.Confirm, StringComparison.Ordinal);
        Assert.Contains(first.Evidence, e => e.Source == "cloudtrail:LookupEvents" && e.Value.StartsWith("GetSecretValue AccessDenied", StringComparison.Ordinal));
        Assert.Contains(first.Evidence, e => e.Fact == "container worker secret DB_PASSWORD");
        Assert.Empty(first.Missing);
    }

    [Fact]
    public async Task Investigate_HealthyRunningTask_IsRuledOut()
    {
        var verdict = await CreateSut().InvestigateAsync(await sandbox.ServiceTaskContextAsync("orders-api"), CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
    }

    [Theory]
    [InlineData("p02-cannot-pull-image")]
    [InlineData("p07-task-oom")]
    [InlineData("lookalike-user-stop")]
    public async Task Investigate_UnrelatedOrNeighbouringFailure_IsRuledOut(string scenario)
    {
        var verdict = await CreateSut().InvestigateAsync(await sandbox.TaskContextAsync(scenario), CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
    }

    [Fact]
    public async Task Investigate_CloudTrailDenied_IsLikelyFromTheReasonAndNamesTheGap()
    {
        var verdict = await InvestigateWithFaultAsync("cloudtrail", "LookupEvents");

        Assert.Equal((VerdictStatus.Likely, SecretsPullFailedPlaybook.AccessDeniedSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains(verdict.Missing, gap => gap.Operation == "LookupEvents");
        Assert.Contains(Role, verdict.Confirm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_TaskDefinitionDenied_ConfirmsFromCloudTrailAndNamesTheGap()
    {
        var verdict = await InvestigateWithFaultAsync("ecs", "DescribeTaskDefinition");

        // CloudTrail's denied call, made in a session named after this task, decides it; the role comes from the session.
        Assert.Equal((VerdictStatus.Confirmed, SecretsPullFailedPlaybook.AccessDeniedSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains(verdict.Missing, gap => gap.Operation == "DescribeTaskDefinition");
        Assert.Contains(Role, verdict.Confirm, StringComparison.Ordinal);
    }

    private async Task<Verdict> InvestigateWithFaultAsync(string service, string operation) =>
        await sandbox.InvestigateDeniedAsync(CreateSut(), await sandbox.TaskContextAsync(Scenario), service, operation);

    private static SecretsPullFailedPlaybook CreateSut() => new();
}
