using System.Text;
using System.Xml;
using System.Xml.Linq;
using DiagBot.Diagnostics.Aws.Resilience;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Evidence.Live;

namespace DiagBot.Diagnostics.Aws.Http;

/// <summary>
/// The AWS Query protocol: a form POST with Action and Version, an XML answer whose &lt;{Action}Result&gt; holds the
/// output, and errors as &lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;.
/// </summary>
internal sealed class AwsQueryClient(AwsHttpTransport transport, AwsCallGuard guard)
{
    public const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";

    public Task<EvidenceResult<XElement>> CallAsync(
        AwsOperation operation, string version, AwsTarget target, IEnumerable<KeyValuePair<string, string>> parameters,
        DiagnosisBudget budget, CancellationToken cancellationToken)
    {
        var form = new[] { KeyValuePair.Create("Action", operation.Name), KeyValuePair.Create("Version", version) }.Concat(parameters);
        var body = Encoding.UTF8.GetBytes(string.Join("&", form.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}")));
        var request = new AwsHttpRequest(ContentType, body, []);
        return guard.RunAsync(operation, target, budget, cancellationToken, async token =>
            Read(operation, await transport.SendAsync(operation, target, request, token).ConfigureAwait(false)));
    }

    private static EvidenceResult<XElement> Read(AwsOperation operation, AwsRawResponse response)
    {
        XElement? root;
        try
        {
            root = response.Body.Length == 0 ? null : XElement.Parse(Encoding.UTF8.GetString(response.Body));
        }
        catch (XmlException ex)
        {
            root = null;
            if (response.IsSuccess)
            {
                return Unreadable(operation, ex.Message);
            }
        }

        if (!response.IsSuccess)
        {
            var error = root?.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
            return EvidenceResult<XElement>.Missing(AwsErrorMapper.ToGap(
                operation, response.Status, error?.ChildText("Code") ?? response.ErrorTypeHeader, error?.ChildText("Message")));
        }

        var result = root?.Child(operation.Name + "Result");
        return result is null ? Unreadable(operation, $"no {operation.Name}Result element") : EvidenceResult<XElement>.Found(result);
    }

    private static EvidenceResult<XElement> Unreadable(AwsOperation operation, string why) =>
        EvidenceResult<XElement>.Missing(new EvidenceGap(operation.Service.Key, operation.Name, GapReason.ServiceError, $"unreadable response ({why})"));
}
