namespace DiagBot.Bot.Charts;

/// <summary>
/// The directory `diagnose --charts DIR` writes into, checked before the diagnosis starts so a typo answers at once:
/// it is created when missing, and must be a directory DiagBot can write to.
/// </summary>
internal static class ChartDirectory
{
    private const string ProbeName = ".diagbot-write-check";

    /// <summary>The full path, or the one-line reason it cannot be used.</summary>
    public static (string? Path, string? Error) Prepare(string directory)
    {
        if (string.IsNullOrWhiteSpace(directory))
        {
            return (null, "--charts needs a directory to write the chart PNGs into: --charts ./charts.");
        }

        string full;
        try
        {
            full = System.IO.Path.GetFullPath(directory);
            if (File.Exists(full))
            {
                return (null, $"--charts {directory}: that is a file, not a directory. Name a directory (it is created if missing).");
            }

            Directory.CreateDirectory(full);
            var probe = System.IO.Path.Combine(full, ProbeName);
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return (null, $"--charts {directory}: DiagBot cannot write there ({exception.Message}). Name a directory you can write to.");
        }

        return (full, null);
    }
}
