using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Triage;
using DiagBot.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Playbooks.Tests.Scale;

/// <summary>
/// The small sandbox and the large one (`--scale large`), each with the live evidence layer configured as the bot
/// configures it (the large one's two other accounts through roles), and a count of the requests each served.
/// </summary>
public sealed class ScaleSandboxes : IAsyncLifetime
{
    public Account Small { get; private set; } = null!;

    public Account Large { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Small = await Account.StartAsync(SandboxScale.Small);
        Large = await Account.StartAsync(SandboxScale.Large);

        // Credentials for the other accounts (sts:AssumeRole) are fetched once a process, not once a diagnosis.
        await Small.CountAsync(WarmUp);
        await Large.CountAsync(WarmUp);
    }

    private const string WarmUp = "tg catalog-api-tg";

    public async Task DisposeAsync()
    {
        await Small.DisposeAsync();
        await Large.DisposeAsync();
    }

    public sealed class Account : IAsyncDisposable
    {
        private const int Countdown = 100_000_000;
        private static readonly string[] Services = ["ecs", "elasticloadbalancing", "ec2", "logs", "cloudtrail", "sts", "eks", "kubernetes"];

        private Account(SandboxServer sandbox, ServiceProvider services)
        {
            Sandbox = sandbox;
            Services_ = services;
            Sessions = services.GetRequiredService<IEvidenceSessionFactory>();
            Diagnoser = new Diagnoser(Sessions, new PlaybookRanker(new SymptomClassifier(), PlaybookCatalog.Create()), new SeededClock(sandbox.SeededAt));
        }

        public SandboxServer Sandbox { get; }

        public Diagnoser Diagnoser { get; }

        public IEvidenceSessionFactory Sessions { get; }

        private ServiceProvider Services_ { get; }

        public static async Task<Account> StartAsync(SandboxScale scale)
        {
            var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Scale = scale });
            var services = SandboxEvidence.Services(sandbox);
            return new Account(sandbox, services);
        }

        /// <summary>The requests the sandbox served while <paramref name="subject"/> was diagnosed; a fault that adds nothing counts them down.</summary>
        public async Task<(int Calls, DiagnosisReport Report)> CountAsync(string subject)
        {
            foreach (var service in Services)
            {
                Sandbox.Faults.Set(service, SandboxFaults.AnyOperation, new SandboxFault { Times = Countdown });
            }

            var parsed = SubjectParser.Parse(subject).Subject ?? throw new InvalidOperationException($"unparseable subject {subject}");
            var report = await Diagnoser.DiagnoseAsync(parsed, CancellationToken.None);
            var left = Sandbox.Faults.Snapshot();
            Sandbox.Faults.Clear();
            return (Services.Sum(s => left.TryGetValue($"{s}:{SandboxFaults.AnyOperation}", out var fault) ? Countdown - (fault.Times ?? Countdown) : Countdown), report);
        }

        public async ValueTask DisposeAsync()
        {
            await Services_.DisposeAsync();
            await Sandbox.DisposeAsync();
        }
    }
}
