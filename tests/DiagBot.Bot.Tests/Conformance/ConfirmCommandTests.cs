using System.Diagnostics;
using System.Text.Json;
using DiagBot.Bot.Chat;
using DiagBot.Bot.Tests.Support;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Sandbox;
using DiagBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Bot.Tests.Conformance;

/// <summary>
/// Every confirm command DiagBot gives for every seeded scenario, run as an engineer would paste it: the official AWS CLI
/// (with the sandbox as AWS_ENDPOINT_URL) and kubectl (with a kubeconfig whose context is the sandbox's cluster). A command
/// that errors is a command that would fail in front of an engineer. Failures outside the fifteen give confirm commands too:
/// each cause's is taken from a diagnosis of a real message the tuning corpus holds for it.
/// </summary>
[Trait("Tier", "External")]
public sealed class ConfirmCommandTests : IAsyncLifetime
{
    // Distinct commands (several scenarios share one); fewer means a playbook stopped giving commands.
    private const int AtLeast = 20;
    private const int AtOnce = 6;

    // Outside causes whose words a pasted chat message can carry (the rest are read only in a stop reason or a log line,
    // and confirm with the same describe-tasks command); fewer means a cause lost its corpus lines.
    private const int OutsideReadInChat = 20;

    // What the sandbox does not simulate, so a command using it cannot run here: ECR's image list, IAM's policy simulator,
    // and docker against a registry. Each such command is named in the test's output, never silently passed.
    private static readonly string[] Unsimulated = ["aws ecr ", "aws iam ", "docker "];

    private readonly string _home = Directory.CreateTempSubdirectory("diagbot-confirm-").FullName;
    private RunningBot _bot = null!;

    public async Task InitializeAsync() => _bot = await RunningBot.StartAsync();

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        Directory.Delete(_home, recursive: true);
    }

    [Fact]
    public async Task Confirm_EveryCommandForEverySeededScenario_RunsCleanlyUnderTheOfficialClients()
    {
        var sandbox = _bot.Services.GetRequiredService<SandboxServer>();
        var diagnosis = _bot.Services.GetRequiredService<DiagnosisService>();
        var commands = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var scenario in sandbox.Scenarios)
        {
            var outcome = await diagnosis.DiagnoseAsync(scenario.Subject, CancellationToken.None);
            foreach (var confirm in Confirms(outcome.Report))
            {
                commands.TryAdd(confirm, scenario.Name);
            }
        }

        var (outsideCauses, readInChat) = (new HashSet<string>(StringComparer.Ordinal), new List<string>());
        foreach (var (text, cause) in OutsideCorpusLines())
        {
            readInChat.Add(cause);
            var outcome = await diagnosis.DiagnoseAsync(text, CancellationToken.None);
            outsideCauses.UnionWith(outcome.Report?.Outside.Select(o => o.Name) ?? []);
            foreach (var confirm in Confirms(outcome.Report))
            {
                commands.TryAdd(confirm, $"outside cause {cause}");
            }
        }

        var environment = await EnvironmentAsync(sandbox);
        var runnable = commands.Where(c => !Unsimulated.Any(u => c.Key.Contains(u, StringComparison.Ordinal))).ToList();
        using var gate = new SemaphoreSlim(AtOnce);
        var failures = await Task.WhenAll(runnable.Select(async pair =>
        {
            await gate.WaitAsync();
            try
            {
                var (exit, output) = await RunAsync(pair.Key, environment);
                return exit == 0 ? null : $"{pair.Value}: `{pair.Key}` exited {exit}:\n{output}";
            }
            finally
            {
                gate.Release();
            }
        }));

        Assert.Empty(failures.OfType<string>());
        Assert.True(commands.Count >= AtLeast, $"only {commands.Count} confirm commands:\n{string.Join('\n', commands.Keys)}");
        Assert.True(commands.Keys.All(c => c.StartsWith("aws ", StringComparison.Ordinal) || c.StartsWith("kubectl ", StringComparison.Ordinal)),
            string.Join('\n', commands.Keys));
        Assert.Empty(readInChat.Except(outsideCauses));
        Assert.True(readInChat.Count >= OutsideReadInChat, $"only {readInChat.Count} outside causes read in a corpus line: {string.Join(", ", readInChat)}");
        Assert.True(runnable.Count >= commands.Count - 3, $"{commands.Count - runnable.Count} commands use what the sandbox does not simulate:\n"
            + string.Join('\n', commands.Keys.Except(runnable.Select(r => r.Key))));
    }

    private static IEnumerable<string> Confirms(DiagnosisReport? report) =>
        report is null ? [] : report.Verdicts.Select(v => v.Confirm).OfType<string>().Concat(report.Outside.Select(o => o.Confirm));

    // The first chat-readable line of the tuning corpus for each outside cause: a real message, so the confirm is the one
    // an engineer who pasted it would get.
    private static IEnumerable<(string Text, string Cause)> OutsideCorpusLines()
    {
        var classifier = new SymptomClassifier();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(RepositoryRoot.Path, "tests", "corpus", "triage-corpus.jsonl")))
        {
            using var corpusLine = JsonDocument.Parse(line);
            var text = corpusLine.RootElement.GetProperty("text").GetString() ?? string.Empty;
            var cause = classifier.OutsideFailures(text, EvidenceField.SymptomText, null).FirstOrDefault(seen.Add);
            if (cause is not null)
            {
                yield return (text, cause);
            }
        }
    }

    private async Task<Dictionary<string, string>> EnvironmentAsync(SandboxServer sandbox)
    {
        var kubeconfig = await Kubeconfig.WriteAsync(Path.Combine(_home, "kubeconfig"), sandbox.BaseAddress, DiagBot.Sandbox.DiagBotSettings.KubernetesCluster);
        return new Dictionary<string, string>
        {
            ["HOME"] = _home,

            // Where pip puts the CLI on a machine scripts/install-test-deps.sh set up.
            ["PATH"] = $"{Environment.GetEnvironmentVariable("PATH")}{Path.PathSeparator}{Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "bin")}",
            ["KUBECONFIG"] = kubeconfig,
            ["AWS_ENDPOINT_URL"] = sandbox.BaseAddress.ToString().TrimEnd('/'),
            ["AWS_ACCESS_KEY_ID"] = sandbox.Options.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = sandbox.Options.SecretAccessKey,
            ["AWS_DEFAULT_REGION"] = sandbox.Options.Region,
            ["AWS_CONFIG_FILE"] = Path.Combine(_home, "aws-config"),
            ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_home, "aws-credentials"),
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["AWS_PAGER"] = string.Empty,
        };
    }

    // Through bash, as pasted into a terminal: quoting and --query expressions are the shell's to read.
    private async Task<(int Exit, string Output)> RunAsync(string command, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _home };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await output) + (await error));
    }
}
