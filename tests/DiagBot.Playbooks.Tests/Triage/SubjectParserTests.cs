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
    [InlineData("arn:aws:ecs:us-east-1:111122223333:container-instance/prod/abc", "ecs:container-instance, not an ECS task or service")]
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

    [Theory]
    [InlineData("ALB 503 on service web in prod", "web", "prod", "ALB 503 on")]
    [InlineData("service web in prod keeps restarting", "web", "prod", "keeps restarting")]
    [InlineData("arn:aws:ecs:us-east-1:111122223333:service/prod/web 504s", "web", "arn:aws:ecs:us-east-1:111122223333:cluster/prod", "504s")]
    public void Parse_MixedInput_KeepsSubjectAndWords(string text, string service, string cluster, string symptom)
    {
        var subject = Assert.IsType<ServiceSubject>(SubjectParser.Parse(text).Subject);

        Assert.Equal((service, cluster, symptom), (subject.Service, subject.Cluster, subject.Symptom));
    }

    [Fact]
    public void Parse_TaskIdInsideWords_IsTheTaskWithTheWordsAsSymptom()
    {
        var subject = Assert.IsType<TaskSubject>(SubjectParser.Parse("exit 137 on 0f3c9a1b2c3d4e5f60718293a4b5c6d7 again").Subject);

        Assert.Equal("exit 137 on again", subject.Symptom);
    }

    [Fact]
    public void Parse_ServiceEventNamingATask_IsThatTaskWithTheEventAsSymptom()
    {
        // ECS service events name a task in brackets: "(service web) (task <id>) failed container health checks."
        var subject = Assert.IsType<TaskSubject>(
            SubjectParser.Parse("(service storefront) (task 6ccd4eee00940aab18243476f9cd9e4a) failed container health checks.").Subject);

        Assert.Equal("6ccd4eee00940aab18243476f9cd9e4a", subject.Task.TaskId);
        Assert.Contains("failed container health checks", subject.Symptom, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("the service is down")]
    [InlineData("service is returning 503")]
    public void Parse_WordServiceInASentence_IsNotAServiceName(string text)
    {
        Assert.IsType<SymptomSubject>(SubjectParser.Parse(text).Subject);
    }
}
