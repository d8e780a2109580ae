using DiagBot.Bot.Chat;
using DiagBot.Bot.Hosting;
using DiagBot.Diagnostics;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Triage;
using DiagBot.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace DiagBot.Bench;

/// <summary>
/// A sandbox of one scale and the diagnosis path over the live clients, configured as the bot configures itself in
/// sandbox mode (the large scale's two other accounts through roles to assume).
/// </summary>
internal sealed class BenchAccount : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private BenchAccount(SandboxServer sandbox, ServiceProvider services)
    {
        Sandbox = sandbox;
        _services = services;
        Sessions = services.GetRequiredService<IEvidenceSessionFactory>();
        var diagnoser = new Diagnoser(Sessions, new PlaybookRanker(new SymptomClassifier(), PlaybookCatalog.Create()), TimeProvider.System);
        Diagnoses = new DiagnosisService(diagnoser, TimeProvider.System, NullLoggerFactory.Instance);
    }

    public SandboxServer Sandbox { get; }

    public DiagnosisService Diagnoses { get; }

    public IEvidenceSessionFactory Sessions { get; }

    public static async Task<BenchAccount> StartAsync(SandboxScale scale, bool rateLimits)
    {
        var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Scale = scale, EnforceRateLimits = rateLimits });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(DiagBotSettings.For(sandbox)).Build();
        var services = new ServiceCollection()
            .AddDiagBotEvidence(configuration, SandboxWiring.Credentials(sandbox))
            .BuildServiceProvider();
        return new BenchAccount(sandbox, services);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
