using System.Globalization;
using DiagBot.Bot.Hosting;

namespace DiagBot.Bot.Chat;

/// <summary>
/// `DiagBot:Diagnosis:MaxConcurrent` (default 8) diagnoses run at once, across every channel; `MaxQueued` (default 256)
/// more wait their turn; past that a channel answers "busy". 256 lets a burst of 200 at once (the hardening and bench
/// figure) be admitted in turn, while each running diagnosis still makes its burst of AWS calls alone.
/// </summary>
public sealed record AdmissionOptions(int MaxConcurrent, int MaxQueued)
{
    public const string Section = "DiagBot:Diagnosis";
    public const int DefaultMaxConcurrent = 8;
    public const int DefaultMaxQueued = 256;

    internal static AdmissionOptions Read(IConfiguration configuration) =>
        new(Positive(configuration, "MaxConcurrent", DefaultMaxConcurrent, minimum: 1), Positive(configuration, "MaxQueued", DefaultMaxQueued, minimum: 0));

    private static int Positive(IConfiguration configuration, string name, int fallback, int minimum)
    {
        var text = configuration[$"{Section}:{name}"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : throw new InvalidConfigurationException($"{Section}:{name} is '{text}'; it must be a whole number of at least {minimum} (default {fallback}). Set it in appsettings.json or as DiagBot__Diagnosis__{name}.");
    }
}
