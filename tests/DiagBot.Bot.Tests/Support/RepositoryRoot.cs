namespace DiagBot.Bot.Tests.Support;

internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static IEnumerable<string> SourceFiles(params string[] rooms) =>
        rooms.SelectMany(room => Directory.EnumerateFiles(System.IO.Path.Combine(Path, room), "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{System.IO.Path.DirectorySeparatorChar}obj{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{System.IO.Path.DirectorySeparatorChar}bin{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    public static string Relative(string file) => System.IO.Path.GetRelativePath(Path, file);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "DiagBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("DiagBot.sln not found above " + AppContext.BaseDirectory);
    }
}
