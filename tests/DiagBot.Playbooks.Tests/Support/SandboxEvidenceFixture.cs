using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Triage;
using DiagBot.Playbooks.Verdicts;
using DiagBot.Sandbox;

namespace DiagBot.Playbooks.Tests.Support;

/// <summary>
/// The sandbox on a loopback port and the live evidence layer pointed at it: playbooks read real wire
/// formats through the real clients. One per collection (<see cref="SandboxReads"/>); a test that injects faults clears them after.
/// </summary>
public sealed class SandboxEvidenceFixture : IAsyncLifetime
{
    public const string KubernetesCluster = DiagBotSettings.KubernetesCluster;

    private BudgetPerSession? _sessions;

    public SandboxServer Sandbox { get; private set; } = null!;

    /// <summary>Each session from an evidence layer of its own (<see cref="BudgetPerSession"/>).</summary>
    public IEvidenceSessionFactory Sessions => _sessions!;

    /// <summary>The clock to judge the seeded world by: the moment it was seeded, however long the collection has run.</summary>
    public TimeProvider Clock { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Sandbox = await SandboxServer.StartAsync();

        // DiagBot's call timeout here is 30 s, for a loaded machine, as long as a real API server's kubelet dial: the sandbox
        // answers the dial error at once instead, so no test races two 30 s timers (KubeletPathTests covers the slow answer).
        Sandbox.Kubernetes.KubeletDialTimeout = TimeSpan.Zero;
        Clock = new SeededClock(Sandbox.SeededAt);
        _sessions = new BudgetPerSession(Sandbox);
    }

    public async Task DisposeAsync()
    {
        if (_sessions is not null)
        {
            await _sessions.DisposeAsync();
        }

        await Sandbox.DisposeAsync();
    }

    /// <summary>What an engineer would type for a seeded scenario, e.g. "p07-task-oom".</summary>
    public string SubjectOf(string scenario) => Sandbox.Scenarios.Single(s => s.Name == scenario).Subject;

    /// <summary>The whole request path (triage, ranking, playbooks) with the real classifier and catalogue.</summary>
    public Task<DiagnosisReport> DiagnoseAsync(string scenario) => DiagnoseAsync(scenario, Sessions);

    /// <summary>The same, over sessions the test decorates.</summary>
    public Task<DiagnosisReport> DiagnoseAsync(string scenario, IEvidenceSessionFactory sessions)
    {
        var subject = SubjectParser.Parse(SubjectOf(scenario)).Subject ?? throw new InvalidOperationException($"scenario {scenario} has an unparseable subject");
        var diagnoser = new Diagnoser(sessions, new PlaybookRanker(new SymptomClassifier(), PlaybookCatalog.Create()), Clock);
        return diagnoser.DiagnoseAsync(subject, CancellationToken.None);
    }

    /// <summary>A context as triage builds it for a task scenario, for calling one playbook directly.</summary>
    public async Task<DiagnosisContext> TaskContextAsync(string scenario)
    {
        var subject = Assert.IsType<TaskSubject>(SubjectParser.Parse(SubjectOf(scenario)).Subject);
        var evidence = Sessions.StartSession();
        var task = await evidence.Ecs.DescribeTaskAsync(subject.Task, CancellationToken.None);
        Assert.True(task.HasValue, $"scenario {scenario}: {task.Gap}");
        return new DiagnosisContext(subject, evidence, Clock) { Task = task.Value };
    }

    /// <summary>A context as triage builds it for a pod scenario: the pod, its cluster and its events.</summary>
    public async Task<DiagnosisContext> PodContextAsync(string scenario)
    {
        var subject = Assert.IsType<PodSubject>(SubjectParser.Parse(SubjectOf(scenario)).Subject);
        var evidence = Sessions.StartSession();
        var pod = await evidence.Kubernetes.GetPodAsync(KubernetesCluster, subject.Namespace, subject.Pod, CancellationToken.None);
        Assert.True(pod.HasValue, $"scenario {scenario}: {pod.Gap}");
        var events = await evidence.Kubernetes.ListEventsForAsync(KubernetesCluster, subject.Namespace, "Pod", subject.Pod, CancellationToken.None);
        return new DiagnosisContext(subject, evidence, Clock) { Pod = pod.Value, KubernetesCluster = KubernetesCluster, PodEvents = events.Value ?? [] };
    }

    /// <summary>One playbook on <paramref name="context"/> with one operation denied; the fault is cleared after.</summary>
    public async Task<Verdict> InvestigateDeniedAsync(IPlaybook playbook, DiagnosisContext context, string service, string operation)
    {
        Sandbox.Faults.Set(service, operation, new SandboxFault { Kind = SandboxFaultKind.AccessDenied });
        try
        {
            return await playbook.InvestigateAsync(context, CancellationToken.None);
        }
        finally
        {
            Sandbox.Faults.Clear();
        }
    }
}
