namespace DiagBot.Diagnostics.Tests.Fakes;

/// <summary>Reads a captured payload; its first line, a "//" or "<!-- -->" note of where it came from, is not part of it.</summary>
internal static class Fixture
{
    public static string Read(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
        return string.Join('\n', lines.SkipWhile(l => l.StartsWith("//", StringComparison.Ordinal) || l.StartsWith("<!--", StringComparison.Ordinal)));
    }
}
