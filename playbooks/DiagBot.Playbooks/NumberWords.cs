using System.Globalization;

namespace DiagBot.Playbooks;

/// <summary>A count as a sentence says it ("the fifteen failure modes"): words up to ninety-nine, digits beyond.</summary>
internal static class NumberWords
{
    private static readonly string[] _units =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] _tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    public static string Of(int number) => number switch
    {
        < 0 or > 99 => number.ToString(CultureInfo.InvariantCulture),
        < 20 => _units[number],
        _ when number % 10 == 0 => _tens[number / 10],
        _ => $"{_tens[number / 10]}-{_units[number % 10]}",
    };
}
