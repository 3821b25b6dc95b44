using NSec.Cryptography;

namespace LmcBot.Discord.Security;

/// <summary>Parses the application's hex public key into an NSec Ed25519 key.</summary>
internal static class DiscordSignatureKey
{
    public static bool TryParse(string? hex, out PublicKey? key)
    {
        key = null;
        if (hex is null || hex.Length != 64)
            return false;
        Span<byte> raw = stackalloc byte[32];
        if (Convert.FromHexString(hex, raw, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
            return false;
        return PublicKey.TryImport(SignatureAlgorithm.Ed25519, raw, KeyBlobFormat.RawPublicKey, out key);
    }
}
