using DiagBot.Diagnostics.Ecs;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Triage;

namespace DiagBot.Playbooks.Tests.LoadBalancing;

/// <summary>Contexts as triage builds them for a `service &lt;name&gt; in prod` subject, for calling one playbook directly.</summary>
internal static class SandboxServiceContexts
{
    public static async Task<DiagnosisContext> ServiceContextAsync(this SandboxEvidenceFixture fixture, string service)
    {
        var evidence = fixture.Sessions.StartSession();
        var read = await evidence.Ecs.DescribeServiceAsync("prod", service, CancellationToken.None);
        Assert.True(read.HasValue, $"service {service}: {read.Gap}");
        return new DiagnosisContext(new ServiceSubject($"service {service} in prod", service, "prod"), evidence, fixture.Clock) { Service = read.Value };
    }

    public static async Task<EcsService> ServiceAsync(this SandboxEvidenceFixture fixture, string service) =>
        (await fixture.ServiceContextAsync(service)).Service!;
}
