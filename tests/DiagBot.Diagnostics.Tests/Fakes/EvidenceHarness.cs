using Amazon.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DiagBot.Diagnostics.Tests.Fakes;

/// <summary>The DI container the bot builds, over settings given as "DiagBot:Aws:..." pairs.</summary>
internal static class EvidenceHarness
{
    public const string AccessKeyId = "AKIDSANDBOX00000000";
    public const string SecretAccessKey = "sandbox/secret";

    public static ServiceProvider Build(IDictionary<string, string?> settings, TimeProvider? time = null, AWSCredentials? credentials = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddDiagBotEvidence(configuration, credentials ?? new BasicAWSCredentials(AccessKeyId, SecretAccessKey));
        return services.BuildServiceProvider();
    }

    public static FakeTimeProvider Clock() => new(DateTimeOffset.UtcNow) { AutoAdvanceAmount = TimeSpan.Zero };

    public static Dictionary<string, string?> Settings(Uri endpoint, params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["DiagBot:Aws:Region"] = "us-east-1",
            ["DiagBot:Aws:EndpointUrl"] = endpoint.ToString(),

            // Generous on purpose: a loaded CI machine must not turn a slow answer into a timeout. Tests about
            // timeouts and the budget set their own values and drive them with a fake clock.
            ["DiagBot:Aws:CallTimeout"] = "00:00:30",
            ["DiagBot:Aws:DiagnosisBudget"] = "00:01:00",

            // Retries stay on, with delays short enough for a test run.
            ["DiagBot:Aws:Resilience:RetryBaseDelay"] = "00:00:00.001",
            ["DiagBot:Aws:Resilience:RetryMaxDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }
}
