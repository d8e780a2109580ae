using DiagBot.Bot.Hosting;
using DiagBot.Bot.Rendering;
using DiagBot.Playbooks.Diagnosis;
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

        var parsed = SubjectParser.Parse(arguments.Subject);
        if (parsed.Subject is null)
        {
            await error.WriteLineAsync(parsed.Error).ConfigureAwait(false);
            return CliApp.ExitBadInput;
        }

        var host = await CliHost.BuildAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeHost = ((IAsyncDisposable)host).ConfigureAwait(false);
        var diagnoser = host.Services.GetRequiredService<Diagnoser>();
        var origin = host.Services.GetRequiredService<AnswerOrigin>();
        var report = await diagnoser.DiagnoseAsync(parsed.Subject, cancellationToken).ConfigureAwait(false);
        if (report.SubjectProblem is not null)
        {
            await error.WriteLineAsync(report.SubjectProblem).ConfigureAwait(false);
            return CliApp.ExitBadInput;
        }

        var rendered = arguments.Format == OutputFormat.Json
            ? JsonRenderer.Render(report, origin)
            : MarkdownRenderer.Render(report, origin);
        await output.WriteLineAsync(rendered.TrimEnd()).ConfigureAwait(false);
        return report.FoundFailure ? CliApp.ExitVerdict : CliApp.ExitNothingMatched;
    }
}
