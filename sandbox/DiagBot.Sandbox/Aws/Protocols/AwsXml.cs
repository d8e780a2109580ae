using System.Globalization;
using System.Xml.Linq;

namespace DiagBot.Sandbox.Aws.Protocols;

/// <summary>Small helpers to shape Query and EC2 XML: null members are left out, timestamps are ISO 8601 in UTC, booleans lower-case.</summary>
internal static class AwsXml
{
    public static XElement E(string name, params object?[] content) => new(name, content.Select(Value));

    public static XElement? Opt(string name, object? value) => value is null ? null : E(name, value);

    /// <summary>Query lists wrap each item in &lt;member&gt;; EC2 lists in &lt;item&gt;.</summary>
    public static XElement Members(string name, IEnumerable<object?> items) => new(name, items.Select(item => E("member", item)));

    public static XElement Items(string name, IEnumerable<object?> items) => new(name, items.Select(item => E("item", item)));

    public static string Timestamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static async Task WriteAsync(HttpResponse response, int status, XElement root, XNamespace? ns)
    {
        if (ns is not null)
        {
            foreach (var element in root.DescendantsAndSelf())
            {
                element.Name = ns + element.Name.LocalName;
            }
        }

        response.StatusCode = status;
        response.ContentType = "text/xml";
        await response.WriteAsync(new XDocument(new XDeclaration("1.0", "UTF-8", null), root).Declaration + "\n" + root.ToString(SaveOptions.DisableFormatting));
    }

    private static object? Value(object? value) => value switch
    {
        bool flag => flag ? "true" : "false",
        DateTimeOffset time => Timestamp(time),
        int or long or double or decimal => Convert.ToString(value, CultureInfo.InvariantCulture),
        _ => value,
    };
}
