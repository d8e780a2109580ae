namespace DiagBot.Bot.Cli;

internal enum OutputFormat
{
    Markdown,
    Json,
}

/// <summary>`diagnose &lt;subject...&gt; [--format markdown|json] [--charts DIR]`, or the one-line reason it could not be read.</summary>
internal sealed record DiagnoseArguments(string Subject, OutputFormat Format, string? ChartsDirectory, string? Error)
{
    private const string Options = "The options are --format markdown|json and --charts DIR.";

    public static DiagnoseArguments Parse(string[] args)
    {
        var format = OutputFormat.Markdown;
        string? charts = null;
        var words = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                words.Add(arg);
                continue;
            }

            var (name, value) = Split(arg);
            if (name is not ("--format" or "--charts"))
            {
                return Invalid($"Unknown option {arg}. {Options}");
            }

            if (value is null && (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal)))
            {
                return Invalid(name == "--format"
                    ? "--format needs a value: --format markdown or --format json."
                    : "--charts needs a directory to write the chart PNGs into: --charts ./charts.");
            }

            value ??= args[++i];
            if (name == "--charts")
            {
                charts = value;
                continue;
            }

            switch (value)
            {
                case "markdown": format = OutputFormat.Markdown; break;
                case "json": format = OutputFormat.Json; break;
                default: return Invalid($"Unknown format '{value}'. Use --format markdown or --format json.");
            }
        }

        return words.Count == 0
            ? Invalid("diagnose needs a subject: a task id or ARN, or the symptom in words. Example: diagnose arn:aws:ecs:us-east-1:111122223333:task/prod/<task id>")
            : new DiagnoseArguments(string.Join(' ', words), format, charts, null);
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (arg, null) : (arg[..equals], arg[(equals + 1)..]);
    }

    private static DiagnoseArguments Invalid(string error) => new(string.Empty, OutputFormat.Markdown, null, error);
}
