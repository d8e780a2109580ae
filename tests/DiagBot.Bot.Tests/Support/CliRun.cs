using DiagBot.Bot.Cli;

namespace DiagBot.Bot.Tests.Support;

/// <summary>Runs the CLI in-process exactly as `dotnet run -- ...` does, capturing what it prints.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> ExecuteAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, TextReader.Null, output, error);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
