using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Ecs;
using DiagBot.Playbooks.Tests.Fakes;

namespace DiagBot.Playbooks.Tests.Ecs;

/// <summary>Issue 18 item 7: a throttled CloudTrail lookup is a gap for that lookup alone.</summary>
public sealed class RoleDenialReaderTests
{
    private const string SecretArn = $"arn:aws:secretsmanager:us-east-1:{StartupTasks.Account}:secret:ledger/api-key-AbC123";
    private static readonly string[] Sources = ["secretsmanager.amazonaws.com", "ssm.amazonaws.com", "kms.amazonaws.com"];

    [Fact]
    public async Task ReadAsync_KmsLookupThrottled_KeepsTheSecretsManagerDenialAndNamesTheThrottledLookup()
    {
        var evidence = StartupTasks.Network();
        evidence.AuditEvents.Add(StartupTasks.Denied("secretsmanager.amazonaws.com", "GetSecretValue", "secretsmanager:GetSecretValue", SecretArn));
        evidence.ThrottledSources.Add("kms.amazonaws.com");
        var task = StartupTasks.Task("STOPPED");

        var read = await RoleDenialReader.ReadAsync(StartupTasks.Context(task, evidence), task, StartupTasks.ExecutionRoleArn, Sources, CancellationToken.None);

        Assert.Equal("GetSecretValue", Assert.Single(read.Denied).EventName);
        Assert.Equal(GapReason.Throttled, Assert.Single(read.Missing).Reason);
        Assert.False(read.WasRead);
        var shown = Assert.Single(read.ToEvidence("Secrets Manager / SSM / KMS"));
        Assert.StartsWith("GetSecretValue AccessDenied", shown.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_OneOfThreeThrottledAndNoDenial_SaysHowManySourcesWereRead()
    {
        var evidence = StartupTasks.Network();
        evidence.ThrottledSources.Add("ssm.amazonaws.com");
        var task = StartupTasks.Task("STOPPED");

        var read = await RoleDenialReader.ReadAsync(StartupTasks.Context(task, evidence), task, StartupTasks.ExecutionRoleArn, Sources, CancellationToken.None);

        Assert.Equal("none of 0 calls in the 2 of 3 event sources read", Assert.Single(read.ToEvidence("Secrets Manager / SSM / KMS")).Value);
    }
}
