using DiagBot.Bot.Hosting;

namespace DiagBot.Bot.Cli;

/// <summary>The command line: `diagnose`, `triage` and `help`. No arguments means serve mode instead.</summary>
internal static class CliApp
{
    public const int ExitVerdict = 0;
    public const int ExitNothingMatched = 1;
    public const int ExitBadInput = 2;

    public const string Usage = """
        Usage:
          dotnet run --project bot/DiagBot.Bot                                   serve the bot on http://127.0.0.1:5080
          dotnet run --project bot/DiagBot.Bot -- diagnose <subject> [--format markdown|json] [--charts DIR]
          dotnet run --project bot/DiagBot.Bot -- triage --jsonl < messages.jsonl
          <subject>: a task id or ARN, service <name> in <cluster> or a service ARN, target group <name> or its ARN,
          pod <namespace>/<name> [in <cluster>], deployment <namespace>/<name> [in <cluster>], deployment ecs-svc/<id>,
          or symptom words
        Exit codes: 0 a failure was diagnosed, 1 nothing matched, 2 bad input.
        """;

    private static readonly string[] Verbs = ["diagnose", "triage", "healthcheck", "help", "--help", "-h"];

    public static bool Handles(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        try
        {
            return args[0] switch
            {
                "diagnose" => await DiagnoseCommand.RunAsync(args[1..], output, error, cancellation.Token).ConfigureAwait(false),
                "triage" => await TriageCommand.RunAsync(args[1..], input, output, error, cancellation.Token).ConfigureAwait(false),
                "healthcheck" => await HealthcheckCommand.RunAsync(args[1..], error, cancellation.Token).ConfigureAwait(false),
                _ => Help(output),
            };
        }
        catch (InvalidConfigurationException exception)
        {
            await error.WriteLineAsync($"configuration error: {exception.Message}").ConfigureAwait(false);
            return ExitBadInput;
        }
    }

    private static int Help(TextWriter output)
    {
        output.WriteLine(Usage);
        return ExitVerdict;
    }
}
