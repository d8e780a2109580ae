using DiagBot.Bot.Events;

namespace DiagBot.Bot.Tests.Events;

public sealed class EcsEventClassifierTests
{
    [Fact]
    public void Classify_EssentialContainerExitedNonZero_IsFailureOfItsService()
    {
        var classified = EcsEventClassifier.Classify(EventFixtures.Event(EventFixtures.TaskFailed));

        Assert.Equal(EventMeaning.Failure, classified.Meaning);
        Assert.Equal("FargateCluster", classified.Cluster);
        Assert.Equal("web", classified.Service);
        Assert.EndsWith("c13b4cb40f1f4fe4a2971f76ae5a47ad", classified.TaskArn, StringComparison.Ordinal);
        Assert.Contains("container web exit 1", classified.Evidence, StringComparison.Ordinal);
        Assert.DoesNotContain("log_router", classified.Evidence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EventFixtures.TaskScaleIn)]
    [InlineData(EventFixtures.TaskStoppedByUser)]
    public void Classify_NormalStopOrScaleIn_IsIgnored(string fixture) =>
        Assert.Equal(EventMeaning.Ignore, EcsEventClassifier.Classify(EventFixtures.Event(fixture)).Meaning);

    [Theory]
    [InlineData(EventFixtures.PlacementFailure, "Failure")]
    [InlineData(EventFixtures.DeploymentFailed, "Failure")]
    [InlineData(EventFixtures.SteadyState, "Recovery")]
    [InlineData(EventFixtures.DeploymentCompleted, "Recovery")]
    public void Classify_ServiceEvents_NameTheirServiceAndMeaning(string fixture, string expected)
    {
        var classified = EcsEventClassifier.Classify(EventFixtures.Event(fixture));

        Assert.Equal(Enum.Parse<EventMeaning>(expected), classified.Meaning);
        Assert.Equal("default", classified.Cluster);
        Assert.Equal("servicetest", classified.Service);
    }

    [Fact]
    public void Classify_RunningTask_IsIgnored()
    {
        var running = EventFixtures.Json(EventFixtures.TaskFailed).Replace("\"lastStatus\": \"STOPPED\",\n    \"overrides\"", "\"lastStatus\": \"RUNNING\",\n    \"overrides\"", StringComparison.Ordinal);

        Assert.Equal(EventMeaning.Ignore, EcsEventClassifier.Classify(EcsEvent.TryParse(running)!).Meaning);
    }

    [Fact]
    public void TryParse_NotAnEvent_IsNull()
    {
        Assert.Null(EcsEvent.TryParse("{\"hello\":1}"));
        Assert.Null(EcsEvent.TryParse("not json"));
    }
}
