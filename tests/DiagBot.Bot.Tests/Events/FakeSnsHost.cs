using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using DiagBot.Bot.Tests.Support;
using DiagBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DiagBot.Bot.Tests.Events;

/// <summary>
/// Plays SNS on loopback: a self-signed signing certificate served as PEM, a SubscribeURL that records visits,
/// and messages signed the way the SNS developer guide describes (string to sign, RSA PKCS#1, SHA1 or SHA256).
/// </summary>
internal sealed class FakeSnsHost : IAsyncDisposable
{
    public const string TopicArn = "arn:aws:sns:us-west-2:111122223333:ecs-events";
    private readonly RSA _key = TestRsaKeys.For(TestKeyRole.SnsSigning);
    private LoopbackHost _host = null!;
    private int _confirmations;
    private int _certificateFetches;

    public Uri BaseAddress => _host.BaseAddress;

    public Uri CertificateUrl => new(BaseAddress, "SimpleNotificationService-9c6465fa7f48f5cacd23014631ec1136.pem");

    public Uri SubscribeUrl => new(BaseAddress, "?Action=ConfirmSubscription&TopicArn=" + TopicArn + "&Token=t0k3n");

    public int Confirmations => _confirmations;

    public int CertificateFetches => _certificateFetches;

    public static async Task<FakeSnsHost> StartAsync()
    {
        var host = new FakeSnsHost();
        var request = new CertificateRequest("CN=sns.test", host._key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100));
        var pem = certificate.ExportCertificatePem();
        host._host = await LoopbackHost.StartAsync(app => host.Map(app, pem));
        return host;
    }

    private void Map(WebApplication app, string pem)
    {
        app.MapGet("/SimpleNotificationService-9c6465fa7f48f5cacd23014631ec1136.pem", () =>
        {
            Interlocked.Increment(ref _certificateFetches);
            return Results.Text(pem, "application/x-pem-file");
        });
        app.MapGet("/", () =>
        {
            Interlocked.Increment(ref _confirmations);
            return Results.Text("<ConfirmSubscriptionResponse/>", "text/xml");
        });
    }

    public string Notification(string message, string signatureVersion, Uri? certificateUrl = null, string topicArn = TopicArn) => Signed(new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["Type"] = "Notification",
        ["MessageId"] = Guid.NewGuid().ToString(),
        ["TopicArn"] = topicArn,
        ["Subject"] = "ECS event",
        ["Message"] = message,
        ["Timestamp"] = Now(),
        ["SignatureVersion"] = signatureVersion,
        ["SigningCertURL"] = (certificateUrl ?? CertificateUrl).AbsoluteUri,
        ["UnsubscribeURL"] = new Uri(BaseAddress, "?Action=Unsubscribe").AbsoluteUri,
    }, ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"]);

    public string SubscriptionConfirmation(string topicArn = TopicArn) => Signed(new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["Type"] = "SubscriptionConfirmation",
        ["MessageId"] = Guid.NewGuid().ToString(),
        ["Token"] = "t0k3n",
        ["TopicArn"] = topicArn,
        ["Message"] = "You have chosen to subscribe to the topic " + topicArn + ".\nTo confirm the subscription, visit the SubscribeURL included in this message.",
        ["SubscribeURL"] = SubscribeUrl.AbsoluteUri,
        ["Timestamp"] = Now(),
        ["SignatureVersion"] = "2",
        ["SigningCertURL"] = CertificateUrl.AbsoluteUri,
    }, ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"]);

    /// <summary>When the message is sent; the bot refuses one more than an hour old.</summary>
    public DateTimeOffset? SentAt { get; set; }

    private string Now() => (SentAt ?? DateTimeOffset.UtcNow).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
    }

    private string Signed(SortedDictionary<string, string> fields, string[] signedNames)
    {
        var text = new StringBuilder();
        foreach (var name in signedNames.Where(fields.ContainsKey))
        {
            text.Append(name).Append('\n').Append(fields[name]).Append('\n');
        }

        var hash = fields["SignatureVersion"] == "1" ? HashAlgorithmName.SHA1 : HashAlgorithmName.SHA256;
        fields["Signature"] = Convert.ToBase64String(_key.SignData(Encoding.UTF8.GetBytes(text.ToString()), hash, RSASignaturePadding.Pkcs1));
        return JsonSerializer.Serialize(fields);
    }
}
