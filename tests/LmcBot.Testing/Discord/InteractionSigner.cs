using System.Text;
using NSec.Cryptography;

namespace LmcBot.Testing.Discord;

/// <summary>Signs interactions as Discord does, with the RFC 8032 TEST 1 key (docs/PROTOCOLS.md A.1).</summary>
public static class InteractionSigner
{
    public const string SeedHex = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    public const string PublicKeyHex = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    private static readonly Key Key = Key.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(SeedHex), KeyBlobFormat.RawPrivateKey);

    public static string Sign(string timestamp, byte[] body)
    {
        var message = Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray();
        return Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(Key, message));
    }

    /// <summary>A POST signed over exactly <paramref name="body"/>'s bytes.</summary>
    public static HttpRequestMessage SignedPost(string path, string body, string timestamp, string? signature = null) =>
        SignedPost(path, Encoding.UTF8.GetBytes(body), timestamp, signature);

    /// <summary>A POST signed over raw bytes, which need not be valid UTF-8.</summary>
    public static HttpRequestMessage SignedPost(string path, byte[] bytes, string timestamp, string? signature = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Signature-Ed25519", signature ?? Sign(timestamp, bytes));
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return request;
    }
}
