using Amazon.Runtime;
using DiagBot.Bot.Chat;
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
        var diagnoser = new Diagnoser(services.GetRequiredService<IEvidenceSessionFactory>(), new PlaybookRanker(new SymptomClassifier(), PlaybookCatalog.Create()), TimeProvider.System);
        Diagnoses = new DiagnosisService(diagnoser, TimeProvider.System, NullLoggerFactory.Instance);
    }

    public SandboxServer Sandbox { get; }

    public DiagnosisService Diagnoses { get; }

    public static async Task<BenchAccount> StartAsync(SandboxScale scale, bool rateLimits)
    {
        var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Scale = scale, EnforceRateLimits = rateLimits });
        var settings = new Dictionary<string, string?>
        {
            ["DiagBot:Aws:EndpointUrl"] = sandbox.BaseAddress.ToString(),
            ["DiagBot:Aws:Region"] = sandbox.Options.Region,
            ["DiagBot:Aws:Accounts:0:AccountId"] = sandbox.Options.AccountId,
            ["DiagBot:Aws:Accounts:0:Regions:0"] = sandbox.Options.Region,
            ["DiagBot:Kubernetes:Clusters:0:Name"] = "sandbox-eks",
            ["DiagBot:Kubernetes:Clusters:0:Server"] = sandbox.BaseAddress.ToString(),
        };
        for (var i = 0; i < sandbox.Clusters.Count; i++)
        {
            settings[$"DiagBot:Aws:Accounts:0:Clusters:{i}"] = sandbox.Clusters[i];
        }

        for (var i = 0; i < sandbox.OtherAccounts.Count; i++)
        {
            settings[$"DiagBot:Aws:Accounts:{i + 1}:AccountId"] = sandbox.OtherAccounts[i];
            settings[$"DiagBot:Aws:Accounts:{i + 1}:RoleArn"] = $"arn:aws:iam::{sandbox.OtherAccounts[i]}:role/diagbot-read";
            settings[$"DiagBot:Aws:Accounts:{i + 1}:Regions:0"] = sandbox.Options.Region;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddDiagBotEvidence(configuration, new BasicAWSCredentials(sandbox.Options.AccessKeyId, sandbox.Options.SecretAccessKey))
            .BuildServiceProvider();
        return new BenchAccount(sandbox, services);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
