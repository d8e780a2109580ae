using DiagBot.Bot.Chat;
using DiagBot.Bot.Rendering;
using DiagBot.Playbooks.Triage;

namespace DiagBot.Bot.Cli;

/// <summary>`diagnose`: one diagnosis, printed as Markdown or JSON; the exit code says what was found.</summary>
internal static class DiagnoseCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var arguments = DiagnoseArguments.Parse(args);
        if (arguments.Error is not null)
        {
            await error.WriteLineAsync(arguments.Error).ConfigureAwait(false);
            return CliApp.ExitBadInput;
        }

        // Parse before starting anything, so a mistyped reference answers at once.
        if (SubjectParser.Parse(arguments.Subject).Error is { } parseError)
        {
            await error.WriteLineAsync(parseError).ConfigureAwait(false);
            return CliApp.ExitBadInput;
        }

        var host = await CliHost.BuildAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeHost = ((IAsyncDisposable)host).ConfigureAwait(false);
        var origin = host.Services.GetRequiredService<AnswerOrigin>();
        var outcome = await host.Services.GetRequiredService<DiagnosisService>().DiagnoseAsync(arguments.Subject, new Requester("cli", Environment.UserName, Environment.MachineName), cancellationToken).ConfigureAwait(false);
        if (outcome.Report is not { } report)
        {
            await error.WriteLineAsync(outcome.Problem).ConfigureAwait(false);
            return CliApp.ExitBadInput;
        }

        var rendered = arguments.Format == OutputFormat.Json
            ? JsonRenderer.Render(report, origin)
            : MarkdownRenderer.Render(report, origin);
        await output.WriteLineAsync(rendered.TrimEnd()).ConfigureAwait(false);
        return report.FoundFailure ? CliApp.ExitVerdict : CliApp.ExitNothingMatched;
    }
}
