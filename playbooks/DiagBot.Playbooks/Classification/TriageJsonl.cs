using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DiagBot.Playbooks.Classification;

/// <summary>
/// The engine of <c>triage --jsonl</c>: one JSON object per input line in, one per line out,
/// <c>{"playbook": a mode's number | "none", "confidence": 0..1, "why": "..."}</c>. A malformed line gets
/// <c>{"error": "..."}</c> on its own output line and the run goes on; blank lines are skipped.
/// Returns 0, or 2 when any line was malformed. Text only: no network, no AWS.
/// </summary>
public static class TriageJsonl
{
    public const int Success = 0;
    public const int SomeLinesMalformed = 2;

    private static readonly JsonWriterOptions _writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task<int> RunAsync(TextReader input, TextWriter output, CancellationToken ct) =>
        RunAsync(input, output, new SymptomClassifier(), ct);

    /// <summary>
    /// The same, with every text written passed through <paramref name="clean"/> first: a why or an error can quote the
    /// input (an unknown field's value, a line that is not JSON), and the caller owns the one path that redacts secrets.
    /// </summary>
    public static Task<int> RunAsync(TextReader input, TextWriter output, Func<string, string> clean, CancellationToken ct) =>
        RunAsync(input, output, new SymptomClassifier(), ct, clean);

    internal static async Task<int> RunAsync(
        TextReader input, TextWriter output, ISymptomClassifier classifier, CancellationToken ct, Func<string, string>? clean = null)
    {
        clean ??= text => text;
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);

        var anyMalformed = false;
        var lineNumber = 0;
        while (await input.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            string result;
            if (TriageRequest.TryParse(line, out var request, out var error))
            {
                result = FormatResult(classifier.Classify(request.Text, request.Field, request.ExitCode), request.FieldNote, clean);
            }
            else
            {
                anyMalformed = true;
                result = FormatError(clean($"line {lineNumber}: {error}"));
            }

            await output.WriteLineAsync(result.AsMemory(), ct).ConfigureAwait(false);
        }

        await output.FlushAsync(ct).ConfigureAwait(false);
        return anyMalformed ? SomeLinesMalformed : Success;
    }

    internal static string FormatResult(TextClassification classification, string? fieldNote, Func<string, string>? clean = null) => Write(writer =>
    {
        if (classification.Playbook is { } playbook)
        {
            writer.WriteNumber("playbook", playbook);
        }
        else
        {
            writer.WriteString("playbook", "none");
        }

        writer.WriteNumber("confidence", classification.Confidence);
        var why = fieldNote is null ? classification.Why : $"{classification.Why} ({fieldNote})";
        writer.WriteString("why", clean is null ? why : clean(why));
    });

    internal static string FormatError(string message) => Write(writer => writer.WriteString("error", message));

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, _writerOptions))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
