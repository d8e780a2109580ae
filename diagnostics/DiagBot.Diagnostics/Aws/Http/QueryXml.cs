using System.Globalization;
using System.Xml.Linq;

namespace DiagBot.Diagnostics.Aws.Http;

/// <summary>Reading Query-protocol XML by local name, whatever namespace the service declares.</summary>
internal static class QueryXml
{
    public static XElement? Child(this XElement element, string name) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    public static string? ChildText(this XElement element, string name) => element.Child(name)?.Value;

    public static int? ChildInt(this XElement element, string name) =>
        int.TryParse(element.ChildText(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static DateTimeOffset? ChildTime(this XElement element, string name) =>
        DateTimeOffset.TryParse(element.ChildText(name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;

    /// <summary>The &lt;member&gt; items of a list element (Query lists are &lt;Name&gt;&lt;member/&gt;...&lt;/Name&gt;).</summary>
    public static IEnumerable<XElement> Members(this XElement element, string listName) =>
        element.Child(listName)?.Elements().Where(e => e.Name.LocalName == "member") ?? [];

    public static IReadOnlyList<string> MemberTexts(this XElement element, string listName) =>
        [.. element.Members(listName).Select(m => m.Value)];

    /// <summary>A list parameter as Query spells it: Name.member.1, Name.member.2, ...</summary>
    public static IEnumerable<KeyValuePair<string, string>> ListParameter(string name, IEnumerable<string> values) =>
        values.Select((v, i) => KeyValuePair.Create($"{name}.member.{i + 1}", v));
}
