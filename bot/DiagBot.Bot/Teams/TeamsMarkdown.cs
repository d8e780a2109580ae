using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using DiagBot.Bot.Rendering;

namespace DiagBot.Bot.Teams;

/// <summary>
/// Text Teams reads as Markdown (a message's text, a card's fallbackText), made only here: text from outside is
/// cleaned by <see cref="OutgoingText"/> and has Markdown characters escaped, so a log line or what a user typed
/// cannot become a link, a heading or HTML. <see cref="Format"/> keeps literal parts as written and escapes every
/// hole; Teams message text takes only this type. Adaptive Card TextRuns are plain and cleaned by their builder.
/// </summary>
internal readonly struct TeamsMarkdown
{
    // Only what can start formatting mid-line: emphasis, code, links, HTML, headings, strike, tables.
    private const string MarkdownCharacters = "\\`*_[]<>#~|";

    private readonly string? _value;

    private TeamsMarkdown(string value) => _value = value;

    public string Value => _value ?? string.Empty;

    public static TeamsMarkdown Text(string? raw) => new(Escape(OutgoingText.Plain(raw)));

    public static TeamsMarkdown Format(ref Handler text) => text.Build();

    /// <summary>DiagBot's own Markdown (help, usage): a compile-time constant, never text from outside.</summary>
    public static TeamsMarkdown Own([System.Diagnostics.CodeAnalysis.ConstantExpected] string markdown) => new(markdown);

    public static TeamsMarkdown operator +(TeamsMarkdown left, TeamsMarkdown right) => new(left.Value + right.Value);

    public override string ToString() => Value;

    private static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length + 8);
        foreach (var character in value)
        {
            if (MarkdownCharacters.Contains(character, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }

            escaped.Append(character);
        }

        return escaped.ToString();
    }

    [InterpolatedStringHandler]
    internal ref struct Handler
    {
        private readonly StringBuilder _text;

        public Handler(int literalLength, int formattedCount) => _text = new StringBuilder(literalLength + (formattedCount * 16));

        public readonly void AppendLiteral(string literal) => _text.Append(literal);

        public readonly void AppendFormatted(TeamsMarkdown markdown) => _text.Append(markdown.Value);

        public readonly void AppendFormatted(string? raw) => _text.Append(Escape(OutgoingText.Plain(raw)));

        public readonly void AppendFormatted<T>(T value, string? format = null) =>
            AppendFormatted(value is IFormattable formattable ? formattable.ToString(format, CultureInfo.InvariantCulture) : value?.ToString());

        internal readonly TeamsMarkdown Build() => new(_text.ToString());
    }
}
