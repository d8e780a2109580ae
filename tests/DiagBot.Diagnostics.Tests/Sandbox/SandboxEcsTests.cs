using Amazon.Runtime;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Tests.Fakes;
using DiagBot.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Diagnostics.Tests.Sandbox;

/// <summary>The live ECS client against the in-process sandbox over HTTP, signed with the sandbox's credentials.</summary>
[Collection(SandboxReads.Name)]
public sealed class SandboxEcsTests(SharedSandbox shared)
{
    private readonly SandboxServer _sandbox = shared.WithoutFaults();

    [Fact]
    public async Task DescribeTask_OomScenarioByArn_ReadsExit137WithOomReason()
    {
        var ecs = CreateSut();

        var result = await ecs.DescribeTaskAsync(Ref(Subject("p07-task-oom")), CancellationToken.None);

        var task = Assert.IsType<EcsTask>(result.Value);
        Assert.Equal("prod", task.ClusterName);
        Assert.Contains(task.Containers, c => c.ExitCode == 137 && c.Reason?.Contains("OutOfMemoryError", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task DescribeTask_StopTimeoutScenarioByBareId_Exit137WithoutOomReason()
    {
        var arn = Subject("lookalike-137-stop-timeout");
        var ecs = CreateSut(("DiagBot:Aws:Accounts:0:AccountId", _sandbox.Options.AccountId), ("DiagBot:Aws:Accounts:0:Clusters:0", "prod"));

        var result = await ecs.DescribeTaskAsync(Ref(arn[(arn.LastIndexOf('/') + 1)..]), CancellationToken.None);

        var task = Assert.IsType<EcsTask>(result.Value);
        Assert.Equal(arn, task.TaskArn);
        Assert.Contains(task.Containers, c => c.ExitCode == 137);
        Assert.DoesNotContain(task.Containers, c => c.Reason?.Contains("OutOfMemory", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task DescribeTaskDefinition_OfOomTask_ReadsContainerMemory()
    {
        var ecs = CreateSut();
        var task = (await ecs.DescribeTaskAsync(Ref(Subject("p07-task-oom")), CancellationToken.None)).Value!;

        var result = await ecs.DescribeTaskDefinitionAsync(task.TaskDefinitionArn, CancellationToken.None);

        var definition = Assert.IsType<EcsTaskDefinition>(result.Value);
        Assert.Equal(task.TaskDefinitionArn, definition.TaskDefinitionArn);
        Assert.NotEmpty(definition.ContainerDefinitions);
    }

    [Fact]
    public async Task DescribeTask_UnknownTaskArn_IsNotFound()
    {
        var ecs = CreateSut();
        var arn = $"arn:aws:ecs:{_sandbox.Options.Region}:{_sandbox.Options.AccountId}:task/prod/ffffffffffffffffffffffffffffffff";

        var result = await ecs.DescribeTaskAsync(Ref(arn), CancellationToken.None);

        Assert.Equal(GapReason.NotFound, result.Gap!.Reason);
    }

    [Fact]
    public async Task DescribeTask_WrongSecret_IsAccessDeniedNamingTheAction()
    {
        var ecs = CreateSut(credentials: new BasicAWSCredentials(_sandbox.Options.AccessKeyId, "not-the-secret"));

        var result = await ecs.DescribeTaskAsync(Ref(Subject("p07-task-oom")), CancellationToken.None);

        Assert.Equal(GapReason.AccessDenied, result.Gap!.Reason);
        Assert.Contains("ecs:DescribeTasks", result.Gap.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SandboxFaultKind.AccessDenied, GapReason.AccessDenied)]
    [InlineData(SandboxFaultKind.Throttling, GapReason.Throttled)]
    [InlineData(SandboxFaultKind.ServerError, GapReason.ServiceError)]
    public async Task DescribeTask_InjectedFault_IsGap(SandboxFaultKind fault, GapReason expected)
    {
        _sandbox.Faults.Set("ecs", "DescribeTasks", new SandboxFault { Kind = fault });

        var result = await CreateSut().DescribeTaskAsync(Ref(Subject("p07-task-oom")), CancellationToken.None);

        Assert.Equal(expected, result.Gap!.Reason);
    }

    [Fact]
    public async Task DescribeTask_ThrottledTwiceBySandbox_RetriedThenFound()
    {
        _sandbox.Faults.Set("ecs", "DescribeTasks", new SandboxFault { Kind = SandboxFaultKind.Throttling, Times = 2 });

        var result = await CreateSut().DescribeTaskAsync(Ref(Subject("p07-task-oom")), CancellationToken.None);

        Assert.True(result.HasValue);
    }

    [Fact]
    public async Task DescribeTask_SandboxHangs_CutByCallTimeoutWithinBudget()
    {
        _sandbox.Faults.Set("ecs", "DescribeTasks", new SandboxFault { Kind = SandboxFaultKind.Hang });
        var ecs = CreateSut(("DiagBot:Aws:CallTimeout", "00:00:00.300"), ("DiagBot:Aws:DiagnosisBudget", "00:00:05"));
        var started = TimeProvider.System.GetTimestamp();

        var result = await ecs.DescribeTaskAsync(Ref(Subject("p07-task-oom")), CancellationToken.None);

        Assert.Equal(GapReason.TimedOut, result.Gap!.Reason);
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(5));
    }

    private string Subject(string scenario) => _sandbox.Scenarios.Single(s => s.Name == scenario).Subject;

    private IEcsEvidence CreateSut(params (string Key, string? Value)[] extra) => CreateSut(null, extra);

    private IEcsEvidence CreateSut(AWSCredentials? credentials, params (string Key, string? Value)[] extra)
    {
        var settings = EvidenceHarness.Settings(_sandbox.BaseAddress, [("DiagBot:Aws:Region", _sandbox.Options.Region), .. extra]);
        var services = EvidenceHarness.Build(settings, credentials: credentials ?? new BasicAWSCredentials(_sandbox.Options.AccessKeyId, _sandbox.Options.SecretAccessKey));
        return services.GetRequiredService<IEvidenceSessionFactory>().StartSession().Ecs;
    }

    private static EcsTaskRef Ref(string text) => EcsTaskRef.TryParse(text, out var task) ? task : throw new ArgumentException(text);
}
