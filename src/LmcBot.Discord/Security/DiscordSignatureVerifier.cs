using System.Buffers;
using System.Globalization;
using NSec.Cryptography;

namespace LmcBot.Discord.Security;

/// <summary>
/// Checks Discord's Ed25519 signature over <c>timestamp || raw body</c> and that the timestamp is within the
/// configured window. It never looks inside the body: parsing happens only after it says yes.
/// </summary>
public sealed class DiscordSignatureVerifier
{
    private readonly PublicKey _key;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;

    public DiscordSignatureVerifier(string publicKeyHex, TimeSpan window, TimeProvider time)
    {
        if (!DiscordSignatureKey.TryParse(publicKeyHex, out var key) || key is null)
            throw new ArgumentException("The public key must be 64 hex characters of an Ed25519 key.", nameof(publicKeyHex));
        _key = key;
        _window = window;
        _time = time;
    }

    /// <summary>
    /// True when <paramref name="signedMessage"/> (the UTF-8 timestamp followed by the raw body, already joined by the
    /// caller to avoid a copy) carries a valid signature and the timestamp is fresh.
    /// </summary>
    internal bool VerifySignedMessage(string? signatureHex, string? timestamp, ReadOnlySpan<byte> signedMessage)
    {
        if (signatureHex is null || signatureHex.Length != 128 || string.IsNullOrEmpty(timestamp))
            return false;
        if (!IsFresh(timestamp))
            return false;
        Span<byte> signature = stackalloc byte[64];
        if (Convert.FromHexString(signatureHex, signature, out _, out var written) != OperationStatus.Done || written != 64)
            return false;
        return SignatureAlgorithm.Ed25519.Verify(_key, signedMessage, signature);
    }

    /// <summary>True when the signature over <c>timestamp || body</c> is valid and the timestamp is within the window.</summary>
    public bool Verify(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (timestamp is null)
            return false;
        var stampLength = System.Text.Encoding.UTF8.GetByteCount(timestamp);
        var buffer = ArrayPool<byte>.Shared.Rent(stampLength + body.Length);
        try
        {
            var written = System.Text.Encoding.UTF8.GetBytes(timestamp, buffer);
            body.CopyTo(buffer.AsSpan(written));
            return VerifySignedMessage(signatureHex, timestamp, buffer.AsSpan(0, written + body.Length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Discord sends Unix seconds; anything else cannot be checked for staleness, so it fails.
    private bool IsFresh(string timestamp)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return false;
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        return Math.Abs(now - seconds) <= (long)_window.TotalSeconds;
    }
}
