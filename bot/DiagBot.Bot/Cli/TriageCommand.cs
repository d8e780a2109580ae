using DiagBot.Bot.Rendering;
using DiagBot.Playbooks.Classification;

namespace DiagBot.Bot.Cli;

/// <summary>`triage --jsonl`: text classification only, no network, one output line per input line.</summary>
internal static class TriageCommand
{
    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args is not ["--jsonl"])
        {
            await error.WriteLineAsync($"triage takes exactly one flag, --jsonl, and reads JSON lines on standard input.{Environment.NewLine}{CliApp.Usage}").ConfigureAwait(false);
            return CliApp.ExitBadInput;
        }

        // A why or an error can quote the input line, so what is printed goes through the one redaction path.
        return await TriageJsonl.RunAsync(input, output, OutgoingText.Plain, cancellationToken).ConfigureAwait(false);
    }
}
