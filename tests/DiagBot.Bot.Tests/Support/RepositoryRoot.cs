namespace DiagBot.Bot.Tests.Support;

internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static IEnumerable<string> SourceFiles(params string[] rooms) =>
        rooms.SelectMany(room => Directory.EnumerateFiles(System.IO.Path.Combine(Path, room), "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{System.IO.Path.DirectorySeparatorChar}obj{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{System.IO.Path.DirectorySeparatorChar}bin{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    public static string Relative(string file) => System.IO.Path.GetRelativePath(Path, file);

    private static string Find() =>
        typeof(RepositoryRoot).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "RepositoryRoot").Value
        ?? throw new InvalidOperationException("The RepositoryRoot assembly metadata is missing from the test project.");
}
