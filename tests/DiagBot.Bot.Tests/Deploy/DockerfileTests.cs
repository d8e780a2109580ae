using DiagBot.Bot.Cli;
using static DiagBot.Bot.Tests.Deploy.DeployFiles;

namespace DiagBot.Bot.Tests.Deploy;

/// <summary>deploy/Dockerfile: multi-stage, a small non-root runtime, live mode on one port, health checked without curl.</summary>
public sealed class DockerfileTests
{
    private static readonly string[] Lines = File.ReadAllLines(PathOf("Dockerfile"));

    [Fact]
    public void Dockerfile_BuildsWithTheSdk_RunsOnTheAspNetRuntime()
    {
        var froms = Lines.Where(line => line.StartsWith("FROM ", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, froms.Count);
        Assert.Contains("/dotnet/sdk:", froms[0], StringComparison.Ordinal);
        Assert.Contains("/dotnet/aspnet:", froms[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Dockerfile_RuntimeStage_IsNotRoot()
    {
        var user = FinalStage().Last(line => line.StartsWith("USER ", StringComparison.Ordinal));

        Assert.DoesNotContain("root", user, StringComparison.Ordinal);
        Assert.NotEqual("USER 0", user.Trim());
    }

    [Fact]
    public void Dockerfile_HealthcheckUsesTheBotsVerbOnTheServedPort()
    {
        var stage = string.Join('\n', FinalStage());
        var port = HealthcheckCommand.DefaultPort.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Contains("HEALTHCHECK", stage, StringComparison.Ordinal);
        Assert.Contains($"\"DiagBot.Bot.dll\", \"healthcheck\", \"{port}\"", stage, StringComparison.Ordinal);
        Assert.Contains($"Urls=http://+:{port}", stage, StringComparison.Ordinal);
        Assert.Contains($"EXPOSE {port}", stage, StringComparison.Ordinal);
        Assert.Contains("DiagBot__Mode=live", stage, StringComparison.Ordinal);
        Assert.Contains("Logging__Console__FormatterName=json", stage, StringComparison.Ordinal);
        Assert.DoesNotContain(FinalStage(), line => !line.TrimStart().StartsWith('#') && line.Contains("curl", StringComparison.Ordinal));
    }

    private static IEnumerable<string> FinalStage() =>
        Lines.Skip(Array.FindLastIndex(Lines, line => line.StartsWith("FROM ", StringComparison.Ordinal)));
}
