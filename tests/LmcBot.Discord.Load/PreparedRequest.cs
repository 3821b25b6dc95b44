using System.Net.Http.Headers;
using System.Text;
using NSec.Cryptography;

namespace LmcBot.Discord.Load;

/// <summary>A signed interaction body, signed once up front so the load generator measures the server, not signing.</summary>
internal sealed record PreparedRequest(byte[] Body, string Timestamp, string Signature)
{
    // RFC 8032 TEST 1: the key the tests also use; the server under load is configured with its public half.
    public const string PublicKeyHex = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private static readonly Key SigningKey = Key.Import(SignatureAlgorithm.Ed25519,
        Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"), KeyBlobFormat.RawPrivateKey);

    public static PreparedRequest Sign(string json, DateTimeOffset now) => Sign(Encoding.UTF8.GetBytes(json), now);

    /// <summary>Signs raw bytes, which need not be valid UTF-8 (the fuzz run).</summary>
    public static PreparedRequest Sign(byte[] body, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = SignatureAlgorithm.Ed25519.Sign(SigningKey, [.. Encoding.UTF8.GetBytes(timestamp), .. body]);
        return new PreparedRequest(body, timestamp, Convert.ToHexStringLower(signature));
    }

    public HttpRequestMessage ToMessage(string path)
    {
        var content = new ByteArrayContent(Body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        message.Headers.Add("X-Signature-Ed25519", Signature);
        message.Headers.Add("X-Signature-Timestamp", Timestamp);
        return message;
    }
}
