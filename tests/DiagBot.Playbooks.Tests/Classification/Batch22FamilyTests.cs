using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.FailureModes;

namespace DiagBot.Playbooks.Tests.Classification;

/// <summary>
/// The families batch 22's tuning part asked for (docs/triage.md, "Batch 22's tuning part joins"), each read in wordings of its
/// own: another tense, another id, another tool's line, so a rule reads the family and not the one sentence it came with.
/// </summary>
public sealed class Batch22FamilyTests
{
    [Theory]
    [InlineData("Our CloudFront distribution keeps returning 504 errors since this morning", EvidenceField.SymptomText, "cloudfront")]
    [InlineData("We want to know how to set up ECS Exec for Fargate tasks", EvidenceField.SymptomText, "how to")]
    [InlineData("I have some questions about Spot interruption notices on EKS", EvidenceField.SymptomText, "questions about")]
    [InlineData("kubectl get svc shows EXTERNAL-IP <pending> for the ingress service", EvidenceField.SymptomText, "<pending>")]
    [InlineData("unable to get response from http://169.254.170.2/v2/stats, error: context deadline exceeded", EvidenceField.Log, null)]
    [InlineData("[Container] 2024/01/02 10:11:12 Command did not exit successfully npm run build exit status 2", EvidenceField.Log,
        "command did not exit successfully")]
    [InlineData("BUILD_CONTAINER_UNABLE_TO_PULL_IMAGE: Unable to pull customer's container image. CannotPullContainerError: toomanyrequests",
        EvidenceField.Log, "build_container_unable_to_pull_image")]
    [InlineData("An error occurred (TargetNotConnected) when calling the StartSession operation: mi-0123456789abcdef0 is not connected.",
        EvidenceField.Log, "startsession")]
    public void Classify_ALookAlikeOfBatch22sFamilies_IsNoneSayingWhy(string text, EvidenceField field, string? quoted)
    {
        var result = new SymptomClassifier().Classify(text, field, null);

        Assert.Null(result.Playbook);
        if (quoted is not null)
        {
            Assert.Contains(quoted, result.Why, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("the circuit breaker did not trigger and the deployment never rolled back", DeployStuck.Number)]
    [InlineData("There was not enough capacity for the rolling update, so the deploy hung", DeployStuck.Number)]
    [InlineData("the target group gets 502 responses on the health checks", TargetsUnhealthy.Number)]
    [InlineData("nginx returns 503 errors to the ALB health checks", TargetsUnhealthy.Number)]
    [InlineData("I can't connect to the container with Session Manager from my laptop", EcsExecFails.Number)]
    [InlineData("컨테이너가 몇 초 후에 죽고 다시 시작돼요", CrashLoop.Number)]
    public void Classify_AFailureOfBatch22sFamilies_IsItsPlaybook(string text, int expected)
    {
        Assert.Equal(expected, new SymptomClassifier().Classify(text, EvidenceField.SymptomText, null).Playbook);
    }

    [Fact]
    public void Classify_AStartSessionIntoATask_IsStillEcsExec()
    {
        // aws/amazon-ssm-agent#540: a session whose target is a task ("ecs:<cluster>_<task>_<runtime id>").
        const string text = "An error occurred (TargetNotConnected) when calling the StartSession operation: "
            + "ecs:web_0123456789abcdef0123456789abcdef_0123456789abcdef0123456789abcdef-1234567890 is not connected";

        Assert.Equal(EcsExecFails.Number, new SymptomClassifier().Classify(text, EvidenceField.Log, null).Playbook);
    }
}
