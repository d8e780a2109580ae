using System.Collections;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace DiagBot.Bench;

/// <summary>
/// How many evidence reads the playbooks asked for (before the session cache answers them), and, while
/// <see cref="Tracing"/>, each read's start and end since the last <see cref="Reset"/>: the chain of round trips
/// that makes an incident slow is read off that list.
/// </summary>
internal sealed class EvidenceCallCounter(TextWriter? trace = null)
{
    private const int ArgumentChars = 120;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _asked;

    public int AskedCount => Volatile.Read(ref _asked);

    public bool Tracing { get; set; }

    public void Asked() => Interlocked.Increment(ref _asked);

    public void Reset()
    {
        Interlocked.Exchange(ref _asked, 0);
        _clock.Restart();
    }

    public double Now => _clock.Elapsed.TotalMilliseconds;

    public void Answered(MethodInfo method, object?[]? args, double startedAt)
    {
        if (trace is null || !Tracing)
        {
            return;
        }

        var shown = string.Join(", ", (args ?? []).Where(a => a is not CancellationToken).Select(Show));
        lock (trace)
        {
            trace.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {startedAt,6:F0} → {Now,6:F0} ms  {method.DeclaringType?.Name}.{method.Name}({shown})"));
        }
    }

    private static string Show(object? argument)
    {
        var text = argument switch
        {
            null => "null",
            string s => s,
            IEnumerable items => string.Join("|", items.Cast<object?>()),
            _ => argument.ToString() ?? string.Empty,
        };
        return text.Length <= ArgumentChars ? text : text[..ArgumentChars] + "…";
    }
}
