using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using DiagBot.Bot.Rendering;

namespace DiagBot.Bot.Slack;

/// <summary>
/// Text Slack may read as mrkdwn, made only here: whatever did not come from DiagBot's own source (a reason, a log
/// line, a name, what a user typed) is cleaned by <see cref="OutgoingText"/> and has &amp;, &lt; and &gt; escaped,
/// so it can neither ping (&lt;!channel&gt;, &lt;@U123&gt;) nor forge a link (&lt;https://x|label&gt;).
/// <see cref="Format"/> keeps the literal parts of an interpolated string as written and escapes every hole;
/// Slack messages and blocks take only this type, so a new message cannot skip the path.
/// </summary>
internal readonly struct SlackMrkdwn
{
    private readonly string? _value;

    private SlackMrkdwn(string value) => _value = value;

    public static SlackMrkdwn Empty { get; } = new(string.Empty);

    public string Value => _value ?? string.Empty;

    public int Length => Value.Length;

    /// <summary>Text from outside shown as it reads: cleaned, then escaped.</summary>
    public static SlackMrkdwn Text(string? raw) => new(SlackText.Escape(OutgoingText.Plain(raw)));

    /// <summary>Literal parts as written (DiagBot's own formatting), every hole cleaned and escaped.</summary>
    public static SlackMrkdwn Format(ref Handler text) => text.Build();

    /// <summary>DiagBot's own mrkdwn (help, refusals, emoji codes): a compile-time constant, never text from outside.</summary>
    public static SlackMrkdwn Own([System.Diagnostics.CodeAnalysis.ConstantExpected] string mrkdwn) => new(mrkdwn);

    /// <summary>Inline code on one line; a backtick inside would end the code span early.</summary>
    public static SlackMrkdwn Code(string? raw) => new("`" + SlackText.Escape(OutgoingText.Plain(raw).Replace('`', '\'').ReplaceLineEndings(" ")) + "`");

    /// <summary>A code block; three backticks inside would end it early.</summary>
    public static SlackMrkdwn CodeBlock(string? raw) => new("```" + SlackText.Escape(OutgoingText.Plain(raw).Replace("```", "'''", StringComparison.Ordinal)) + "```");

    public static SlackMrkdwn Join(string separator, IEnumerable<SlackMrkdwn> parts) =>
        new(string.Join(SlackText.Escape(separator), parts.Select(part => part.Value)));

    public static SlackMrkdwn operator +(SlackMrkdwn left, SlackMrkdwn right) => new(left.Value + right.Value);

    /// <summary>At most <paramref name="maxLength"/> characters, never cutting an escape such as &amp;lt; in half.</summary>
    public SlackMrkdwn Truncate(int maxLength)
    {
        var cut = SlackText.Truncate(Value, maxLength);
        var ampersand = cut.LastIndexOf('&');
        if (cut.Length < Value.Length && ampersand >= 0 && cut.IndexOf(';', ampersand) < 0)
        {
            cut = SlackText.Truncate(Value[..ampersand] + " ", ampersand + 1);
        }

        return new SlackMrkdwn(cut);
    }

    public override string ToString() => Value;

    [InterpolatedStringHandler]
    internal ref struct Handler
    {
        private readonly StringBuilder _text;

        public Handler(int literalLength, int formattedCount) => _text = new StringBuilder(literalLength + (formattedCount * 16));

        public readonly void AppendLiteral(string literal) => _text.Append(literal);

        public readonly void AppendFormatted(SlackMrkdwn mrkdwn) => _text.Append(mrkdwn.Value);

        public readonly void AppendFormatted(string? raw) => _text.Append(SlackText.Escape(OutgoingText.Plain(raw)));

        public readonly void AppendFormatted<T>(T value, string? format = null) =>
            AppendFormatted(value is IFormattable formattable ? formattable.ToString(format, CultureInfo.InvariantCulture) : value?.ToString());

        internal readonly SlackMrkdwn Build() => new(_text.ToString());
    }
}
