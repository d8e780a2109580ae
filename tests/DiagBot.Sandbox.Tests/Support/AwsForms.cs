using System.Xml.Linq;

namespace DiagBot.Sandbox.Tests.Support;

internal static class AwsForms
{
    public static Dictionary<string, string> Action(string action, string version, params (string Key, string Value)[] parameters)
    {
        var form = new Dictionary<string, string> { ["Action"] = action, ["Version"] = version };
        foreach (var (key, value) in parameters)
        {
            form[key] = value;
        }

        return form;
    }

    // Element values by local name, ignoring the service's XML namespace.
    public static IEnumerable<string> Values(this AwsReply reply, string name) =>
        XDocument.Parse(reply.Body).Descendants().Where(e => e.Name.LocalName == name).Select(e => e.Value);

    public static string Value(this AwsReply reply, string name) => reply.Values(name).First();
}
