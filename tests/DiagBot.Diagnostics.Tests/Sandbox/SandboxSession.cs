using Amazon.Runtime;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Tests.Fakes;
using DiagBot.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Diagnostics.Tests.Sandbox;

/// <summary>A live evidence session pointed at an in-process sandbox, signed with its credentials.</summary>
internal static class SandboxSession
{
    public static IEvidenceSource Start(SandboxServer sandbox, params (string Key, string? Value)[] extra)
    {
        var settings = EvidenceHarness.Settings(sandbox.BaseAddress, [("DiagBot:Aws:Region", sandbox.Options.Region), .. extra]);
        var credentials = new BasicAWSCredentials(sandbox.Options.AccessKeyId, sandbox.Options.SecretAccessKey);
        return EvidenceHarness.Build(settings, credentials: credentials).GetRequiredService<IEvidenceSessionFactory>().StartSession();
    }

    public static string Subject(this SandboxServer sandbox, string scenario) => sandbox.Scenarios.Single(s => s.Name == scenario).Subject;

    /// <summary>"service storefront in prod" as the catalogue names a service subject.</summary>
    public static (string Service, string Cluster) ServiceSubject(this SandboxServer sandbox, string scenario)
    {
        var words = sandbox.Subject(scenario).Split(' ');
        return (words[1], words[3]);
    }

    public static EcsTaskRef TaskRef(string arn) => EcsTaskRef.TryParse(arn, out var task) ? task : throw new ArgumentException(arn);
}
