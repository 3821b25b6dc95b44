using System.Text;
using LmcBot.Discord.Security;
using Microsoft.Extensions.Time.Testing;
using NSec.Cryptography;
using LmcBot.Testing.Discord;

namespace LmcBot.Discord.Tests;

public sealed class DiscordSignatureVerifierTests
{
    private const string DiscordVectorSignature =
        "1695961a47c91a1ec033b819b7e87e3dbc583dd0cee6d1fd0216f58ac87b6228ae531ddbf91fb7bc28d7edf7f08604da16f54624f38a6bc0614e4dc13cd47f0f";

    private static DiscordSignatureVerifier VerifierAt(long unixSeconds, string publicKey = InteractionSigner.PublicKeyHex) =>
        new(publicKey, TimeSpan.FromMinutes(5), new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));

    [Theory]
    [InlineData("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60", "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")]
    [InlineData("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb", "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00")]
    public void Ed25519_Rfc8032Vector_SignsAndVerifiesExactly(string seed, string publicKey, string message, string signature)
    {
        using var key = Key.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(seed), KeyBlobFormat.RawPrivateKey);
        Assert.Equal(publicKey, Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)));
        Assert.Equal(signature, Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, Convert.FromHexString(message))));
        Assert.True(SignatureAlgorithm.Ed25519.Verify(
            PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(publicKey), KeyBlobFormat.RawPublicKey),
            Convert.FromHexString(message), Convert.FromHexString(signature)));
    }

    [Fact]
    public void Verify_DiscordShapedVector_Accepts()
    {
        var verifier = VerifierAt(1700000000);

        Assert.True(verifier.Verify(DiscordVectorSignature, "1700000000", "{\"type\":1}"u8));
        Assert.Equal(DiscordVectorSignature, InteractionSigner.Sign("1700000000", "{\"type\":1}"u8.ToArray()));
    }

    [Theory]
    [InlineData("1700000000", "{\"type\":2}")]
    [InlineData("1700000001", "{\"type\":1}")]
    [InlineData("1700000000", "{\"type\": 1}")]
    [InlineData("1700000000", "{\"type\":1}\n")]
    public void Verify_DiscordVectorWithChangedTimestampOrBody_Rejects(string timestamp, string body)
    {
        Assert.False(VerifierAt(1700000000).Verify(DiscordVectorSignature, timestamp, Encoding.UTF8.GetBytes(body)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("zz95961a47c91a1ec033b819b7e87e3dbc583dd0cee6d1fd0216f58ac87b6228ae531ddbf91fb7bc28d7edf7f08604da16f54624f38a6bc0614e4dc13cd47f0f")]
    [InlineData("1695961a47c91a1ec033b819b7e87e3dbc583dd0cee6d1fd0216f58ac87b6228ae531ddbf91fb7bc28d7edf7f08604da16f54624f38a6bc0614e4dc13cd47f")]
    [InlineData("0695961a47c91a1ec033b819b7e87e3dbc583dd0cee6d1fd0216f58ac87b6228ae531ddbf91fb7bc28d7edf7f08604da16f54624f38a6bc0614e4dc13cd47f0f")]
    public void Verify_MissingMalformedTruncatedOrForgedSignature_Rejects(string? signature)
    {
        Assert.False(VerifierAt(1700000000).Verify(signature, "1700000000", "{\"type\":1}"u8));
    }

    [Theory]
    [InlineData(1700000000 + 300, true)]
    [InlineData(1700000000 - 300, true)]
    [InlineData(1700000000 + 301, false)]
    [InlineData(1700000000 - 301, false)]
    public void Verify_TimestampAtWindowEdge_AcceptsOnlyInside(long now, bool expected)
    {
        Assert.Equal(expected, VerifierAt(now).Verify(DiscordVectorSignature, "1700000000", "{\"type\":1}"u8));
    }

    [Fact]
    public void Verify_NonNumericTimestamp_Rejects()
    {
        var signature = InteractionSigner.Sign("yesterday", "{\"type\":1}"u8.ToArray());
        Assert.False(VerifierAt(1700000000).Verify(signature, "yesterday", "{\"type\":1}"u8));
    }

    [Fact]
    public void Constructor_BadPublicKey_Throws()
    {
        Assert.Throws<ArgumentException>(() => VerifierAt(0, "abcd"));
    }
}
