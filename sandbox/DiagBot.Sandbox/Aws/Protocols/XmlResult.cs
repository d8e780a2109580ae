using System.Xml.Linq;

namespace DiagBot.Sandbox.Aws.Protocols;

/// <summary>The members of a Query or EC2 answer, before the protocol wraps them in &lt;{Operation}Response&gt;.</summary>
internal sealed record XmlResult(IReadOnlyList<XElement?> Members)
{
    public XmlResult(params XElement?[] members)
        : this((IReadOnlyList<XElement?>)members)
    {
    }
}
