using System.Text;

namespace DiagBot.Bot.Rendering;

/// <summary>
/// Terminal control characters from evidence (an escape sequence in a log line can recolour, move the cursor or
/// retitle an engineer's terminal) are shown as U+FFFD. Newline and tab stay; a CR only as part of CRLF, which
/// becomes a newline. Bidirectional overrides go too, so a line cannot read differently from what it holds.
/// </summary>
internal static class ControlCharacters
{
    public const char Replacement = '\uFFFD';

    public static string Replace(string text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(IsReplaced))
        {
            return text;
        }

        var cleaned = new StringBuilder(text.Length);
        for (var index = 0; index < text.Length; index++)
        {
            var character = text[index];
            if (character == '\r' && index + 1 < text.Length && text[index + 1] == '\n')
            {
                continue;
            }

            cleaned.Append(IsReplaced(character) ? Replacement : character);
        }

        return cleaned.ToString();
    }

    // C0 (U+0000..U+001F) but newline and tab, DEL, C1 (U+0080..U+009F), and the bidi embeddings, overrides and isolates.
    private static bool IsReplaced(char character) => character switch
    {
        '\n' or '\t' => false,
        < ' ' => true,
        >= '\u007F' and <= '\u009F' => true,
        >= '\u202A' and <= '\u202E' => true,
        >= '\u2066' and <= '\u2069' => true,
        _ => false,
    };
}
