using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DiagBot.Bot.Tests.Teams.Fakes;

/// <summary>
/// A self-signed certificate for 127.0.0.1: the fake Entra and Bot Framework endpoints serve TLS with it, because
/// MSAL and the OpenID metadata retriever accept only https. Only the bot's identity HTTP client trusts it.
/// </summary>
internal static class TestCertificate
{
    private static readonly Lazy<X509Certificate2> Instance = new(Create);

    public static X509Certificate2 Certificate => Instance.Value;

    public static bool IsTrusted(X509Certificate2? presented) =>
        presented is not null && presented.RawData.AsSpan().SequenceEqual(Certificate.RawData);

    private static X509Certificate2 Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = TimeProvider.System.GetUtcNow();
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));

        // Kestrel wants a certificate whose key it can use from any thread; a PKCS#12 round trip gives it one.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null);
    }
}
