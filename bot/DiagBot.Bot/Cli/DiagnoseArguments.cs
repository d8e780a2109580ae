namespace DiagBot.Bot.Cli;

internal enum OutputFormat
{
    Markdown,
    Json,
}

/// <summary>`diagnose <subject...> [--format markdown|json]`, or the one-line reason it could not be read.</summary>
internal sealed record DiagnoseArguments(string Subject, OutputFormat Format, string? Error)
{
    public static DiagnoseArguments Parse(string[] args)
    {
        var format = OutputFormat.Markdown;
        var words = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string? value = null;
            if (arg.StartsWith("--format=", StringComparison.Ordinal))
            {
                value = arg["--format=".Length..];
            }
            else if (arg == "--format")
            {
                if (i + 1 >= args.Length)
                {
                    return Invalid("--format needs a value: --format markdown or --format json.");
                }

                value = args[++i];
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                return Invalid($"Unknown option {arg}. The only option is --format markdown|json.");
            }
            else
            {
                words.Add(arg);
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
            : new DiagnoseArguments(string.Join(' ', words), format, null);
    }

    private static DiagnoseArguments Invalid(string error) => new(string.Empty, OutputFormat.Markdown, error);
}
