using System.Runtime.CompilerServices;

namespace DiagBot.Bot.Tests.Support;

/// <summary>
/// Compares output with a file kept in the repo. Refresh on purpose with DIAGBOT_UPDATE_GOLDEN=1 ./test.sh,
/// then read the diff before committing it.
/// </summary>
internal static class Golden
{
    public static void AssertMatches(string actual, string fileName, [CallerFilePath] string callerPath = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(callerPath)!, "Golden", fileName);
        if (Environment.GetEnvironmentVariable("DIAGBOT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"Golden file {path} is missing; run with DIAGBOT_UPDATE_GOLDEN=1 to create it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual.ReplaceLineEndings("\n"));
    }
}
