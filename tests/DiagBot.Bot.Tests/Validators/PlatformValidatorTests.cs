using System.Diagnostics;
using System.Text.Json.Nodes;
using DiagBot.Bot.Chat;
using DiagBot.Bot.Incidents;
using DiagBot.Bot.Rendering;
using DiagBot.Bot.Slack;
using DiagBot.Bot.Teams;
using DiagBot.Bot.Tests.Support;
using DiagBot.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Bot.Tests.Validators;

/// <summary>
/// Every seeded incident and look-alike, diagnosed on the sandbox and rendered for Slack (every page) and Teams,
/// charts included, checked by the platforms' own validators in tests/validators (node validate.mjs): @slack/types with
/// tsc, Slack's documented Block Kit limits and escaping, Microsoft's adaptivecards parser at 1.5, Teams' card size,
/// the Teams app manifest against its schema and the Slack app manifest against @slack/web-api's Manifest type.
/// </summary>
[Trait("Tier", "External")]
public sealed class PlatformValidatorTests
{
    private static readonly string Validators = Path.Combine(RepositoryRoot.Path, "tests", "validators");
    private static readonly TimeSpan NodeTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task EveryAnswer_ForEverySeededScenario_PassesThePlatformsValidators()
    {
        Assert.True(Directory.Exists(Path.Combine(Validators, "node_modules", "adaptivecards")),
            $"the validators are not installed in {Validators}/node_modules: run scripts/install-test-deps.sh (npm ci --prefix tests/validators).");
        var output = Directory.CreateTempSubdirectory("diagbot-validators-").FullName;
        try
        {
            var rendered = await RenderEveryScenarioAsync(output);
            Assert.True(rendered > 20, $"only {rendered} messages rendered");

            var (exitCode, log) = await RunNodeAsync(output);

            Assert.True(exitCode == 0, $"tests/validators found problems:\n{log}");
            Assert.Contains($"validated {rendered / 2}", log, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static async Task<int> RenderEveryScenarioAsync(string output)
    {
        await using var bot = await RunningBot.StartAsync();
        var origin = bot.Services.GetRequiredService<AnswerOrigin>();
        var diagnoses = bot.Services.GetRequiredService<DiagnosisService>();
        Directory.CreateDirectory(Path.Combine(output, "slack"));
        Directory.CreateDirectory(Path.Combine(output, "teams"));
        var written = 0;
        foreach (var scenario in bot.Services.GetRequiredService<SandboxServer>().Scenarios)
        {
            var outcome = await diagnoses.DiagnoseAsync(scenario.Subject, new Requester("validators"), CancellationToken.None);
            Assert.True(outcome.Report is not null, $"{scenario.Name}: {outcome.Problem}");
            var report = outcome.Report!;
            var first = BlockKitRenderer.Render(report, origin).ToJson();
            await WriteAsync(output, "slack", scenario.Name, first);
            await WriteAsync(output, "teams", scenario.Name, AdaptiveCardRenderer.Render(report, origin));

            // The scenario's incident post as the incident channels send it, its first verdict's charts included.
            var view = IncidentPost(scenario, report);
            await WriteAsync(output, "slack", "incident-" + scenario.Name, SlackMessage.Plain(SlackIncidentChannel.Body(view)).ToJson());
            await WriteAsync(output, "teams", "incident-" + scenario.Name, TeamsIncidentChannel.Card(view, "3 failures so far. Latest: exit 1"));
            written += 4;
        }

        return written;
    }

    private static IncidentView IncidentPost(SandboxScenario scenario, Playbooks.Diagnosis.DiagnosisReport report)
    {
        var verdict = report.Verdicts.FirstOrDefault();
        var record = new IncidentRecord
        {
            Key = "111122223333/us-east-1/prod/" + scenario.Name, Title = verdict?.Title ?? "Failing tasks", Playbook = verdict?.Name ?? "unclassified",
            Service = scenario.Name, Cluster = "prod", FirstSeen = DateTimeOffset.UnixEpoch, LastSeen = DateTimeOffset.UnixEpoch,
            RootCause = verdict?.RootCause ?? "", LatestEvidence = scenario.Summary,
        };
        return new IncidentView(record, 3) { Charts = verdict?.Charts ?? [] };
    }

    private static Task WriteAsync(string output, string surface, string name, JsonObject message) =>
        File.WriteAllTextAsync(Path.Combine(output, surface, name + ".json"), message.ToJsonString());

    private static async Task<(int ExitCode, string Log)> RunNodeAsync(string input)
    {
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { "validate.mjs", input },
            WorkingDirectory = Validators,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException("node could not be started: the validators need Node.js 20 or later on PATH.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(NodeTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"node validate.mjs did not finish within {NodeTimeout}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
