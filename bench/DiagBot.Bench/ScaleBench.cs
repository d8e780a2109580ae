using System.Diagnostics;
using DiagBot.Sandbox;

namespace DiagBot.Bench;

/// <summary>
/// Issue 22: the API calls each subject kind costs in the small and the large sandbox (counted at the sandbox after a
/// warm-up that fetches the other accounts' credentials), then 200 concurrent diagnoses of mixed subjects in the large
/// account with AWS's documented rates enforced and L added to every call.
/// </summary>
internal static class ScaleBench
{
    public const int Concurrent = 200;

    public static async Task<ScaleFigures> RunAsync(TimeSpan latency)
    {
        await using var small = await BenchAccount.StartAsync(SandboxScale.Small, rateLimits: false);
        await using var large = await BenchAccount.StartAsync(SandboxScale.Large, rateLimits: true);
        var subjects = Subjects(small);
        foreach (var account in new[] { small, large })
        {
            await account.Diagnoses.DiagnoseAsync("tg catalog-api-tg", CancellationToken.None);
        }

        var rows = new List<ScaleRow>();
        foreach (var (kind, subject) in subjects)
        {
            rows.Add(new ScaleRow(kind, subject, await CountAsync(small, subject), await CountAsync(large, subject)));
        }

        var meter = new SandboxCallMeter(large.Sandbox.Faults, latency);
        meter.Reset();
        var throttledBefore = large.Sandbox.Throttled;
        var durations = new double[Concurrent];
        var failed = 0;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(async i =>
        {
            var clock = Stopwatch.StartNew();
            try
            {
                var outcome = await large.Diagnoses.DiagnoseAsync(subjects[i % subjects.Count].Subject, CancellationToken.None);
                if (outcome.Report is null)
                {
                    Interlocked.Increment(ref failed);
                }
            }
#pragma warning disable CA1031 // A diagnosis that throws is counted as failed; the bench goes on.
            catch (Exception)
#pragma warning restore CA1031
            {
                Interlocked.Increment(ref failed);
            }

            durations[i] = clock.Elapsed / latency;
        }));
        var sent = meter.Sent();
        large.Sandbox.Faults.Clear();
        return new ScaleFigures(rows, Concurrent, failed, sent, large.Sandbox.Throttled - throttledBefore, durations, wall.Elapsed.TotalSeconds);
    }

    private static async Task<int> CountAsync(BenchAccount account, string subject)
    {
        var meter = new SandboxCallMeter(account.Sandbox.Faults, TimeSpan.Zero);
        meter.Reset();
        await account.Diagnoses.DiagnoseAsync(subject, CancellationToken.None);
        var sent = meter.Sent();
        account.Sandbox.Faults.Clear();
        return sent;
    }

    // One subject of every kind DiagBot reads, each naming something both sandboxes hold.
    private static List<(string Kind, string Subject)> Subjects(BenchAccount small)
    {
        string Incident(string name) => small.Sandbox.Scenarios.Single(s => s.Name == name).Subject;
        return
        [
            ("task ARN", Incident("p07-task-oom")),
            ("task ARN, crash loop", Incident("p14-exec-format-error")),
            ("service", Incident("p06-targets-unhealthy")),
            ("service, app access denied", Incident("p04-app-access-denied")),
            ("pod", Incident("p09-pod-pending")),
            ("target group", "tg catalog-api-tg"),
            ("Kubernetes deployment", "deployment shop/search-api"),
            ("ECS deployment", "deployment " + EcsDeploymentOf("catalog-api")),
        ];
    }

    // The sandbox derives a service's deployment id from its name (Catalogue/Seeding/EcsServiceSeeds).
    private static string EcsDeploymentOf(string service) =>
        "ecs-svc/" + (Convert.ToInt64(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("svc/" + service)))[..15], 16) % 9_000_000_000_000_000_000L);
}
