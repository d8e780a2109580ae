using DiagBot.Bot.Charts;
using DiagBot.Bot.Chat;
using DiagBot.Bot.Rendering;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Triage;

namespace DiagBot.Bot.Cli;

/// <summary>
/// `diagnose`: one diagnosis, printed as Markdown or JSON, with `--charts DIR` each chart also written as a PNG; the
/// exit code says what was found.
/// </summary>
internal static class DiagnoseCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var arguments = DiagnoseArguments.Parse(args);
        if (arguments.Error is not null)
        {
            await error.WriteLineAsync(OutgoingText.Plain(arguments.Error)).ConfigureAwait(false);
            return CliApp.ExitBadInput;
        }

        // Parse before starting anything, so a mistyped reference answers at once.
        if (SubjectParser.Parse(arguments.Subject).Error is { } parseError)
        {
            await error.WriteLineAsync(OutgoingText.Plain(parseError)).ConfigureAwait(false);
            return CliApp.ExitBadInput;
        }

        string? charts = null;
        if (arguments.ChartsDirectory is { } directory)
        {
            (charts, var chartsError) = ChartDirectory.Prepare(directory);
            if (chartsError is not null)
            {
                await error.WriteLineAsync(chartsError).ConfigureAwait(false);
                return CliApp.ExitBadInput;
            }
        }

        var host = await CliHost.BuildAsync(cancellationToken).ConfigureAwait(false);
        await using var disposeHost = ((IAsyncDisposable)host).ConfigureAwait(false);
        var origin = host.Services.GetRequiredService<AnswerOrigin>();
        var outcome = await host.Services.GetRequiredService<DiagnosisService>().DiagnoseAsync(arguments.Subject, new Requester("cli", Environment.UserName, Environment.MachineName), cancellationToken).ConfigureAwait(false);
        if (outcome.Report is not { } report)
        {
            await error.WriteLineAsync(OutgoingText.Plain(outcome.Problem)).ConfigureAwait(false);
            return CliApp.ExitBadInput;
        }

        await output.WriteLineAsync(Render(report, origin, arguments.Format, charts).TrimEnd()).ConfigureAwait(false);
        return report.FoundFailure ? CliApp.ExitVerdict : CliApp.ExitNothingMatched;
    }

    private static string Render(DiagnosisReport report, AnswerOrigin origin, OutputFormat format, string? charts)
    {
        // Charts are drawn from the redacted report, the same words every other surface shows.
        var files = charts is null ? [] : ChartFiles.Write(OutgoingText.Clean(report), charts);
        if (format == OutputFormat.Json)
        {
            var answer = JsonRenderer.ToJson(report, origin);
            ChartListing.Json(answer, files);
            return JsonRenderer.Write(answer);
        }

        var markdown = MarkdownRenderer.Render(report, origin);
        return charts is null ? markdown : markdown + ChartListing.Markdown(files, charts);
    }
}
