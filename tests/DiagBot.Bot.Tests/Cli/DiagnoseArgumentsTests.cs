using DiagBot.Bot.Cli;

namespace DiagBot.Bot.Tests.Cli;

public sealed class DiagnoseArgumentsTests
{
    [Theory]
    [InlineData(new[] { "abc", "--format", "json" }, "Json")]
    [InlineData(new[] { "--format=markdown", "abc" }, "Markdown")]
    [InlineData(new[] { "abc" }, "Markdown")]
    public void Parse_FormatFlag_IsRead(string[] args, string expected)
    {
        var parsed = DiagnoseArguments.Parse(args);

        Assert.Null(parsed.Error);
        Assert.Equal(("abc", expected), (parsed.Subject, parsed.Format.ToString()));
    }

    [Theory]
    [InlineData(new[] { "abc", "--format", "yaml" }, "Unknown format 'yaml'")]
    [InlineData(new[] { "abc", "--format" }, "--format needs a value")]
    [InlineData(new[] { "abc", "--verbose" }, "Unknown option --verbose")]
    [InlineData(new string[0], "diagnose needs a subject")]
    public void Parse_BadArguments_SaysWhatToTypeInstead(string[] args, string expected)
    {
        Assert.Contains(expected, DiagnoseArguments.Parse(args).Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "abc", "--charts", "out" }, "Markdown")]
    [InlineData(new[] { "--charts=out", "abc" }, "Markdown")]
    [InlineData(new[] { "abc", "--format", "json", "--charts", "out" }, "Json")]
    public void Parse_ChartsFlag_NamesTheDirectory(string[] args, string format)
    {
        var parsed = DiagnoseArguments.Parse(args);

        Assert.Null(parsed.Error);
        Assert.Equal(("abc", "out", format), (parsed.Subject, parsed.ChartsDirectory, parsed.Format.ToString()));
    }

    [Theory]
    [InlineData(new[] { "abc", "--charts" }, "--charts needs a directory")]
    [InlineData(new[] { "abc", "--charts", "--format", "json" }, "--charts needs a directory")]
    [InlineData(new[] { "abc", "--chart", "out" }, "The options are --format markdown|json and --charts DIR.")]
    public void Parse_ChartsWithoutDirectory_SaysWhatToType(string[] args, string expected)
    {
        Assert.Contains(expected, DiagnoseArguments.Parse(args).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoChartsFlag_WritesNoCharts()
    {
        Assert.Null(DiagnoseArguments.Parse(["abc"]).ChartsDirectory);
    }

    [Fact]
    public void Parse_SeveralWords_JoinIntoOneSymptom()
    {
        Assert.Equal("ALB 503 on web", DiagnoseArguments.Parse(["ALB", "503", "on", "web"]).Subject);
    }
}
