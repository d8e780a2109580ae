using System.Collections.Concurrent;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Playbooks.Tests.Support;

/// <summary>
/// Sessions over the sandbox, each from an evidence layer of its own, as the first diagnosis of a fresh process reads.
/// DiagBot paces its calls to AWS's documented rates per process (CloudTrail's LookupEvents at 2 a second), so hundreds
/// of diagnoses sharing one process would wait on each other's tokens: these tests judge what each diagnosis concludes,
/// not the pace (AwsRateLimiterTests and the sandbox's RateLimitTests hold that), and no test's reads or open circuits
/// reach the next.
/// </summary>
internal sealed class BudgetPerSession(SandboxServer sandbox) : IEvidenceSessionFactory, IAsyncDisposable
{
    private readonly ConcurrentBag<ServiceProvider> _layers = [];

    public IEvidenceSource StartSession()
    {
        var layer = SandboxEvidence.Services(sandbox);
        _layers.Add(layer);
        return layer.GetRequiredService<IEvidenceSessionFactory>().StartSession();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var layer in _layers)
        {
            await layer.DisposeAsync();
        }
    }
}
