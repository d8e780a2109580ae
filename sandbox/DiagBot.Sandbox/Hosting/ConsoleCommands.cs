using System.Text.Json;

namespace DiagBot.Sandbox.Hosting;

/// <summary>What the standalone executable prints: the catalogue as JSON, and the connection details at start-up.</summary>
internal static class ConsoleCommands
{
    private static readonly JsonSerializerOptions _catalogueJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public static bool IsScenarios(string[] args) => args.Length > 0 && args[0] == "scenarios";

    public static void PrintScenarios(IReadOnlyList<SandboxScenario> scenarios, string[] args, TextWriter output)
    {
        if (args.Contains("--json"))
        {
            var rows = scenarios.Select(s => new { name = s.Name, playbook = s.Playbook, subject = s.Subject, summary = s.Summary });
            output.WriteLine(JsonSerializer.Serialize(rows, _catalogueJson));
            return;
        }

        foreach (var scenario in scenarios)
        {
            output.WriteLine($"{scenario.Name,-36} {(scenario.Playbook is { } p ? $"#{p}" : "-"),-4} {scenario.Subject}");
        }
    }

    public static void PrintBanner(SandboxOptions options, IEnumerable<string> addresses, int scenarioCount, TextWriter output)
    {
        var url = addresses.FirstOrDefault() ?? options.Urls;
        output.WriteLine($"DiagBot sandbox listening on {url} ({scenarioCount} scenarios seeded, scale {options.Scale.ToString().ToLowerInvariant()}"
            + (options.EnforceRateLimits ? ", AWS's documented request rates enforced)" : ")"));
        if (options.Scale == SandboxScale.Large)
        {
            output.WriteLine($"  Other accounts (reach them with sts assume-role into any role): {string.Join(", ", Catalogue.Scale.LargeAccount.OtherAccountIds)}");
        }

        output.WriteLine("Test credentials (simulated account, not real AWS):");
        output.WriteLine($"  AWS_ACCESS_KEY_ID={options.AccessKeyId}");
        output.WriteLine($"  AWS_SECRET_ACCESS_KEY={options.SecretAccessKey}");
        output.WriteLine($"  AWS_REGION={options.Region}    account {options.AccountId}");
        output.WriteLine($"  aws --endpoint-url {url} ecs describe-tasks --cluster prod --tasks <task id>");
        output.WriteLine($"  kubectl --server {url} --insecure-skip-tls-verify get pods -A   (any bearer token is accepted)");
    }
}
