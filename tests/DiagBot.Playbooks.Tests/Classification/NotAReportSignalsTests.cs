using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.FailureModes;

namespace DiagBot.Playbooks.Tests.Classification;

/// <summary>Batch 20's look-alikes that carry a failure mode's words without reporting it: each reads none and says why.</summary>
public sealed class NotAReportSignalsTests
{
    [Theory]
    // aws/aws-cdk#21560: the deploy tool's own check of a setting that names the idle timeout.
    [InlineData("Error: Load balancer idle timeout must be between 1 and 4000 seconds.", EvidenceField.Log, "bad parameter")]
    // Mic-U/ecsher#56: ECS refused an ExecuteCommand for a task id of the wrong length.
    [InlineData("Error: operation error ECS: ExecuteCommand, https response error StatusCode: 400, RequestID: 158a58f4-b5eb-42fa-a6ce-b051798127ad, "
        + "InvalidParameterException: task length should be one of [32,36]", EvidenceField.Log, "bad parameter")]
    // fabfuel/ecs-deploy#65 and sil-org/ecs-deploy#184: the deploy tool's wait ended before ECS's deployment did.
    [InlineData("I'm seeing a \"Deployment failed\" message, but my tasks are updated appropriately.", EvidenceField.SymptomText, "deploy tool")]
    [InlineData("Everything works, the new container spins up and the old one spins down (after a few minutes), but the deploy task times out "
        + "after 90 seconds surfacing the error noted in the title.", EvidenceField.SymptomText, "deploy tool")]
    public void Classify_FailureWordsInTextThatReportsNoFailure_IsNoneAndSaysWhy(string text, EvidenceField field, string named)
    {
        var result = new SymptomClassifier().Classify(text, field, null);

        Assert.Null(result.Playbook);
        Assert.Contains(named, result.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_WorksLocallyButNotOnEcs_StillReadsTheFailure()
    {
        // "Everything works locally but fails in production" is how engineers open a real failure report: the contrast with
        // a laptop is no word that the deploy tool gave up on healthy tasks.
        var result = new SymptomClassifier().Classify(
            "Everything works locally but on ECS the deployment fails: the tasks keep restarting", EvidenceField.SymptomText, null);

        Assert.Equal(CrashLoop.Number, result.Playbook);
    }

    [Fact]
    public void Classify_ATaskRoleNamedBesideTrouble_StillReadsPlaybook4()
    {
        // The role named alone is set-up talk; named beside what went wrong it is the app's denial (the corpus's
        // "my ECS Task Role was missing SQS Permissions Policy").
        var setUp = new SymptomClassifier().Classify("The task role will be used by the storage service and needs to be able to write to the bucket.",
            EvidenceField.SymptomText, null);
        var denied = new SymptomClassifier().Classify("In my case, my ECS Task Role was missing SQS Permissions Policy.", EvidenceField.SymptomText, null);

        Assert.Equal((null, AppAccessDenied.Number), (setUp.Playbook, denied.Playbook));
    }
}
