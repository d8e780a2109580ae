namespace DiagBot.Bench;

/// <summary>
/// What the bench needs from the machine, checked before the first measurement: the storm across replicas is the last
/// part of a full run, and a missing redis-server found only then throws away twenty minutes of figures.
/// </summary>
internal static class Prerequisites
{
    /// <summary>A sentence naming what is missing and how to install it, or null when everything is there.</summary>
    public static string? MissingForReplicaStorm() =>
        OnPath("redis-server") ? null : "redis-server is not on PATH: the storm across replicas shares one Redis. Run scripts/install-test-deps.sh first.";

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));
}
