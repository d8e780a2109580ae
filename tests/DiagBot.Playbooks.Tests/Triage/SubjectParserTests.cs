using DiagBot.Playbooks.Triage;

namespace DiagBot.Playbooks.Tests.Triage;

public sealed class SubjectParserTests
{
    [Theory]
    [InlineData("arn:aws:ecs:us-east-1:111122223333:task/prod/0f3c9a1b2c3d4e5f60718293a4b5c6d7", "prod", "us-east-1")]
    [InlineData("  arn:aws:ecs:eu-west-1:111122223333:task/0f3c9a1b2c3d4e5f60718293a4b5c6d7 ", null, "eu-west-1")]
    [InlineData("arn:aws-cn:ecs:cn-north-1:111122223333:task/batch/0f3c9a1b2c3d4e5f60718293a4b5c6d7", "batch", "cn-north-1")]
    public void Parse_TaskArn_CarriesClusterAndRegion(string text, string? cluster, string region)
    {
        var task = Assert.IsType<TaskSubject>(SubjectParser.Parse(text).Subject);

        Assert.Equal("0f3c9a1b2c3d4e5f60718293a4b5c6d7", task.Task.TaskId);
        Assert.Equal(cluster, task.Task.Cluster);
        Assert.Equal(region, task.Task.Region);
        Assert.False(task.Task.IsBareId);
    }

    [Theory]
    [InlineData("0f3c9a1b2c3d4e5f60718293a4b5c6d7")]
    [InlineData("7c6f3a52-1111-4e4e-9b9b-0123456789ab")]
    public void Parse_BareTaskId_IsTaskToLookUp(string text)
    {
        var task = Assert.IsType<TaskSubject>(SubjectParser.Parse(text).Subject);

        Assert.True(task.Task.IsBareId);
    }

    [Theory]
    [InlineData("arn:aws:ecs:us-east-1:111122223333:task/prod/nothex", "ECS task ARN with a malformed id")]
    [InlineData("arn:aws:ecs:us-east-1:111122223333:service/prod/web", "ecs:service, not an ECS task")]
    [InlineData("arn:nope", "not a well-formed ARN")]
    [InlineData("0f3c9a1b2c3d4e5f60718293a4b5c6d", "31 characters")]
    [InlineData("   ", "Nothing to diagnose")]
    public void Parse_BadReference_SaysWhatWasWrongAndWhatToType(string text, string expected)
    {
        var result = SubjectParser.Parse(text);

        Assert.Null(result.Subject);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooLong_IsRefusedWithTheLimit()
    {
        var result = SubjectParser.Parse(new string('x', 10_000));

        Assert.Contains($"under {SubjectParser.MaxLength}", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PodInCluster_NamesNamespacePodAndCluster()
    {
        var pod = Assert.IsType<PodSubject>(SubjectParser.Parse("pod payments/api-7d9f8-xk2 in eks-prod").Subject);

        Assert.Equal(("payments", "api-7d9f8-xk2", "eks-prod"), (pod.Namespace, pod.Pod, pod.Cluster));
    }

    [Fact]
    public void Parse_ServiceInCluster_NamesServiceAndCluster()
    {
        var service = Assert.IsType<ServiceSubject>(SubjectParser.Parse("service web in prod").Subject);

        Assert.Equal(("web", "prod"), (service.Service, service.Cluster));
    }

    [Fact]
    public void Parse_Words_AreSymptomText()
    {
        var symptom = Assert.IsType<SymptomSubject>(SubjectParser.Parse("ALB   returns 503 since the deploy").Subject);

        Assert.Equal("ALB returns 503 since the deploy", symptom.Text);
    }
}
