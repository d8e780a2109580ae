using DiagBot.Bot.Charts;

namespace DiagBot.Bot.Tests.Charts;

public sealed class ChartDirectoryTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "diagbot-chartdir-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Prepare_MissingDirectory_IsCreated()
    {
        var (path, error) = ChartDirectory.Prepare(Path.Combine(root, "charts"));

        Assert.Null(error);
        Assert.True(Directory.Exists(path));
        Assert.Empty(Directory.GetFiles(path!));
    }

    [Fact]
    public void Prepare_AFile_SaysItIsNotADirectory()
    {
        Directory.CreateDirectory(root);
        var file = Path.Combine(root, "notes.txt");
        File.WriteAllText(file, "x");

        var (path, error) = ChartDirectory.Prepare(file);

        Assert.Null(path);
        Assert.Contains("that is a file, not a directory", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_BelowAFile_SaysItCannotWriteThere()
    {
        Directory.CreateDirectory(root);
        var file = Path.Combine(root, "notes.txt");
        File.WriteAllText(file, "x");

        var (path, error) = ChartDirectory.Prepare(Path.Combine(file, "charts"));

        Assert.Null(path);
        Assert.StartsWith($"--charts {Path.Combine(file, "charts")}: DiagBot cannot write there", error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
