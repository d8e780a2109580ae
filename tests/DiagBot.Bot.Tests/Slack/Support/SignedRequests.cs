using System.Globalization;
using System.Text;
using DiagBot.Bot.Slack;

namespace DiagBot.Bot.Tests.Slack.Support;

/// <summary>Requests signed the way Slack signs them, with the test's signing secret.</summary>
internal static class SignedRequests
{
    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";

    public static HttpRequestMessage Form(string path, string body, DateTimeOffset? at = null) =>
        Signed(path, body, "application/x-www-form-urlencoded", at);

    public static HttpRequestMessage Json(string path, string body, DateTimeOffset? at = null) =>
        Signed(path, body, "application/json", at);

    public static HttpRequestMessage Signed(string path, string body, string contentType, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? TimeProvider.System.GetUtcNow()).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = Unsigned(path, body, contentType);
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Compute(SigningSecret, timestamp, Encoding.UTF8.GetBytes(body)));
        return request;
    }

    public static HttpRequestMessage Unsigned(string path, string body, string contentType) =>
        new(HttpMethod.Post, new Uri(path.TrimStart('/'), UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, contentType) };

    public static string SlashCommandForm(string text, Uri responseUrl, string channel = "C0DIAGBOT1", string user = "U0ONCALL01") =>
        "token=deprecated&team_id=T0TEAM0001&team_domain=diagbot&channel_id=" + channel + "&channel_name=incidents&user_id=" + user
        + "&user_name=oncall&command=%2Fdiagnose&text=" + Uri.EscapeDataString(text)
        + "&api_app_id=A0DIAGBOT1&is_enterprise_install=false&response_url=" + Uri.EscapeDataString(responseUrl.AbsoluteUri)
        + "&trigger_id=13345224609.738474920.8088930838d88f008e0";
}
