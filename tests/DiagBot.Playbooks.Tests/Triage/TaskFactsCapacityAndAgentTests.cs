using DiagBot.Diagnostics.Ecs;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Triage;

namespace DiagBot.Playbooks.Tests.Triage;

/// <summary>The first facts playbooks 11 and 15 add: Spot capacity of a stopped task, a stalled ExecuteCommandAgent of a running one.</summary>
public sealed class TaskFactsCapacityAndAgentTests
{
    [Fact]
    public void Rank_StoppedOnFargateSpotWithoutStopCode_RanksSpotInterruption()
    {
        var task = Task("STOPPED") with { CapacityProviderName = "FARGATE_SPOT", StoppedReason = "Task stopped" };

        var ranking = CreateSut().Rank(TaskFacts.From(task));

        Assert.Contains(ranking, ranked => ranked.Playbook.Id == SpotInterruption.Number);
    }

    [Fact]
    public void Rank_RunningTaskWithStoppedExecAgent_RanksEcsExecFirst()
    {
        var task = Task("RUNNING") with
        {
            EnableExecuteCommand = true,
            Containers = [new EcsContainer { Name = "app", ManagedAgents = [new EcsManagedAgent("ExecuteCommandAgent", "STOPPED", null)] }],
        };

        var ranking = CreateSut().Rank(TaskFacts.From(task));

        Assert.Equal(EcsExecFails.Number, ranking[0].Playbook.Id);
    }

    [Fact]
    public void From_RunningTaskWithRunningAgentOnSpot_AddsNoFact()
    {
        var task = Task("RUNNING") with
        {
            CapacityProviderName = "FARGATE_SPOT",
            EnableExecuteCommand = true,
            Containers = [new EcsContainer { Name = "app", ManagedAgents = [new EcsManagedAgent("ExecuteCommandAgent", "RUNNING", null)] }],
        };

        Assert.Empty(TaskFacts.From(task));
    }

    private static EcsTask Task(string lastStatus) => new()
    {
        TaskArn = "arn:aws:ecs:us-east-1:111122223333:task/prod/3c4d5e6f708192a3b4c5d6e7f8091a2b",
        ClusterArn = "arn:aws:ecs:us-east-1:111122223333:cluster/prod",
        TaskDefinitionArn = "arn:aws:ecs:us-east-1:111122223333:task-definition/app:1",
        LastStatus = lastStatus,
    };

    private static PlaybookRanker CreateSut() => new(new SymptomClassifier(), PlaybookCatalog.Create());
}
