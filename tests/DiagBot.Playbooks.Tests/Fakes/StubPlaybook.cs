using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.Fakes;

/// <summary>A playbook that answers a fixed status, or throws, so the diagnoser's ordering and isolation can be seen.</summary>
internal sealed class StubPlaybook(int id, VerdictStatus status, bool throws = false) : IPlaybook
{
    public int Id => id;

    public string Name => $"stub-{id}";

    public string Title => $"Stub {id}";

    public bool Ran { get; private set; }

    public Task<Verdict> InvestigateAsync(DiagnosisContext context, CancellationToken cancellationToken)
    {
        Ran = true;
        if (throws)
        {
            throw new InvalidOperationException("stub failure");
        }

        return Task.FromResult(new Verdict { Playbook = id, Name = Name, Title = Title, Status = status, RootCause = $"stub {id} says {status}" });
    }
}
