using System.Globalization;
using System.Text;

namespace DiagBot.Sandbox.Aws.Protocols;

/// <summary>Opaque paging tokens, as AWS hands them out: a base64 offset the client passes back unchanged.</summary>
internal static class Paging
{
    public static (IReadOnlyList<T> Page, string? Next) Page<T>(IReadOnlyList<T> items, string? token, int size, string invalidTokenCode = "InvalidParameterException")
    {
        var start = Decode(token, invalidTokenCode);
        var page = items.Skip(start).Take(size).ToList();
        var next = start + size < items.Count ? Encode(start + size) : null;
        return (page, next);
    }

    public static string Encode(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes("sandbox:" + offset.ToString(CultureInfo.InvariantCulture)));

    public static int Decode(string? token, string invalidTokenCode)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("sandbox:", StringComparison.Ordinal) && int.TryParse(text["sandbox:".Length..], CultureInfo.InvariantCulture, out var offset) && offset >= 0)
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Falls through to the AWS error below.
        }

        throw new AwsException(invalidTokenCode, "The specified nextToken is invalid.");
    }
}
