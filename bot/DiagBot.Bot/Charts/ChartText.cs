using System.Text;

namespace DiagBot.Bot.Charts;

/// <summary>Fits chart words to the picture: long titles wrap at word boundaries, labels on lines are cut short.</summary>
internal static class ChartText
{
    private const int LabelLength = 40;

    public static string Wrap(string text, int width)
    {
        var lines = new StringBuilder();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Append(line).Append('\n');
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        return lines.Append(line).ToString();
    }

    public static string Short(string label) => label.Length <= LabelLength ? label : label[..(LabelLength - 1)].TrimEnd() + "…";
}
